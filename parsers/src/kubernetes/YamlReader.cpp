#include "kubernetes/YamlReader.h"

#include "kubernetes/YamlScalars.h"
#include "ts/TsTree.h"

#include <fmt/format.h>

#include <map>

namespace akslint::yaml {

namespace {

// Converts one document's nodes; anchors are known from their definition onwards.
class DocumentReader {
 public:
  explicit DocumentReader(const ts::Document& doc) : doc_(doc) {}

  Value node(TSNode n) {
    std::string anchor;
    bool string_tag = false;
    TSNode content{};
    const uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
      const TSNode child = ts_node_named_child(n, i);
      const auto t = ts::type(child);
      if (t == "anchor") anchor = std::string(doc_.text(child).substr(1));
      else if (t == "tag") string_tag = doc_.text(child) == "!!str";
      else if (t != "comment") content = child;
    }
    Value v = ts_node_is_null(content) ? Value::null(doc_.span(n)) : content_of(content, string_tag);
    if (!anchor.empty()) anchors_[anchor] = v;
    return v;
  }

 private:
  Value content_of(TSNode n, bool string_tag) {
    const auto t = ts::type(n);
    const SourceSpan span = doc_.span(n);
    const std::string_view text = doc_.text(n);
    if (t == "block_mapping" || t == "flow_mapping") return mapping(n);
    if (t == "block_sequence" || t == "flow_sequence") return sequence(n);
    if (t == "plain_scalar") return string_tag ? Value::string(plain(text), span) : typed_plain(text, span);
    if (t == "double_quote_scalar") return Value::string(double_quoted(text), span);
    if (t == "single_quote_scalar") return Value::string(single_quoted(text), span);
    if (t == "block_scalar") return Value::string(block(text), span);
    if (t == "alias") return alias(text.substr(1), span);
    if (t == "block_node" || t == "flow_node") return node(n);
    return Value::unknown(std::string(text), span);
  }

  // An alias is the anchored value at the alias's place; an undefined one stays unknown.
  Value alias(std::string_view name, SourceSpan span) {
    const auto it = anchors_.find(std::string(name));
    if (it == anchors_.end()) return Value::unknown(fmt::format("*{}", name), span);
    Value v = it->second;
    v.set_span(span);
    return v;
  }

  Value mapping(TSNode n) {
    Value::Object members;
    std::vector<Value> merges;
    const uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
      const TSNode pair = ts_node_named_child(n, i);
      const auto t = ts::type(pair);
      if (t != "block_mapping_pair" && t != "flow_pair") continue;
      const TSNode key_node = ts::field(pair, "key");
      const TSNode value_node = ts::field(pair, "value");
      const Value key = ts::is_null(key_node) ? Value::null() : node(key_node);
      Value value = ts::is_null(value_node) ? Value::null(doc_.span(pair)) : node(value_node);
      if (!ts::is_null(key_node) && doc_.text(key_node) == "<<") {
        merges.push_back(std::move(value));
        continue;
      }
      std::string key_text = key.as_string() ? std::string(*key.as_string()) : key.to_display();
      upsert(members, {std::move(key_text), std::move(value), doc_.span(ts::is_null(key_node) ? pair : key_node)});
    }
    for (const Value& merge : merges) merge_into(members, merge);
    return Value::object(std::move(members), doc_.span(n));
  }

  // Later keys win, as Kubernetes' decoder does with duplicates.
  static void upsert(Value::Object& members, Value::Member member) {
    for (auto& m : members) {
      if (m.key == member.key) {
        m = std::move(member);
        return;
      }
    }
    members.push_back(std::move(member));
  }

  // `<<: *base` (or a list of them) adds the keys the mapping does not set itself.
  static void merge_into(Value::Object& members, const Value& merge) {
    if (const auto* list = merge.as_array()) {
      for (const Value& item : *list) merge_into(members, item);
      return;
    }
    const auto* source = merge.as_object();
    if (source == nullptr) return;
    for (const auto& m : *source) {
      bool present = false;
      for (const auto& existing : members) present = present || existing.key == m.key;
      if (!present) members.push_back(m);
    }
  }

  Value sequence(TSNode n) {
    Value::Array items;
    const uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
      const TSNode child = ts_node_named_child(n, i);
      const auto t = ts::type(child);
      if (t == "block_sequence_item") {
        const TSNode inner = ts_node_named_child_count(child) > 0 ? first_content(child) : TSNode{};
        items.push_back(ts::is_null(inner) ? Value::null(doc_.span(child)) : node(inner));
      } else if (t == "flow_node") {
        items.push_back(node(child));
      } else if (t == "flow_pair") {  // `[a: b]` is a one-pair mapping
        Value::Object one;
        const TSNode key_node = ts::field(child, "key");
        const TSNode value_node = ts::field(child, "value");
        const Value key = ts::is_null(key_node) ? Value::null() : node(key_node);
        one.push_back({key.as_string() ? std::string(*key.as_string()) : key.to_display(),
                       ts::is_null(value_node) ? Value::null(doc_.span(child)) : node(value_node), doc_.span(child)});
        items.push_back(Value::object(std::move(one), doc_.span(child)));
      }
    }
    return Value::array(std::move(items), doc_.span(n));
  }

  static TSNode first_content(TSNode n) {
    const uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
      const TSNode child = ts_node_named_child(n, i);
      if (ts::type(child) != "comment") return child;
    }
    return TSNode{};
  }

  const ts::Document& doc_;
  std::map<std::string, Value, std::less<>> anchors_;
};

}  // namespace

Stream read_stream(std::string_view text, FileId file) {
  Stream out;
  const ts::Document doc(tree_sitter_yaml(), text, file);
  if (auto error = doc.first_syntax_error()) {
    out.diagnostics.push_back(std::move(*error));
    return out;
  }
  const TSNode root = doc.root();
  const uint32_t count = ts_node_named_child_count(root);
  for (uint32_t i = 0; i < count; ++i) {
    const TSNode document = ts_node_named_child(root, i);
    if (ts::type(document) != "document") continue;
    const uint32_t parts = ts_node_named_child_count(document);
    for (uint32_t j = 0; j < parts; ++j) {
      const TSNode part = ts_node_named_child(document, j);
      const auto t = ts::type(part);
      if (t != "block_node" && t != "flow_node") continue;
      DocumentReader reader(doc);
      out.documents.push_back(reader.node(part));
    }
  }
  return out;
}

}  // namespace akslint::yaml
