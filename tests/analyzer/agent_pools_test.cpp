// Every node pool, inline or its own resource, listed in the graph's resource order.
#include <akslint/analyzer/AgentPools.h>

#include <catch2/catch.hpp>

using namespace akslint;

namespace {

Resource resource(std::string type, std::string name, Value properties = Value::object({})) {
  Resource r;
  r.type = std::move(type);
  r.name = Value::string(std::move(name));
  r.body = Value::object({{"properties", std::move(properties)}});
  return r;
}

Value profiles(std::initializer_list<std::string_view> names) {
  std::vector<Value> items;
  for (const auto name : names) items.push_back(Value::object({{"name", Value::string(std::string(name))}}));
  return Value::object({{"agentPoolProfiles", Value::array(std::move(items))}});
}

}  // namespace

TEST_CASE("agent pools: inline profiles and pool resources in resource order, types in any case") {
  std::vector<Resource> resources;
  resources.push_back(resource("Microsoft.Network/virtualNetworks", "net"));
  resources.push_back(resource("microsoft.containerservice/managedclusters", "a", profiles({"system", "user"})));
  resources.push_back(resource(std::string(kAgentPoolType), "b/spot"));
  resources.push_back(resource(std::string(kManagedClusterType), "b", profiles({"sys"})));
  resources.push_back(resource(std::string(kAgentPoolType), "a/batch"));
  std::vector<std::vector<Resource>> units;
  units.push_back(std::move(resources));
  const ResourceGraph graph(std::move(units), 0);

  std::vector<std::string> seen;
  for (const AgentPool& pool : agent_pools(graph)) seen.push_back(pool.name + " " + pool.profile_path);
  CHECK(seen == std::vector<std::string>{"system properties.agentPoolProfiles[0]", "user properties.agentPoolProfiles[1]",
                                         "spot properties", "sys properties.agentPoolProfiles[0]", "batch properties"});
}
