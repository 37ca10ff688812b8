#include "terraform/TypeConstraint.h"

#include "terraform/Functions.h"

#include <algorithm>

namespace akslint::terraform {

namespace {

// The first named child of `node` of the given type.
ts::Node child_of_type(ts::Node node, std::string_view type) {
  const uint32_t n = ts::named_child_count(node);
  for (uint32_t i = 0; i < n; ++i) {
    const ts::Node c = ts::named_child(node, i);
    if (ts::type(c) == type) return c;
  }
  return ts::Node{};
}

// The argument expressions of a type constructor call such as `list(string)`.
std::vector<ts::Node> arguments(ts::Node call) {
  std::vector<ts::Node> out;
  const ts::Node args = child_of_type(call, "function_arguments");
  if (ts::is_null(args)) return out;
  const uint32_t n = ts::named_child_count(args);
  for (uint32_t i = 0; i < n; ++i) {
    const ts::Node a = ts::named_child(args, i);
    if (ts::type(a) == std::string_view("expression")) out.push_back(a);
  }
  return out;
}

class Converter {
 public:
  Converter(const ts::SyntaxTree& doc, Evaluator& ev) : doc_(doc), ev_(ev) {}

  Value convert(Value v, ts::Node type) {
    if (v.is_unknown() || v.is_null()) return v;
    const ts::Node term = ts::named_child(type, 0);
    if (ts::is_null(term)) return v;
    const std::string_view kind = ts::type(term);
    if (kind == "variable_expr") return primitive(std::move(v), doc_.text(term));
    if (kind != "function_call") return v;
    const std::string_view name = doc_.text(ts::named_child(term, 0));
    const auto args = arguments(term);
    if (args.empty()) return v;
    if (name == "list" || name == "set") return each_element(std::move(v), args[0]);
    if (name == "map") return each_member(std::move(v), args[0]);
    if (name == "object") return object(std::move(v), args[0]);
    return v;
  }

 private:
  static Value primitive(Value v, std::string_view name) {
    Value out = v;
    if (name == "number" && v.is_string()) {
      if (const auto n = to_number(v)) out = Value::number(*n, v.span());
    } else if (name == "bool" && v.is_string()) {
      if (const auto b = to_bool(v)) out = Value::boolean(*b, v.span());
    } else if (name == "string" && !v.is_string()) {
      if (const auto s = to_template_string(v)) out = Value::string(*s, v.span());
    }
    out.set_provenance(v.provenance());
    return out;
  }

  Value each_element(Value v, ts::Node element) {
    if (auto* items = v.as_array()) {
      for (Value& item : *items) item = convert(std::move(item), element);
    }
    return v;
  }

  Value each_member(Value v, ts::Node element) {
    if (auto* members = v.as_object()) {
      for (auto& m : *members) m.value = convert(std::move(m.value), element);
    }
    return v;
  }

  // object({ a = type, b = optional(type, default) }): attributes converted, missing optional
  // ones filled with their default (or null).
  Value object(Value v, ts::Node spec) {
    auto* members = v.as_object();
    const ts::Node collection = ts::named_child(spec, 0);
    const ts::Node fields = ts::is_null(collection) ? ts::Node{} : ts::named_child(collection, 0);
    if (members == nullptr || ts::is_null(fields) || ts::type(fields) != std::string_view("object")) return v;
    const uint32_t n = ts::named_child_count(fields);
    for (uint32_t i = 0; i < n; ++i) {
      const ts::Node elem = ts::named_child(fields, i);
      if (ts::type(elem) != std::string_view("object_elem")) continue;
      const std::string key(doc_.text(ts::field(elem, "key")));
      ts::Node type = ts::field(elem, "val");
      std::optional<ts::Node> fallback;
      const ts::Node term = ts::named_child(type, 0);
      const bool optional = ts::type(term) == std::string_view("function_call") &&
                            doc_.text(ts::named_child(term, 0)) == "optional";
      if (optional) {
        const auto args = arguments(term);
        if (args.empty()) continue;
        type = args[0];
        if (args.size() > 1) fallback = args[1];
      }
      auto it = std::find_if(members->begin(), members->end(), [&](const auto& m) { return m.key == key; });
      if (it != members->end() && !(it->value.is_null() && fallback)) {
        it->value = convert(std::move(it->value), type);
      } else if (optional) {
        Value filled = fallback ? convert(ev_.isolated(Expr{&doc_, *fallback, nullptr}).value, type) : Value::null();
        filled.set_provenance(Provenance::Defaulted);
        if (it != members->end()) {
          it->value = std::move(filled);
        } else {
          members->push_back({key, std::move(filled), {}});
        }
      }
    }
    return v;
  }

  const ts::SyntaxTree& doc_;
  Evaluator& ev_;
};

}  // namespace

Value apply_type(Value value, const Expr& type, Evaluator& ev) {
  if (type.doc == nullptr) return value;
  return Converter(*type.doc, ev).convert(std::move(value), type.node);
}

}  // namespace akslint::terraform
