#include "plan/PlanValues.h"

#include "terraform/AzurermMapping.h"

#include <fmt/format.h>

namespace akslint::plan {

namespace {

bool has_unknown(const Value& mask) {
  if (mask.as_bool() == std::optional<bool>(true)) return true;
  if (const auto* members = mask.as_object()) {
    for (const auto& m : *members) {
      if (has_unknown(m.value)) return true;
    }
  } else if (const auto* items = mask.as_array()) {
    for (const auto& item : *items) {
      if (has_unknown(item)) return true;
    }
  }
  return false;
}

// Spans are byte ranges of the plan, so a value copied by the table keeps the span of the
// attribute it came from: the first value (pre-order) with that span is where it landed.
bool find_span(const Value& v, const SourceSpan& span, std::string& path) {
  if (const auto* members = v.as_object()) {
    for (const auto& m : *members) {
      const std::size_t mark = path.size();
      path += (path.empty() ? "" : ".") + m.key;
      if (m.value.span() == span || find_span(m.value, span, path)) return true;
      path.resize(mark);
    }
  } else if (const auto* items = v.as_array()) {
    for (std::size_t i = 0; i < items->size(); ++i) {
      const std::size_t mark = path.size();
      path += fmt::format("[{}]", i);
      if ((*items)[i].span() == span || find_span((*items)[i], span, path)) return true;
      path.resize(mark);
    }
  }
  return false;
}

}  // namespace

void overlay_unknown(Value& values, const Value& mask) {
  if (!has_unknown(mask)) return;
  if (mask.as_bool()) {
    values = Value::unknown(std::string(kKnownAfterApply), mask.span());
    return;
  }
  if (const auto* members = mask.as_object()) {
    if (values.is_null()) values = Value::object({}, mask.span());
    if (!values.is_object()) return;
    for (const auto& m : *members) {
      if (!has_unknown(m.value)) continue;
      Value* slot = values.find(m.key);
      if (slot == nullptr) slot = &values.set(m.key, Value::null(m.value.span()), m.key_span);
      overlay_unknown(*slot, m.value);
    }
  } else if (const auto* items = mask.as_array()) {
    if (values.is_null()) values = Value::array({}, mask.span());
    auto* list = values.as_array();
    if (list == nullptr) return;
    for (std::size_t i = 0; i < items->size(); ++i) {
      if (!has_unknown((*items)[i])) continue;
      while (list->size() <= i) list->push_back(Value::null((*items)[i].span()));
      overlay_unknown((*list)[i], (*items)[i]);
    }
  }
}

std::string canonical_path(const Resource& resource, std::string_view tf_path, const Value* raw) {
  // Top-level attributes that fill a resource slot are found in the table: a known parent id,
  // for one, is kept nowhere in the body.
  if (const auto* mapping = terraform::find_type_mapping(resource.origin.source_type)) {
    for (const auto& field : mapping->body->fields) {
      if (field.tf_name == tf_path && field.path.starts_with('@')) return std::string(field.path);
    }
  }
  if (raw == nullptr || !raw->span().valid()) return {};
  const SourceSpan& span = raw->span();
  if (resource.name.span() == span) return "@name";
  if (resource.scope.resource_group.span() == span) return "@resourceGroup";
  if (resource.scope.subscription.span() == span) return "@subscription";
  std::string path;
  return find_span(resource.body, span, path) ? path : std::string();
}

Value change_document(const Resource& resource) {
  Value doc = Value::object({}, resource.body.span());
  if (!resource.name.is_null()) doc.set("name", resource.name);
  if (!resource.scope.resource_group.is_null()) doc.set("resourceGroup", resource.scope.resource_group);
  if (const auto* members = resource.body.as_object()) {
    for (const auto& m : *members) doc.set(m.key, m.value, m.key_span);
  }
  return doc;
}

std::string path_text(const Value& steps) {
  std::string out;
  const auto* items = steps.as_array();
  if (items == nullptr) return out;
  for (const Value& step : *items) {
    if (const auto s = step.as_string()) {
      out += (out.empty() ? "" : ".") + std::string(*s);
    } else if (const auto n = step.as_number()) {
      out += fmt::format("[{}]", static_cast<long long>(*n));
    }
  }
  return out;
}

}  // namespace akslint::plan
