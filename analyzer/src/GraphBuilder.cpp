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

std::string_view known_string(const Value& v) { return v.as_string().value_or(std::string_view{}); }

// Each resource's DeployedInto edge to the scope its known subscription and resource group
// name. Resources come unit by unit and most of a unit's share one scope, so the last scope
// found is tried first, before a key is made and looked up.
class ScopeConnector {
 public:
  explicit ScopeConnector(ResourceGraph& graph) : graph_(graph) {}

  void connect(VertexId v) {
    const Resource& r = graph_.resource(v);
    const std::string_view rg = known_string(r.scope.resource_group);
    const std::string_view sub = known_string(r.scope.subscription);
    if (rg.empty() && sub.empty()) return;
    if (!found_ || rg != last_rg_ || sub != last_sub_) {
      last_ = graph_.add_scope({rg.empty() ? ScopeKind::Subscription : ScopeKind::ResourceGroup, std::string(sub),
                                std::string(rg)});
      found_ = true;
      last_rg_ = rg;  // views of the resource's values, which the graph never moves
      last_sub_ = sub;
    }
    const SourceSpan span = r.scope.resource_group.span().valid() ? r.scope.resource_group.span() : r.origin.header_span;
    graph_.add_edge({v, last_, EdgeKind::DeployedInto, "", span});
  }

 private:
  ResourceGraph& graph_;
  bool found_ = false;
  VertexId last_ = 0;
  std::string_view last_rg_;
  std::string_view last_sub_;
};

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
  ScopeConnector scopes(graph);
  for (const VertexId v : vertices) {
    scopes.connect(v);
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
