#include "kubernetes/KubernetesObject.h"

#include <fmt/format.h>

namespace akslint {

std::string kubernetes_type(std::string_view group, std::string_view kind) {
  return fmt::format("Kubernetes/{}/{}", group.empty() ? "core" : group, kind);
}

GroupVersion split_api_version(std::string_view api_version) {
  const auto slash = api_version.find('/');
  if (slash == std::string_view::npos) return {"core", std::string(api_version)};
  return {std::string(api_version.substr(0, slash)), std::string(api_version.substr(slash + 1))};
}

std::optional<Resource> kubernetes_resource(Value object, Origin origin) {
  const Value* api = object.find("apiVersion");
  const Value* kind = object.find("kind");
  const auto api_text = api != nullptr ? api->as_string() : std::nullopt;
  const auto kind_text = kind != nullptr ? kind->as_string() : std::nullopt;
  if (!api_text || !kind_text || kind_text->empty()) return std::nullopt;
  const GroupVersion gv = split_api_version(*api_text);

  Resource r;
  r.type = kubernetes_type(gv.group, *kind_text);
  r.api_version = gv.version;
  const Value* name = object.at("metadata.name");
  r.name = name != nullptr ? *name : Value::null();
  const Value* ns = object.at("metadata.namespace");
  const auto ns_text = ns != nullptr ? ns->as_string() : std::nullopt;
  const std::string display_name = name != nullptr ? std::string(name->as_string().value_or(name->to_display())) : "";
  if (origin.address.empty()) {
    origin.address = ns_text ? fmt::format("{}/{}/{}", *kind_text, *ns_text, display_name)
                             : fmt::format("{}/{}", *kind_text, display_name);
  }
  if (origin.source_type.empty()) origin.source_type = fmt::format("{}/{}", *api_text, *kind_text);
  if (!origin.span.valid()) origin.span = object.span();
  if (!origin.header_span.valid()) origin.header_span = kind->span();
  r.origin = std::move(origin);
  r.body = std::move(object);
  return r;
}

void lower_bicep_kubernetes(Resource& resource) {
  const std::string_view type = resource.type;
  const auto slash = type.find('/');
  if (slash == std::string_view::npos || type.find('/', slash + 1) != std::string_view::npos) return;
  const std::string_view group = type.substr(0, slash);
  const std::string_view kind = type.substr(slash + 1);
  if (group.starts_with("Microsoft.") || kind.empty()) return;
  const SourceSpan header = resource.origin.header_span;
  Value object = Value::object({}, resource.body.span());
  const std::string api = group == "core" ? resource.api_version : fmt::format("{}/{}", group, resource.api_version);
  object.set("apiVersion", Value::string(api, header));
  object.set("kind", Value::string(std::string(kind), header));
  if (const auto* members = resource.body.as_object()) {
    for (const auto& m : *members) object.set(m.key, m.value, m.key_span);
  }
  if (const Value* name = object.at("metadata.name")) resource.name = *name;
  resource.type = kubernetes_type(group, kind);
  resource.body = std::move(object);
}

}  // namespace akslint
