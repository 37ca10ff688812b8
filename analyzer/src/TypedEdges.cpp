#include "TypedEdges.h"

#include <akslint/analyzer/AgentPools.h>
#include <akslint/analyzer/NodeResourceGroup.h>
#include <akslint/analyzer/ResourceTypes.h>

#include <algorithm>
#include <functional>

namespace akslint {

namespace {

struct EdgeSpec {
  std::string_view source_type;
  std::string_view path;
  EdgeKind kind;
  std::string_view target_type;  // empty: any resource
};

// One row per typed fact. Pool resources report through their cluster (see edge_source).
constexpr EdgeSpec kEdgeSpecs[] = {
    {kManagedClusterType, "properties.agentPoolProfiles[*].vnetSubnetID", EdgeKind::SubnetOf, kSubnetType},
    {kManagedClusterType, "properties.agentPoolProfiles[*].podSubnetID", EdgeKind::SubnetOf, kSubnetType},
    {kAgentPoolType, "properties.vnetSubnetID", EdgeKind::SubnetOf, kSubnetType},
    {kAgentPoolType, "properties.podSubnetID", EdgeKind::SubnetOf, kSubnetType},
    {kManagedClusterType, "properties.agentPoolProfiles[*].proximityPlacementGroupID", EdgeKind::PlacedIn,
     kProximityPlacementGroupType},
    {kAgentPoolType, "properties.proximityPlacementGroupID", EdgeKind::PlacedIn, kProximityPlacementGroupType},
    {kManagedClusterType, "properties.diskEncryptionSetID", EdgeKind::EncryptedWith, kDiskEncryptionSetType},
    {kSubnetType, "properties.networkSecurityGroup.id", EdgeKind::NsgAssociated, kNsgType},
    {kSubnetType, "properties.routeTable.id", EdgeKind::RouteTableAssociated, kRouteTableType},
    {kAutoscaleSettingType, "properties.targetResourceUri", EdgeKind::Targets, ""},
    {kScaleSetExtensionType, "properties.virtualMachineScaleSetId", EdgeKind::Targets, kScaleSetType},
    {kLockType, "scope", EdgeKind::Locks, ""},
    {kResourceActionType, "properties.targetResourceId", EdgeKind::Targets, ""},
};

std::optional<VertexId> parent_of(const ResourceGraph& graph, VertexId v) {
  const auto parents = graph.sources(v, EdgeKind::ParentOf);
  if (parents.empty() || !graph.is_resource(parents.front())) return std::nullopt;
  return parents.front();
}

// Facts about a pool resource belong to its cluster, as the cluster's inline pools do.
VertexId edge_source(const ResourceGraph& graph, VertexId v) {
  if (!graph.resource(v).is(kAgentPoolType)) return v;
  const auto parent = parent_of(graph, v);
  return parent && graph.resource(*parent).is(kManagedClusterType) ? *parent : v;
}

// The scope a resource id names when it names a resource group or subscription.
std::optional<ScopeVertex> scope_of_id(const Value& value) {
  const auto text = value.as_string();
  const auto id = text ? parse_resource_id(*text) : std::nullopt;
  if (!id || !(iequals(id->type, kResourceGroupType) || iequals(id->type, "Microsoft.Resources/subscriptions"))) {
    return std::nullopt;
  }
  const bool rg = !id->resource_group.empty();
  return ScopeVertex{rg ? ScopeKind::ResourceGroup : ScopeKind::Subscription, id->subscription,
                     rg ? id->resource_group : std::string()};
}

void add_spec_edges(ResourceGraph& graph, const Resolver& resolver, VertexId v, const EdgeSpec& spec) {
  const Resource& r = graph.resource(v);
  std::vector<Edge> found;
  std::vector<std::pair<ScopeVertex, Edge>> scoped;  // added after the walk: adding vertices moves resources
  visit_path(r.body, spec.path, "", [&](const Value& value, const std::string& path) {
    const SourceSpan span = value.span().valid() ? value.span() : r.origin.header_span;
    if (const auto target = resolver.resolve(r, value, path)) {
      if (*target == v || (!spec.target_type.empty() && !graph.resource(*target).is(spec.target_type))) return;
      found.push_back({edge_source(graph, v), *target, spec.kind, path, span});
    } else if (spec.kind == EdgeKind::Locks) {
      if (auto scope = scope_of_id(value)) scoped.emplace_back(std::move(*scope), Edge{v, v, spec.kind, path, span});
    }
  });
  // The attribute can also be a reference outside the body (Bicep's `scope: symbol`).
  if (found.empty() && scoped.empty()) {
    for (const Edge& e : graph.out_edges(v, EdgeKind::References)) {
      if (e.from_path == spec.path && e.target != v &&
          (spec.target_type.empty() || (graph.is_resource(e.target) && graph.resource(e.target).is(spec.target_type)))) {
        found.push_back({edge_source(graph, v), e.target, spec.kind, e.from_path, e.span});
      }
    }
  }
  for (auto& e : found) graph.add_edge(std::move(e));
  for (auto& [scope, e] : scoped) {
    e.target = graph.add_scope(std::move(scope));
    graph.add_edge(std::move(e));
  }
}

// Terraform association resources (subnet <-> NSG, subnet <-> route table) become the edge
// they stand for, whatever attribute names the mapping gave their two ids.
void add_association_edge(ResourceGraph& graph, const Resolver& resolver, VertexId v) {
  const Resource& r = graph.resource(v);
  if (!r.origin.source_type.ends_with("_association")) return;
  std::optional<VertexId> subnet;
  std::optional<std::pair<VertexId, EdgeKind>> other;
  std::function<void(const Value&, const std::string&)> walk = [&](const Value& value, const std::string& path) {
    if (const auto* obj = value.as_object()) {
      for (const auto& m : *obj) walk(m.value, path.empty() ? m.key : path + "." + m.key);
      return;
    }
    const auto target = resolver.resolve(r, value, path);
    if (!target || *target == v) return;
    const Resource& t = graph.resource(*target);
    if (t.is(kSubnetType)) subnet = target;
    if (t.is(kNsgType)) other = std::make_pair(*target, EdgeKind::NsgAssociated);
    if (t.is(kRouteTableType)) other = std::make_pair(*target, EdgeKind::RouteTableAssociated);
  };
  walk(r.body, "");
  if (subnet && other) graph.add_edge({*subnet, other->first, other->second, "", r.origin.header_span});
}

bool has_scope(const ResourceGraph& graph, VertexId v) { return !graph.targets(v, EdgeKind::DeployedInto).empty(); }

}  // namespace

void expand_inline_subnets(ResourceGraph& graph, VertexId vnet) {
  const Resource& parent = graph.resource(vnet);
  const Value* subnets = parent.at("properties.subnets");
  const auto* items = subnets != nullptr ? subnets->as_array() : nullptr;
  if (items == nullptr) return;
  std::vector<std::pair<Resource, std::string>> children;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const Value& item = (*items)[i];
    const Value* name = item.find("name");
    const auto subnet_name = name != nullptr ? name->as_string() : std::nullopt;
    if (!item.is_object() || !subnet_name) continue;
    Resource child;
    child.type = std::string(kSubnetType);
    child.api_version = parent.api_version;
    const auto vnet_name = parent.name.as_string();
    child.name = vnet_name ? Value::string(std::string(*vnet_name) + "/" + std::string(*subnet_name), name->span())
                           : Value::unknown(parent.name.to_display() + "/" + std::string(*subnet_name), name->span());
    child.body = item;
    child.scope = parent.scope;
    child.origin = parent.origin;
    child.origin.address = parent.origin.address + "/subnets/" + std::string(*subnet_name);
    child.origin.symbol.clear();
    child.origin.span = item.span();
    child.origin.header_span = name->span();
    child.existing = parent.existing;
    const std::string path = "properties.subnets[" + std::to_string(i) + "]";
    for (const auto& ref : parent.references) {
      if (!ref.from_path.starts_with(path + ".")) continue;
      auto rebased = ref;
      rebased.from_path = ref.from_path.substr(path.size() + 1);
      child.references.push_back(std::move(rebased));
    }
    children.emplace_back(std::move(child), path);
  }
  for (auto& [child, path] : children) graph.add_inline_resource(std::move(child), vnet, path);
}

