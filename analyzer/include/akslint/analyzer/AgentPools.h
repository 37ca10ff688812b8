#pragma once
// Every node pool of the estate, whether written inline in the cluster
// (properties.agentPoolProfiles[], Terraform default_node_pool) or as its own agentPools
// resource, seen through one shape so that pool rules are written once.
#include <akslint/analyzer/ResourceGraph.h>

#include <string>
#include <vector>

namespace akslint {

inline constexpr std::string_view kManagedClusterType = "Microsoft.ContainerService/managedClusters";
inline constexpr std::string_view kAgentPoolType = "Microsoft.ContainerService/managedClusters/agentPools";

struct AgentPool {
  const Resource* resource = nullptr;  // the cluster (inline profile) or the agentPools resource
  const Value* profile = nullptr;      // object holding count, mode, minCount, ...
  std::string profile_path;            // canonical path of `profile` within the resource body
  std::string name;                    // pool name when known, else as written
  const Resource* cluster = nullptr;   // the cluster it belongs to, when the graph knows it

  // A field of the profile ("count", "mode"), null when absent.
  [[nodiscard]] const Value* field(std::string_view key) const { return profile->find(key); }
  [[nodiscard]] std::string path_of(std::string_view field) const {
    return profile_path.empty() ? std::string(field) : profile_path + "." + std::string(field);
  }
};

[[nodiscard]] std::vector<AgentPool> agent_pools(const ResourceGraph& graph);

}  // namespace akslint
