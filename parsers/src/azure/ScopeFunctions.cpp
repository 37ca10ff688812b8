// Deployment and resource functions: resourceGroup(), subscription(), tenant(), deployment(),
// resourceId, subscriptionResourceId, tenantResourceId, extensionResourceId; reference,
// list*, and the functions whose value only exists at deployment time, stay unknown.
#include "azure/FunctionSupport.h"

#include <fmt/format.h>

namespace akslint::azure {

namespace {

// Joins parts into one string when all are known strings; otherwise unknown with `text`.
Value joined(std::initializer_list<const Value*> parts, std::string_view unknown_text, SourceSpan span) {
  std::string out;
  for (const Value* p : parts) {
    const auto s = p->as_string();
    if (!s) return Value::unknown(std::string(unknown_text), span);
    out += *s;
  }
  return Value::string(std::move(out), span);
}

Value text(std::string_view s, SourceSpan span) { return Value::string(std::string(s), span); }

// resourceGroup(), resourceGroup(name), resourceGroup(subscriptionId, name).
Value resource_group(const Call& call) {
  if (call.size() > 2) return call.unknown();
  const bool own = call.size() == 0;
  const Value subscription = call.size() == 2 ? call[0] : call.context.subscription_id;
  const Value name = own ? call.context.resource_group_name : call[call.size() - 1];
  const std::string label = own ? "resourceGroup()" : *call.unknown().unknown_expression();
  const Value location = own ? call.context.resource_group_location : Value::unknown(label + ".location");
  const Value prefix = text("/subscriptions/", call.span);
  const Value middle = text("/resourceGroups/", call.span);
  Value out = Value::object({}, call.span);
  out.set("id", joined({&prefix, &subscription, &middle, &name}, label + ".id", call.span));
  out.set("name", at_span(name, call.span));
  out.set("type", text("Microsoft.Resources/resourceGroups", call.span));
  out.set("location", at_span(location, call.span));
  out.set("tags", Value::unknown(label + ".tags", call.span));
  out.set("properties", Value::unknown(label + ".properties", call.span));
  return out;
}

// subscription(), subscription(subscriptionId).
Value subscription(const Call& call) {
  if (call.size() > 1) return call.unknown();
  const Value id = call.size() == 1 ? call[0] : call.context.subscription_id;
  const std::string label = call.size() == 1 ? *call.unknown().unknown_expression() : "subscription()";
  const Value prefix = text("/subscriptions/", call.span);
  Value out = Value::object({}, call.span);
  out.set("id", joined({&prefix, &id}, label + ".id", call.span));
  out.set("subscriptionId", at_span(id, call.span));
  out.set("tenantId", at_span(call.context.tenant_id, call.span));
  out.set("displayName", Value::unknown(label + ".displayName", call.span));
  return out;
}

Value tenant(const Call& call) {
  if (call.size() != 0) return call.unknown();
  Value out = Value::object({}, call.span);
  out.set("tenantId", at_span(call.context.tenant_id, call.span));
  out.set("countryCode", Value::unknown("tenant().countryCode", call.span));
  out.set("displayName", Value::unknown("tenant().displayName", call.span));
  return out;
}

Value deployment(const Call& call) {
  if (call.size() != 0) return call.unknown();
  Value out = Value::object({}, call.span);
  out.set("name", at_span(call.context.deployment_name, call.span));
  out.set("properties", Value::unknown("deployment().properties", call.span));
  out.set("location", Value::unknown("deployment().location", call.span));
  return out;
}

// "/providers/Microsoft.Network/virtualNetworks/vnet/subnets/a" for a type and its names.
std::optional<std::string> provider_path(std::string_view type, std::span<const Value> names) {
  while (type.ends_with('/')) type.remove_suffix(1);  // Azure accepts "Microsoft.X/y/"
  std::vector<std::string_view> segments;
  for (std::size_t start = 0;;) {
    const auto slash = type.find('/', start);
    segments.push_back(type.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  std::vector<std::string_view> parts;
  for (const auto& n : names) {
    const auto s = n.as_string();
    if (!s) return std::nullopt;
    for (std::size_t start = 0;;) {
      const auto slash = s->find('/', start);
      parts.push_back(s->substr(start, slash == std::string_view::npos ? slash : slash - start));
      if (slash == std::string_view::npos) break;
      start = slash + 1;
    }
  }
  if (segments.size() < 2 || parts.size() != segments.size() - 1) return std::nullopt;
  std::string out = fmt::format("/providers/{}", segments[0]);
  for (std::size_t i = 0; i < parts.size(); ++i) out += fmt::format("/{}/{}", segments[i + 1], parts[i]);
  return out;
}

// Index of the resource type among the arguments: the first known string holding a '/'.
std::optional<std::size_t> type_index(const Call& call, std::size_t from) {
  for (std::size_t i = from; i < call.size(); ++i) {
    const auto s = call[i].as_string();
    if (s && s->find('/') != std::string_view::npos) return i;
  }
  return std::nullopt;
}

// The id of the resource named by the arguments from `type_at` on, under `scope_prefix`.
Value id_under(const Call& call, const std::string& scope_prefix, std::size_t type_at) {
  const auto path = provider_path(*call[type_at].as_string(), call.args.subspan(type_at + 1));
  if (!path) return call.unknown();
  return call.string(scope_prefix + *path);
}

Value resource_id(const Call& call) {
  const auto at = type_index(call, 0);
  if (!at || *at > 2) return call.unknown();
  const Value& sub = *at == 2 ? call[0] : call.context.subscription_id;
  const Value& rg = *at >= 1 ? call[*at - 1] : call.context.resource_group_name;
  if (!sub.as_string() || !rg.as_string()) return call.unknown();
  return id_under(call, fmt::format("/subscriptions/{}/resourceGroups/{}", *sub.as_string(), *rg.as_string()), *at);
}

Value subscription_resource_id(const Call& call) {
  const auto at = type_index(call, 0);
  if (!at || *at > 1) return call.unknown();
  const Value& sub = *at == 1 ? call[0] : call.context.subscription_id;
  if (!sub.as_string()) return call.unknown();
  return id_under(call, fmt::format("/subscriptions/{}", *sub.as_string()), *at);
}

Value tenant_resource_id(const Call& call) {
  if (call.size() < 2 || type_index(call, 0) != 0) return call.unknown();
  return id_under(call, "", 0);
}

Value extension_resource_id(const Call& call) {
  if (call.size() < 3 || !call[0].as_string() || !call[1].as_string()) return call.unknown();
  return id_under(call, std::string(*call[0].as_string()), 1);
}

// managementGroupResourceId([managementGroupId], type, names...); the deployment's own
// management group is not known.
Value management_group_resource_id(const Call& call) {
  const auto at = type_index(call, 0);
  if (!at || *at != 1 || !call[0].as_string()) return call.unknown();
  return id_under(call, fmt::format("/providers/Microsoft.Management/managementGroups/{}", *call[0].as_string()), *at);
}

}  // namespace

std::optional<ResourceTarget> resource_id_target(std::string_view name, std::span<const Value> args) {
  const bool family = iequals(name, "resourceId") || iequals(name, "subscriptionResourceId") ||
                      iequals(name, "tenantResourceId") || iequals(name, "extensionResourceId") ||
                      iequals(name, "managementGroupResourceId");
  if (!family) return std::nullopt;
  const std::size_t from = iequals(name, "extensionResourceId") ? 1 : 0;
  for (std::size_t i = from; i < args.size(); ++i) {
    const auto s = args[i].as_string();
    if (!s || s->find('/') == std::string_view::npos) continue;
    std::string_view type = *s;
    while (type.ends_with('/')) type.remove_suffix(1);
    ResourceTarget target{std::string(type), {}};
    for (std::size_t j = i + 1; j < args.size(); ++j) {
      if (j > i + 1) target.name += '/';
      if (const auto part = args[j].as_string()) {
        target.name += *part;
      } else if (const auto* text = args[j].unknown_expression()) {
        target.name += "${" + *text + "}";
      } else {
        return std::nullopt;
      }
    }
    if (target.name.empty()) return std::nullopt;
    return target;
  }
  return std::nullopt;
}

void add_scope_functions(FunctionTable& table) {
  table["resourcegroup"] = resource_group;
  table["subscription"] = subscription;
  table["tenant"] = tenant;
  table["deployment"] = deployment;
  table["resourceid"] = resource_id;
  table["subscriptionresourceid"] = subscription_resource_id;
  table["tenantresourceid"] = tenant_resource_id;
  table["extensionresourceid"] = extension_resource_id;
  table["managementgroupresourceid"] = management_group_resource_id;
  // Known only once deployed: the caller keeps them unknown, with their text.
  for (const char* name : {"reference", "newguid", "utcnow", "environment", "managementgroup", "pickzones",
                           "providers", "extensions", "resourceinfo", "datetimeadd", "datetimefromepoch",
                           "datetimetoepoch", "list"}) {
    table[name] = [](const Call& call) { return call.unknown(); };
  }
}

}  // namespace akslint::azure