void add_named_parents(ResourceGraph& graph, const Resolver& resolver) {
  for (const VertexId v : graph.resources()) {
    if (!graph.sources(v, EdgeKind::ParentOf).empty()) continue;
    const Resource& r = graph.resource(v);
    const auto name = r.name.as_string();
    const auto type_slash = r.type.rfind('/');
    if (!name || r.type.find('/') == type_slash) continue;  // top-level type: no parent
    const auto name_slash = name->rfind('/');
    if (name_slash == std::string_view::npos) continue;
    ResourceId parent{"", "", r.type.substr(0, type_slash), std::string(name->substr(0, name_slash))};
    if (const auto p = resolver.by_id(parent, r)) graph.add_edge({*p, v, EdgeKind::ParentOf, "", r.origin.header_span});
  }
}

void add_typed_edges(ResourceGraph& graph, const Resolver& resolver) {
  const std::vector<VertexId> vertices(graph.resources().begin(), graph.resources().end());
  for (const VertexId v : vertices) {
    for (const EdgeSpec& spec : kEdgeSpecs) {
      if (graph.resource(v).is(spec.source_type)) add_spec_edges(graph, resolver, v, spec);
    }
    add_association_edge(graph, resolver, v);
    // An extension declared as a scale set's child acts on that scale set.
    if (graph.resource(v).is(kScaleSetExtensionType) && graph.targets(v, EdgeKind::Targets).empty()) {
      if (const auto p = parent_of(graph, v); p && graph.resource(*p).is(kScaleSetType)) {
        graph.add_edge({v, *p, EdgeKind::Targets, "", graph.resource(v).origin.header_span});
      }
    }
  }
}

