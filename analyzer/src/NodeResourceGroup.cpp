#include <akslint/analyzer/NodeResourceGroup.h>

#include <akslint/analyzer/ResourceGraph.h>
#include <akslint/analyzer/ResourceId.h>
#include <akslint/analyzer/ResourceTypes.h>

#include <algorithm>
#include <cctype>

namespace akslint {

namespace {

std::string known(const Value& v) {
  const auto s = v.as_string();
  return s ? std::string(*s) : std::string();
}

bool istarts(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool iends(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

struct CreatedName {
  std::string_view type;
  std::string_view prefix;
  std::string_view suffix;
};

constexpr CreatedName kCreatedNames[] = {
    {"Microsoft.Compute/virtualMachineScaleSets", "aks-", "-vmss"},
    {"Microsoft.Network/loadBalancers", "kubernetes", ""},
    {"Microsoft.Network/networkSecurityGroups", "aks-agentpool-", "-nsg"},
    {"Microsoft.Network/routeTables", "aks-agentpool-", "-routetable"},
    {"Microsoft.Network/virtualNetworks", "aks-vnet-", ""},
    {"Microsoft.ManagedIdentity/userAssignedIdentities", "", "-agentpool"},
};

bool has_aks_managed_tag(const Resource& resource) {
  const Value* tags = resource.at("tags");
  const auto* members = tags != nullptr ? tags->as_object() : nullptr;
  if (members == nullptr) return false;
  return std::any_of(members->begin(), members->end(), [](const Value::Member& m) { return istarts(m.key, "aks-managed-"); });
}

}  // namespace

bool is_aks_created(const Resource& resource) {
  if (has_aks_managed_tag(resource)) return true;
  std::string_view type = resource.type;
  const auto name = resource.name.as_string();
  if (!name) return false;
  std::string_view n = *name;
  // A child (scale set extension, NSG rule) belongs to its AKS-created parent.
  while (std::count(type.begin(), type.end(), '/') > 1 && n.find('/') != std::string_view::npos) {
    type = type.substr(0, type.rfind('/'));
    n = n.substr(0, n.rfind('/'));
  }
  return std::any_of(std::begin(kCreatedNames), std::end(kCreatedNames), [&](const CreatedName& c) {
    return iequals(c.type, type) && istarts(n, c.prefix) && iends(n, c.suffix) && n.size() > c.prefix.size() + c.suffix.size();
  });
}

bool is_node_resource_group(const ScopeVertex& scope) {
  return scope.kind == ScopeKind::NodeResourceGroup || (scope.kind == ScopeKind::ResourceGroup && istarts(scope.name, "MC_"));
}

bool is_aks_scale_set(const ResourceGraph& graph, std::uint32_t vertex) {
  const Resource& r = graph.resource(vertex);
  if (!r.is(kScaleSetType)) return false;
  if (is_aks_created(r)) return true;
  const auto scopes = graph.targets(vertex, EdgeKind::DeployedInto);
  return std::any_of(scopes.begin(), scopes.end(), [&](VertexId s) { return is_node_resource_group(graph.scope(s)); });
}

bool is_aks_scale_set(const ResourceGraph& graph, const ResourceId& id) {
  if (!iequals(id.type, kScaleSetType)) return false;
  Resource named;
  named.type = id.type;
  named.name = Value::string(id.name);
  if (is_aks_created(named)) return true;
  if (id.resource_group.empty()) return false;
  const auto scope = graph.find_scope(id.subscription, id.resource_group);
  if (scope && is_node_resource_group(graph.scope(*scope))) return true;
  return is_node_resource_group(ScopeVertex{ScopeKind::ResourceGroup, id.subscription, id.resource_group});
}

std::string normalized_location(std::string_view location) {
  std::string out;
  for (const char c : location) {
    if (c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string known_subscription(const Resource& resource) { return known(resource.scope.subscription); }
std::string known_resource_group(const Resource& resource) { return known(resource.scope.resource_group); }

std::optional<NodeResourceGroup> node_resource_group(const Resource& cluster) {
  if (const Value* written = cluster.at("properties.nodeResourceGroup"); written != nullptr && !written->is_null()) {
    const auto name = written->as_string();
    if (!name) return std::nullopt;
    return NodeResourceGroup{std::string(*name), written};
  }
  const std::string rg = known_resource_group(cluster);
  const std::string name = known(cluster.name);
  const Value* location = cluster.at("location");
  const auto loc = location != nullptr ? location->as_string() : std::nullopt;
  if (rg.empty() || name.empty() || !loc) return std::nullopt;
  return NodeResourceGroup{"MC_" + rg + "_" + name + "_" + normalized_location(*loc), nullptr};
}

}  // namespace akslint
