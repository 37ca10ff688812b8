#include <akslint/analyzer/GraphBuilder.h>

#include "TypedEdges.h"

#include <akslint/analyzer/ResourceTypes.h>

namespace akslint {

namespace {

EdgeKind edge_kind(ReferenceKind kind) {
  switch (kind) {
    case ReferenceKind::Parent: return EdgeKind::ParentOf;
    case ReferenceKind::DependsOn: return EdgeKind::DependsOn;
    case ReferenceKind::Reference: return EdgeKind::References;
  }
  return EdgeKind::References;
}

std::string known_string(const Value& v) {
  const auto s = v.as_string();
  return s ? std::string(*s) : std::string();
}

void connect_scope(ResourceGraph& graph, VertexId v) {
  const Resource& r = graph.resource(v);
  const std::string rg = known_string(r.scope.resource_group);
  const std::string sub = known_string(r.scope.subscription);
  if (rg.empty() && sub.empty()) return;
  ScopeVertex scope{rg.empty() ? ScopeKind::Subscription : ScopeKind::ResourceGroup, sub, rg};
  const SourceSpan span = r.scope.resource_group.span().valid() ? r.scope.resource_group.span() : r.origin.header_span;
  graph.add_edge({v, graph.add_scope(std::move(scope)), EdgeKind::DeployedInto, "", span});
}

}  // namespace

ResourceGraph build_graph(std::vector<Resource> resources) {
  std::vector<std::vector<Resource>> one;
  one.push_back(std::move(resources));
  return build_graph(std::move(one));
}

ResourceGraph build_graph(std::vector<std::vector<Resource>> units) {
  // Vertices to come: a VNet's inline subnets, and scopes (one per resource group and
  // subscription, far fewer than resources).
  std::size_t count = 0;
  std::size_t more = 16;
  for (const auto& unit : units) {
    count += unit.size();
    for (const Resource& r : unit) {
      const Value* subnets = r.is(kVirtualNetworkType) ? r.at("properties.subnets") : nullptr;
      if (subnets != nullptr && subnets->is_array()) more += subnets->as_array()->size();
    }
  }
  ResourceGraph graph(std::move(units), more + count / 4);
  std::vector<VertexId> vnets;
  for (const VertexId v : graph.resources()) {
    if (graph.resource(v).is(kVirtualNetworkType)) vnets.push_back(v);
  }
  for (const VertexId v : vnets) expand_inline_subnets(graph, v);
  const Resolver resolver(graph);
  const std::vector<VertexId> vertices(graph.resources().begin(), graph.resources().end());
  for (const VertexId v : vertices) {
    connect_scope(graph, v);
    const Resource& r = graph.resource(v);
    for (const auto& ref : r.references) {
      const auto target = resolver.by_name(r.origin.unit, ref.target);
      if (!target || *target == v) continue;
      // A parent reference points from child to parent; the edge reads parent -> child.
      if (ref.kind == ReferenceKind::Parent) {
        graph.add_edge({*target, v, EdgeKind::ParentOf, ref.from_path, ref.span});
      } else {
        graph.add_edge({v, *target, edge_kind(ref.kind), ref.from_path, ref.span});
      }
    }
  }
  add_named_parents(graph, resolver);
  add_typed_edges(graph, resolver);
  add_derived_scopes(graph);
  add_node_resource_groups(graph);
  return graph;
}

}  // namespace akslint
