#include <akslint/analyzer/ResourceGraph.h>

#include <boost/graph/adjacency_list.hpp>

#include <algorithm>
#include <deque>
#include <map>
#include <stdexcept>
#include <variant>

namespace akslint {

std::string_view to_string(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::References: return "references";
    case EdgeKind::ParentOf: return "parent-of";
    case EdgeKind::DeployedInto: return "deployed-into";
    case EdgeKind::DependsOn: return "depends-on";
    case EdgeKind::SubnetOf: return "subnet-of";
    case EdgeKind::NsgAssociated: return "nsg-associated";
    case EdgeKind::RouteTableAssociated: return "route-table-associated";
    case EdgeKind::NodeResourceGroupOf: return "node-rg-of";
    case EdgeKind::Targets: return "targets";
    case EdgeKind::Locks: return "locks";
    case EdgeKind::EncryptedWith: return "encrypted-with";
    case EdgeKind::PlacedIn: return "placed-in";
  }
  return "references";
}

namespace {

struct EdgeData {
  EdgeKind kind = EdgeKind::References;
  std::string from_path;
  SourceSpan span;
};

// A resource vertex points at its resource in the graph's storage (Impl): vertex storage
// stays small, and the resources handed to the graph are not moved again.
using VertexData = std::variant<const Resource*, ScopeVertex>;
// vecS vertices keep VertexId == insertion index. Each vertex's out- and in-edges are
// vectors, in insertion order, since edges are never removed: lists cost a node per edge
// and end (the corpus's build and teardown of the graph: 252 M instructions with lists,
// 236 M with vectors). The edges' data stay in one list, whose nodes do not move.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexData, EdgeData,
                                    boost::no_property, boost::listS>;

// Resource groups and node resource groups share keys: they are the same Azure object.
std::string scope_key(std::string_view subscription, std::string_view name) {
  return ascii_lowercase(subscription) + '|' + ascii_lowercase(name);
}

}  // namespace

struct ResourceGraph::Impl {
  std::vector<std::vector<Resource>> given;  // as handed to the constructor; never grow, so never move
  std::deque<Resource> added;   // resources added later (a deque keeps them in place)
  Graph graph;
  std::vector<VertexId> resource_vertices;
  std::vector<VertexId> inline_vertices;  // sorted: insertion order is increasing
  std::map<std::string, VertexId> scopes;
  // Resource vertices by lower-case type, in insertion order: rules ask for one type per
  // cluster, and a scan of every resource each time made them quadratic.
  std::map<std::string, std::vector<VertexId>, std::less<>> by_type;

  // The list of `type`'s vertices; the key is lowered in a buffer kept for it, so that only
  // a type not seen before allocates (try_emplace copies the key only to insert it).
  std::vector<VertexId>& type_list(std::string_view type) {
    type_key.assign(type);
    std::transform(type_key.begin(), type_key.end(), type_key.begin(), ascii_lower);
    return by_type.try_emplace(type_key).first->second;
  }
  std::string type_key;

  Edge edge_of(Graph::edge_descriptor e) const {
    const auto& d = graph[e];
    return Edge{static_cast<VertexId>(boost::source(e, graph)), static_cast<VertexId>(boost::target(e, graph)),
                d.kind, d.from_path, d.span};
  }
};

ResourceGraph::ResourceGraph() : impl_(std::make_unique<Impl>()) {}
ResourceGraph::ResourceGraph(std::vector<std::vector<Resource>> units, std::size_t more)
    : impl_(std::make_unique<Impl>()) {
  std::size_t count = 0;
  for (const auto& unit : units) count += unit.size();
  // boost offers no reserve of its own, so this reaches its vertex vector.
  impl_->graph.m_vertices.reserve(count + more);
  impl_->resource_vertices.reserve(count);
  impl_->given = std::move(units);
  for (const auto& unit : impl_->given) {
    for (const Resource& resource : unit) add_resource_vertex(resource);
  }
}
ResourceGraph::~ResourceGraph() = default;
ResourceGraph::ResourceGraph(ResourceGraph&&) noexcept = default;
ResourceGraph& ResourceGraph::operator=(ResourceGraph&&) noexcept = default;

VertexId ResourceGraph::add_resource(Resource resource) {
  return add_resource_vertex(impl_->added.emplace_back(std::move(resource)));
}

VertexId ResourceGraph::add_resource_vertex(const Resource& resource) {
  const auto v = static_cast<VertexId>(boost::add_vertex(VertexData{&resource}, impl_->graph));
  impl_->resource_vertices.push_back(v);
  impl_->type_list(resource.type).push_back(v);
  return v;
}

