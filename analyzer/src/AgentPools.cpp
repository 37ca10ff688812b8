#include <akslint/analyzer/AgentPools.h>

#include <algorithm>
#include <iterator>

namespace akslint {

namespace {

std::string display_name(const Value* name, bool last_segment) {
  if (name == nullptr) return "(unnamed)";
  if (const auto s = name->as_string()) {
    std::string_view n = *s;
    if (last_segment) n = n.substr(n.rfind('/') + 1);  // ARM child names are "cluster/pool"
    return std::string(n);
  }
  if (const auto* expr = name->unknown_expression()) return *expr;
  return "(unnamed)";
}

// The cluster of a separate agentPools resource: its parent in the graph.
const Resource* parent_cluster(const ResourceGraph& g, VertexId pool) {
  for (const Edge& e : g.in_edges(pool, EdgeKind::ParentOf)) {
    if (g.is_resource(e.source) && g.resource(e.source).is(kManagedClusterType)) return &g.resource(e.source);
  }
  return nullptr;
}

}  // namespace

std::vector<AgentPool> agent_pools(const ResourceGraph& graph) {
  // Clusters and separate pools in vertex order, as graph.resources() has them: the graph's
  // lists by type, merged, rather than every resource of the graph compared with two types.
  const auto clusters = graph.resources_of(kManagedClusterType);
  const auto separate = graph.resources_of(kAgentPoolType);
  std::vector<VertexId> owners;
  owners.reserve(clusters.size() + separate.size());
  std::merge(clusters.begin(), clusters.end(), separate.begin(), separate.end(), std::back_inserter(owners));
  std::vector<AgentPool> pools;
  for (const VertexId v : owners) {
    const Resource& r = graph.resource(v);
    if (r.is(kManagedClusterType)) {
      const Value* profiles = r.at("properties.agentPoolProfiles");
      const auto* items = profiles != nullptr ? profiles->as_array() : nullptr;
      if (items == nullptr) continue;
      for (std::size_t i = 0; i < items->size(); ++i) {
        const Value& p = (*items)[i];
        if (!p.is_object()) continue;
        pools.push_back({&r, &p, "properties.agentPoolProfiles[" + std::to_string(i) + "]",
                         display_name(p.find("name"), false), &r});
      }
    } else if (r.is(kAgentPoolType)) {
      const Value* props = r.at("properties");
      if (props == nullptr || !props->is_object()) continue;
      pools.push_back({&r, props, "properties", display_name(&r.name, true), parent_cluster(graph, v)});
    }
  }
  return pools;
}

}  // namespace akslint
