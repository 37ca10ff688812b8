#include "terraform/Syntax.h"

#include "json/JsonReader.h"
#include "terraform/HclParser.h"

namespace akslint::terraform {

namespace {

// The text between a string_lit's quotes, as a block label.
std::string label_text(const ts::SyntaxTree& doc, ts::Node node) {
  std::string_view s = doc.text(node);
  if (ts::type(node) == std::string_view("string_lit") && s.size() >= 2) s = s.substr(1, s.size() - 2);
  return std::string(s);
}

Body hcl_body(const ts::SyntaxTree& doc, ts::Node body);

Block hcl_block(const ts::SyntaxTree& doc, ts::Node node) {
  Block block;
  block.span = doc.span(node);
  block.header_span = block.span;
  const uint32_t n = ts::named_child_count(node);
  for (uint32_t i = 0; i < n; ++i) {
    const ts::Node child = ts::named_child(node, i);
    const std::string_view t = ts::type(child);
    if (t == "identifier" && i == 0) {
      block.type = std::string(doc.text(child));
    } else if (t == "identifier" || t == "string_lit") {
      block.labels.push_back(label_text(doc, child));
    } else if (t == "block_start") {
      block.header_span.end_byte = ts::end_byte(child);
    } else if (t == "body") {
      block.body = hcl_body(doc, child);
    }
  }
  return block;
}

Body hcl_body(const ts::SyntaxTree& doc, ts::Node body) {
  Body out;
  const uint32_t n = ts::named_child_count(body);
  // Sized first: grown one by one, the blocks (each a body of its own) were moved again and
  // again (hcl_body on the corpus: 233 M instructions before, 199 M after).
  std::size_t attributes = 0;
  std::size_t blocks = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const std::string_view t = ts::type(ts::named_child(body, i));
    if (t == "attribute") ++attributes;
    if (t == "block") ++blocks;
  }
  out.attributes.reserve(attributes);
  out.blocks.reserve(blocks);
  for (uint32_t i = 0; i < n; ++i) {
    const ts::Node child = ts::named_child(body, i);
    const std::string_view t = ts::type(child);
    if (t == "attribute") {
      const ts::Node name = ts::named_child(child, 0);
      const ts::Node expr = ts::named_child(child, 1);
      if (ts::is_null(name) || ts::is_null(expr)) continue;
      out.attributes.push_back({std::string(doc.text(name)), Expr{&doc, expr, nullptr}, doc.span(name)});
    } else if (t == "block") {
      out.blocks.push_back(hcl_block(doc, child));
    }
  }
  return out;
}

Body json_body(const Value& object) {
  Body out;
  if (const auto* members = object.as_object()) {
    for (const auto& m : *members) {
      if (m.key == "//") continue;  // the JSON syntax's comment property
      out.attributes.push_back({m.key, Expr{nullptr, {}, &m.value}, m.key_span});
    }
  }
  return out;
}

// Each object of `value` (an object, or an array of objects) as a block body.
template <class F>
void for_each_object(const Value& value, F&& f) {
  if (value.is_object()) {
    f(value);
  } else if (const auto* items = value.as_array()) {
    for (const Value& item : *items) {
      if (item.is_object()) f(item);
    }
  }
}

Block json_block(std::string type, std::vector<std::string> labels, const Value& body, SourceSpan header) {
  Block b{std::move(type), std::move(labels), json_body(body), body.span(), header};
  return b;
}

// Top-level .tf.json: `"resource": {"type": {"name": {...}}}`, `"variable": {"name": {...}}`,
// `"locals": {...}`. Everything else (terraform settings, comments) has no resources to read.
Body json_config(const Value& root) {
  Body out;
  const auto* top = root.as_object();
  if (top == nullptr) return out;
  for (const auto& section : *top) {
    const std::string& kind = section.key;
    if (kind == "locals") {
      for_each_object(section.value, [&](const Value& o) { out.blocks.push_back(json_block(kind, {}, o, section.key_span)); });
      continue;
    }
    const auto* named = section.value.as_object();
    if (named == nullptr) continue;
    const bool two_labels = kind == "resource" || kind == "data";
    const bool one_label = kind == "module" || kind == "variable" || kind == "output" || kind == "provider";
    if (!two_labels && !one_label) continue;
    for (const auto& first : *named) {
      if (one_label) {
        for_each_object(first.value,
                        [&](const Value& o) { out.blocks.push_back(json_block(kind, {first.key}, o, first.key_span)); });
        continue;
      }
      const auto* names = first.value.as_object();
      if (names == nullptr) continue;
      for (const auto& second : *names) {
        for_each_object(second.value, [&](const Value& o) {
          out.blocks.push_back(json_block(kind, {first.key, second.key}, o, second.key_span));
        });
      }
    }
  }
  return out;
}

bool is_json(const SourceFile& file) { return file.path.ends_with(".json"); }

}  // namespace