void add_derived_scopes(ResourceGraph& graph) {
  const std::vector<VertexId> vertices(graph.resources().begin(), graph.resources().end());
  for (const VertexId v : vertices) {
    if (has_scope(graph, v)) continue;
    const Resource& r = graph.resource(v);
    const Value* own_id = r.at("id");
    const auto text = own_id != nullptr ? own_id->as_string() : std::nullopt;
    if (const auto id = text ? parse_resource_id(*text) : std::nullopt; id && !id->resource_group.empty()) {
      const SourceSpan span = own_id->span();  // before add_scope, which may move resources
      const VertexId scope = graph.add_scope({ScopeKind::ResourceGroup, id->subscription, id->resource_group});
      graph.add_edge({v, scope, EdgeKind::DeployedInto, "id", span});
      continue;
    }
    if (const auto p = parent_of(graph, v)) {
      for (const VertexId scope : graph.targets(*p, EdgeKind::DeployedInto)) {
        graph.add_edge({v, scope, EdgeKind::DeployedInto, "", r.origin.header_span});
      }
    }
  }
}

void add_node_resource_groups(ResourceGraph& graph) {
  for (const VertexId v : graph.resources_of(kManagedClusterType)) {
    const Resource& cluster = graph.resource(v);
    const auto nrg = node_resource_group(cluster);
    if (!nrg) continue;
    const SourceSpan span = nrg->written != nullptr ? nrg->written->span() : cluster.origin.header_span;
    const VertexId scope = graph.add_scope({ScopeKind::NodeResourceGroup, known_subscription(cluster), nrg->name});
    graph.add_edge({v, scope, EdgeKind::NodeResourceGroupOf, nrg->written != nullptr ? "properties.nodeResourceGroup" : "",
                    span});
  }
}

}  // namespace akslint
