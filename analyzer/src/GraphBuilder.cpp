#include <akslint/analyzer/GraphBuilder.h>

#include <map>
#include <tuple>

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
  ResourceGraph graph;
  // (unit, address or symbol) -> vertex, for resolving references within a unit.
  std::map<std::tuple<std::uint32_t, std::string>, VertexId> by_name;
  for (auto& r : resources) {
    const auto unit = r.origin.unit;
    const std::string address = r.origin.address;
    const std::string symbol = r.origin.symbol;
    const VertexId v = graph.add_resource(std::move(r));
    by_name.emplace(std::make_tuple(unit, address), v);
    if (!symbol.empty()) by_name.emplace(std::make_tuple(unit, symbol), v);
  }
  for (const VertexId v : graph.resources()) {
    connect_scope(graph, v);
    const Resource& r = graph.resource(v);
    for (const auto& ref : r.references) {
      const auto it = by_name.find(std::make_tuple(r.origin.unit, ref.target));
      if (it == by_name.end() || it->second == v) continue;
      // A parent reference points from child to parent; the edge reads parent -> child.
      if (ref.kind == ReferenceKind::Parent) {
        graph.add_edge({it->second, v, EdgeKind::ParentOf, ref.from_path, ref.span});
      } else {
        graph.add_edge({v, it->second, edge_kind(ref.kind), ref.from_path, ref.span});
      }
    }
  }
  return graph;
}

}  // namespace akslint