VertexId ResourceGraph::add_scope(ScopeVertex scope) {
  auto key = scope_key(scope.subscription, scope.kind == ScopeKind::Subscription ? "" : scope.name);
  if (const auto it = impl_->scopes.find(key); it != impl_->scopes.end()) {
    auto& existing = std::get<ScopeVertex>(impl_->graph[it->second]);
    if (scope.kind == ScopeKind::NodeResourceGroup) existing.kind = ScopeKind::NodeResourceGroup;
    return it->second;
  }
  const auto v = static_cast<VertexId>(boost::add_vertex(VertexData{std::move(scope)}, impl_->graph));
  impl_->scopes.emplace(std::move(key), v);
  return v;
}

std::optional<VertexId> ResourceGraph::find_scope(std::string_view subscription, std::string_view name) const {
  const auto it = impl_->scopes.find(scope_key(subscription, name));
  if (it == impl_->scopes.end()) return std::nullopt;
  return it->second;
}

void ResourceGraph::add_edge(Edge edge) {
  boost::add_edge(edge.source, edge.target, EdgeData{edge.kind, std::move(edge.from_path), edge.span}, impl_->graph);
}

std::size_t ResourceGraph::vertex_count() const { return boost::num_vertices(impl_->graph); }

bool ResourceGraph::is_resource(VertexId v) const { return std::holds_alternative<const Resource*>(impl_->graph[v]); }

const Resource& ResourceGraph::resource(VertexId v) const { return *std::get<const Resource*>(impl_->graph[v]); }

const ScopeVertex& ResourceGraph::scope(VertexId v) const { return std::get<ScopeVertex>(impl_->graph[v]); }

std::span<const VertexId> ResourceGraph::resources() const { return impl_->resource_vertices; }

std::span<const VertexId> ResourceGraph::resources_of(std::string_view canonical_type) const {
  const auto it = impl_->by_type.find(ascii_lowercase(canonical_type));
  if (it == impl_->by_type.end()) return {};
  return it->second;
}

std::vector<VertexId> ResourceGraph::resources_where(
    const std::function<bool(std::string_view)>& lowercase_type_matches) const {
  std::vector<VertexId> out;
  for (const auto& [type, vertices] : impl_->by_type) {
    if (lowercase_type_matches(type)) out.insert(out.end(), vertices.begin(), vertices.end());
  }
  std::sort(out.begin(), out.end());  // vertices are numbered as they are added
  return out;
}

std::vector<Edge> ResourceGraph::out_edges(VertexId v, std::optional<EdgeKind> kind) const {
  std::vector<Edge> out;
  for (const auto e : boost::make_iterator_range(boost::out_edges(v, impl_->graph))) {
    if (!kind || impl_->graph[e].kind == *kind) out.push_back(impl_->edge_of(e));
  }
  return out;
}

std::vector<Edge> ResourceGraph::in_edges(VertexId v, std::optional<EdgeKind> kind) const {
  std::vector<Edge> out;
  for (const auto e : boost::make_iterator_range(boost::in_edges(v, impl_->graph))) {
    if (!kind || impl_->graph[e].kind == *kind) out.push_back(impl_->edge_of(e));
  }
  return out;
}

}  // namespace akslint

namespace akslint {

std::vector<VertexId> ResourceGraph::targets(VertexId v, EdgeKind kind) const {
  std::vector<VertexId> out;
  for (const auto e : boost::make_iterator_range(boost::out_edges(v, impl_->graph))) {
    if (impl_->graph[e].kind == kind) out.push_back(static_cast<VertexId>(boost::target(e, impl_->graph)));
  }
  return out;
}

std::vector<VertexId> ResourceGraph::sources(VertexId v, EdgeKind kind) const {
  std::vector<VertexId> out;
  for (const auto e : boost::make_iterator_range(boost::in_edges(v, impl_->graph))) {
    if (impl_->graph[e].kind == kind) out.push_back(static_cast<VertexId>(boost::source(e, impl_->graph)));
  }
  return out;
}

VertexId ResourceGraph::add_inline_resource(Resource resource, VertexId parent, std::string path) {
  const SourceSpan span = resource.origin.span;
  const VertexId v = add_resource(std::move(resource));
  impl_->inline_vertices.push_back(v);
  add_edge({parent, v, EdgeKind::ParentOf, std::move(path), span});
  return v;
}

bool ResourceGraph::declared_inline(VertexId v) const {
  return std::binary_search(impl_->inline_vertices.begin(), impl_->inline_vertices.end(), v);
}

}  // namespace akslint
