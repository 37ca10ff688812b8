#include <akslint/analyzer/GraphBuilder.h>

#include "TypedEdges.h"

#include <akslint/analyzer/ResourceTypes.h>
#include <akslint/model/Parallel.h>

#include <atomic>
#include <optional>
#include <thread>
#include <utility>

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

// Each resource's DeployedInto edge and the edges of the references its reader recorded, in
// vertex order. With two jobs or more, a second thread resolves the references' targets,
// chunk by chunk, ahead of the thread that adds the edges; it reads only the resources and
// the resolver, never the graph, which the first thread grows meanwhile.
void add_reference_edges(ResourceGraph& graph, const Resolver& resolver, unsigned jobs) {
  constexpr std::size_t kChunk = 256;
  std::vector<std::pair<VertexId, const Resource*>> vertices;
  for (const VertexId v : graph.resources()) vertices.emplace_back(v, &graph.resource(v));
  const std::size_t chunks = (vertices.size() + kChunk - 1) / kChunk;
  const auto chunk_end = [&](std::size_t c) { return std::min(vertices.size(), (c + 1) * kChunk); };
  std::vector<std::vector<std::optional<VertexId>>> targets(chunks);  // per chunk, its references' in order
  std::atomic<std::size_t> resolved{0};  // chunks whose targets are ready
  const auto resolve = [&](const std::atomic<bool>&) {
    for (std::size_t c = 0; c < chunks; ++c) {
      for (std::size_t k = c * kChunk; k < chunk_end(c); ++k) {
        const Resource& r = *vertices[k].second;
        for (const auto& ref : r.references) targets[c].push_back(resolver.by_name(r.origin.unit, ref.target));
      }
      resolved.store(c + 1, std::memory_order_release);
    }
  };
  const auto add = [&](const std::atomic<bool>& stop) {
    ScopeConnector scopes(graph);
    for (std::size_t c = 0; c < chunks; ++c) {
      while (resolved.load(std::memory_order_acquire) <= c) {
        if (stop) return;  // the other thread failed
        std::this_thread::yield();
      }
      std::size_t next = 0;
      for (std::size_t k = c * kChunk; k < chunk_end(c); ++k) {
        const auto [v, r] = vertices[k];
        scopes.connect(v);
        for (const auto& ref : r->references) {
          const auto target = targets[c][next++];
          if (!target || *target == v) continue;
          // A parent reference points from child to parent; the edge reads parent -> child.
          if (ref.kind == ReferenceKind::Parent) {
            graph.add_edge({*target, v, EdgeKind::ParentOf, ref.from_path, ref.span});
          } else {
            graph.add_edge({v, *target, edge_kind(ref.kind), ref.from_path, ref.span});
          }
        }
      }
    }
  };
  side_by_side(jobs, resolve, add);
}

}  // namespace

ResourceGraph build_graph(std::vector<Resource> resources) {
  std::vector<std::vector<Resource>> one;
  one.push_back(std::move(resources));
  return build_graph(std::move(one), 1);
}

ResourceGraph build_graph(std::vector<std::vector<Resource>> units, unsigned jobs) {
  // Vertices to come: a VNet's inline subnets, and scopes (one per resource group and
  // subscription, far fewer than resources).
  std::size_t count = 0;
  std::size_t more = 16;
  std::vector<const Resource*> given;  // the graph's first vertices, in order
  for (const auto& unit : units) {
    count += unit.size();
    for (const Resource& r : unit) {
      given.push_back(&r);  // the units' resources stay where they are: the graph keeps them
      const Value* subnets = r.is(kVirtualNetworkType) ? r.at("properties.subnets") : nullptr;
      if (subnets != nullptr && subnets->is_array()) more += subnets->as_array()->size();
    }
  }
  // The vertices (with the inline subnets) and the resolver's index of them are independent:
  // with two jobs or more they are made side by side.
  ResourceGraph graph;
  std::optional<Resolver> resolver;
  side_by_side(
      jobs,
      [&](const std::atomic<bool>&) {
        resolver.emplace(graph, given);  // keeps a reference to `graph`, which it reads only later
      },
      [&](const std::atomic<bool>&) {
        graph = ResourceGraph(std::move(units), more + count / 4);
        std::vector<VertexId> vnets;
        for (const VertexId v : graph.resources()) {
          if (graph.resource(v).is(kVirtualNetworkType)) vnets.push_back(v);
        }
        for (const VertexId v : vnets) expand_inline_subnets(graph, v);
      });
  resolver->add_remaining();
  add_reference_edges(graph, *resolver, jobs);
  add_named_parents(graph, *resolver);
  add_typed_edges(graph, *resolver);
  add_derived_scopes(graph);
  add_node_resource_groups(graph);
  return graph;
}

}  // namespace akslint
