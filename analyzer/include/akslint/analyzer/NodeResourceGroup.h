#pragma once
// A cluster's node resource group: the second resource group AKS creates and owns.
#include <akslint/model/Resource.h>

#include <optional>
#include <string>

namespace akslint {

struct NodeResourceGroup {
  std::string name;
  // properties.nodeResourceGroup when written; null when the name is Azure's default.
  const Value* written = nullptr;
  [[nodiscard]] bool derived() const { return written == nullptr; }
};

// The node resource group name as AKS will use it: the written name, or the default
// `MC_<resource group>_<cluster>_<location>` when none is set. nullopt when a part of it is
// unknown.
[[nodiscard]] std::optional<NodeResourceGroup> node_resource_group(const Resource& cluster);

// A resource that AKS itself creates in a node resource group, recognised by its documented
// name pattern (aks-<pool>-<n>-vmss, kubernetes load balancers, aks-agentpool-* NSG and
// route table, aks-vnet-*, <cluster>-agentpool identity) or by Azure-created `aks-managed-*` tags.
[[nodiscard]] bool is_aks_created(const Resource& resource);

struct ScopeVertex;
// A scope that is some cluster's node resource group in this estate, or whose name has the
// `MC_` prefix AKS gives the groups it creates (for clusters declared in another repository).
[[nodiscard]] bool is_node_resource_group(const ScopeVertex& scope);

class ResourceGraph;
struct ResourceId;
// A scale set AKS owns: a declared one that is AKS-created or deployed into a node resource
// group, or one named by an id in a node resource group or with AKS's scale set name pattern.
[[nodiscard]] bool is_aks_scale_set(const ResourceGraph& graph, std::uint32_t vertex);
[[nodiscard]] bool is_aks_scale_set(const ResourceGraph& graph, const ResourceId& id);

// "West Europe" -> "westeurope": the location as Azure spells it in names.
[[nodiscard]] std::string normalized_location(std::string_view location);

// The subscription a resource is deployed into, when known; else empty.
[[nodiscard]] std::string known_subscription(const Resource& resource);
// The resource group a resource is deployed into, when known; else empty.
[[nodiscard]] std::string known_resource_group(const Resource& resource);

}  // namespace akslint
