#include "terraform/Azapi.h"

#include <nlohmann/json.hpp>

namespace akslint::terraform {

Value from_json(const nlohmann::json& j, SourceSpan span) {
  if (j.is_boolean()) return Value::boolean(j.get<bool>(), span);
  if (j.is_number()) return Value::number(j.get<double>(), span);
  if (j.is_string()) return Value::string(j.get<std::string>(), span);
  if (j.is_array()) {
    Value::Array items;
    for (const auto& item : j) items.push_back(from_json(item, span));
    return Value::array(std::move(items), span);
  }
  if (j.is_object()) {
    Value::Object members;
    for (const auto& [k, item] : j.items()) members.push_back({k, from_json(item, span), span});
    return Value::object(std::move(members), span);
  }
  return Value::null(span);
}

namespace {

// azapi 1.x takes `body = jsonencode({...})`; 2.x takes the object itself.
std::optional<Value> body_object(const Value& body) {
  if (body.is_object()) return body;
  if (const auto s = body.as_string()) {
    auto j = nlohmann::json::parse(*s, nullptr, false);
    if (!j.is_discarded() && j.is_object()) return from_json(j, body.span());
  }
  return std::nullopt;
}

std::string_view last_segment(std::string_view id) {
  const auto slash = id.rfind('/');
  return slash == std::string_view::npos ? id : id.substr(slash + 1);
}

bool contains(const SourceSpan& outer, const SourceSpan& inner) {
  return outer.valid() && outer.file == inner.file && outer.begin_byte <= inner.begin_byte &&
         inner.end_byte <= outer.end_byte;
}

bool names_resource_group(std::string_view target) { return target.find("azurerm_resource_group.") != std::string_view::npos; }

}  // namespace

void scope_from_id(const Value& id, Scope& scope) {
  const auto s = id.as_string();
  if (!s) return;
  std::string_view rest = *s;
  const auto segment_after = [&](std::string_view key) -> std::optional<std::string> {
    const auto at = rest.find(key);
    if (at == std::string_view::npos) return std::nullopt;
    const auto begin = at + key.size();
    const auto end = rest.find('/', begin);
    return std::string(rest.substr(begin, end == std::string_view::npos ? end : end - begin));
  };
  if (auto sub = segment_after("/subscriptions/")) scope.subscription = Value::string(*sub, id.span());
  if (auto rg = segment_after("/resourceGroups/")) scope.resource_group = Value::string(*rg, id.span());
}

std::optional<Resource> azapi_to_canonical(const TerraformResource& tf) {
  const Value& attrs = *tf.attributes;
  const Value* type = attrs.find("type");
  const auto type_text = type != nullptr ? type->as_string() : std::nullopt;
  if (!type_text) return std::nullopt;
  const auto at = type_text->find('@');
  Resource r;
  r.type = std::string(type_text->substr(0, at));
  if (at != std::string_view::npos) r.api_version = std::string(type_text->substr(at + 1));
  r.name = Value::null(tf.header_span);
  r.body = Value::object({}, tf.span);
  r.existing = tf.data_source;
  r.origin.kind = tf.kind;
  r.origin.file = tf.file;
  r.origin.address = tf.address;
  r.origin.source_type = std::string(tf.tf_type);
  r.origin.span = tf.span;
  r.origin.header_span = tf.header_span;
  if (const Value* name = attrs.find("name"); name != nullptr && !name->is_null()) r.name = *name;
  const Value* parent = attrs.find("parent_id");
  if (const Value* id = attrs.find("resource_id"); id != nullptr && !id->is_null()) {
    parent = id;
    if (const auto s = id->as_string(); s && r.name.is_null()) r.name = Value::string(std::string(last_segment(*s)), id->span());
  }
  if (parent != nullptr) scope_from_id(*parent, r.scope);
  for (const char* key : {"location", "tags"}) {
    if (const Value* v = attrs.find(key); v != nullptr && !v->is_null()) r.body.set(key, *v);
  }
  if (const Value* body = attrs.find("body"); body != nullptr && !body->is_null()) {
    if (auto object = body_object(*body)) {
      for (const auto& m : *object->as_object()) r.body.set(m.key, m.value, m.key_span);
    } else {
      r.body.set("properties", *body);  // unknown body: rules see unknown properties, not absent ones
    }
  }
  for (const Reference& ref : tf.references) {
    Reference placed = ref;
    if (parent != nullptr && contains(parent->span(), ref.span)) {
      const bool scope_only = names_resource_group(ref.target);
      placed.kind = scope_only ? ReferenceKind::Reference : ReferenceKind::Parent;
      placed.from_path = scope_only ? "resourceGroup" : "parent";
    } else {
      placed.from_path = path_holding(r.body, ref.span);
    }
    r.references.push_back(std::move(placed));
  }
  return r;
}

std::optional<Resource> azapi_action_to_canonical(const TerraformResource& tf) {
  const Value& attrs = *tf.attributes;
  Resource r;
  r.type = "Microsoft.Resources/resourceActions";
  r.name = Value::null(tf.header_span);
  r.body = Value::object({}, tf.span);
  r.origin.kind = tf.kind;
  r.origin.file = tf.file;
  r.origin.address = tf.address;
  r.origin.source_type = std::string(tf.tf_type);
  r.origin.span = tf.span;
  r.origin.header_span = tf.header_span;
  Value properties = Value::object({}, tf.span);
  if (const Value* type = attrs.find("type"); type != nullptr && !type->is_null()) {
    const auto text = type->as_string();
    properties.set("targetType", text ? Value::string(std::string(text->substr(0, text->find('@'))), type->span()) : *type);
  }
  if (const Value* id = attrs.find("resource_id"); id != nullptr && !id->is_null()) {
    properties.set("targetResourceId", *id);
    scope_from_id(*id, r.scope);
  }
  for (const char* key : {"action", "method"}) {
    if (const Value* v = attrs.find(key); v != nullptr && !v->is_null()) properties.set(key, *v);
  }
  r.body.set("properties", std::move(properties));
  for (const Reference& ref : tf.references) {
    Reference placed = ref;
    placed.from_path = path_holding(r.body, ref.span);
    r.references.push_back(std::move(placed));
  }
  return r;
}

}  // namespace akslint::terraform
