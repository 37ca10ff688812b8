#include "Frontends.h"
#include "json/JsonReader.h"

#include <fmt/format.h>

namespace akslint {

namespace {

// An ARM template expression ("[...]", not the "[[" escape) is unknown until evaluated.
Value lower_arm_value(const Value& v) {
  if (const auto s = v.as_string(); s && s->size() >= 2 && s->front() == '[' && s->back() == ']' &&
                                    (*s)[1] != '[') {
    return Value::unknown(std::string(*s), v.span());
  }
  if (const auto* arr = v.as_array()) {
    Value::Array items;
    for (const auto& item : *arr) items.push_back(lower_arm_value(item));
    return Value::array(std::move(items), v.span());
  }
  if (const auto* obj = v.as_object()) {
    Value::Object members;
    for (const auto& m : *obj) members.push_back({m.key, lower_arm_value(m.value), m.key_span});
    return Value::object(std::move(members), v.span());
  }
  return v;
}

SourceSpan header_span(const Value& resource) {
  const Value::Member* type = resource.find_member("type");
  return type != nullptr ? type->key_span : resource.span();
}

void lower_resource(const Value& decl, std::string_view parent_type, std::string_view parent_name, FileId file,
                    std::vector<Resource>& out) {
  if (!decl.is_object()) return;
  const auto type = decl.find("type") != nullptr ? decl.find("type")->as_string() : std::nullopt;
  if (!type) return;
  Resource r;
  r.type = parent_type.empty() ? std::string(*type) : fmt::format("{}/{}", parent_type, *type);
  if (const Value* api = decl.find("apiVersion"); api != nullptr && api->as_string()) {
    r.api_version = std::string(*api->as_string());
  }
  const Value* name = decl.find("name");
  r.name = name != nullptr ? lower_arm_value(*name) : Value::null(decl.span());
  if (!parent_name.empty() && r.name.as_string()) {
    r.name = Value::string(fmt::format("{}/{}", parent_name, *r.name.as_string()), r.name.span());
  }
  r.body = lower_arm_value(decl);
  r.origin = {SourceKind::Arm, file, 0, name != nullptr ? name->to_display() : std::string(*type), "",
              std::string(*type), decl.span(), header_span(decl)};
  if (const auto s = r.name.as_string()) r.origin.address = std::string(*s);
  const std::string full_type = r.type;
  const std::string full_name = r.name.as_string() ? std::string(*r.name.as_string()) : std::string();
  out.push_back(std::move(r));
  if (const Value* children = decl.find("resources"); children != nullptr && children->as_array()) {
    for (const Value& child : *children->as_array()) lower_resource(child, full_type, full_name, file, out);
  }
}

}  // namespace

UnitModel read_arm_template(const DeploymentUnit& unit, const FileTable& files) {
  UnitModel out;
  const FileId id = unit.files.front();
  auto doc = read_json(files[id], id);
  out.diagnostics = std::move(doc.diagnostics);
  if (!doc.root) return out;
  const Value* resources = doc.root->find("resources");
  if (resources != nullptr && resources->as_array()) {
    for (const Value& decl : *resources->as_array()) lower_resource(decl, "", "", id, out.resources);
  }
  return out;
}

}  // namespace akslint