SourceSpan Expr::span() const {
  if (doc != nullptr) return doc->span(node);
  return json != nullptr ? json->span() : SourceSpan{};
}

std::string Expr::text() const {
  if (doc != nullptr) return std::string(doc->text(node));
  if (json == nullptr) return {};
  if (const auto s = json->as_string()) return std::string(*s);
  return json->to_display();
}

const Attribute* Body::attribute(std::string_view name) const {
  for (const auto& a : attributes) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

const Block* Body::block(std::string_view type) const {
  for (const auto& b : blocks) {
    if (b.type == type) return &b;
  }
  return nullptr;
}

std::unique_ptr<ConfigFile> parse_config_file(const SourceFile& file, FileId id) {
  auto out = std::make_unique<ConfigFile>();
  out->id = id;
  if (is_json(file)) {
    auto doc = read_json(file, id);
    if (!doc.diagnostics.empty()) out->error = doc.diagnostics.front();
    if (!doc.root) return out;
    out->json = std::move(doc.root);
    if (file.format == FileFormat::TerraformVars) {
      out->body = json_body(*out->json);
    } else {
      out->body = json_config(*out->json);
    }
    return out;
  }
  out->doc = read_hcl(file.text, id, out->error);
  if (out->doc == nullptr) return out;
  const ts::Node root = out->doc->root();
  const uint32_t n = ts::named_child_count(root);
  for (uint32_t i = 0; i < n; ++i) {
    const ts::Node body = ts::named_child(root, i);
    if (ts::type(body) == std::string_view("body")) out->body = hcl_body(*out->doc, body);
  }
  return out;
}

ts::Node collection_node(const Expr& expr, std::string_view type) {
  if (expr.doc == nullptr) return ts::Node{};
  const ts::Node first = ts::named_child(expr.node, 0);
  if (ts::is_null(first) || ts::type(first) != std::string_view("collection_value")) return ts::Node{};
  const ts::Node inner = ts::named_child(first, 0);
  return ts::type(inner) == type ? inner : ts::Node{};
}

std::string traversal_prefix(const Expr& expr, std::size_t depth) {
  std::string out;
  std::size_t parts = 0;
  const auto add = [&](std::string_view name) {
    if (parts++ > 0) out += '.';
    out += name;
  };
  if (expr.json != nullptr) {
    const auto s = expr.json->as_string();
    if (!s) return {};
    std::string_view rest = *s;
    while (parts < depth && !rest.empty()) {
      const auto dot = rest.find('.');
      add(rest.substr(0, dot));
      rest = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
    }
    return parts == depth ? out : std::string();
  }
  if (expr.doc == nullptr) return {};
  const uint32_t n = ts::named_child_count(expr.node);
  for (uint32_t i = 0; i < n && parts < depth; ++i) {
    const ts::Node child = ts::named_child(expr.node, i);
    const std::string_view t = ts::type(child);
    if (i == 0 && t == "variable_expr") {
      add(expr.doc->text(child));
    } else if (i > 0 && t == "get_attr") {
      add(expr.doc->text(ts::named_child(child, 0)));
    } else {
      break;
    }
  }
  return parts == depth ? out : std::string();
}

}  // namespace akslint::terraform
