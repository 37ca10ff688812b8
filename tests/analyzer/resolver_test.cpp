#include "Resolver.h"

#include <akslint/analyzer/ResourceTypes.h>

#include <catch2/catch.hpp>

using namespace akslint;

namespace {

Resource declared(std::string_view type, std::string name, std::string address, std::uint32_t unit = 0,
                  std::string resource_group = "rg") {
  Resource r;
  r.type = std::string(type);
  r.name = Value::string(std::move(name));
  r.origin.address = std::move(address);
  r.origin.unit = unit;
  r.scope.resource_group = Value::string(std::move(resource_group));
  return r;
}

ResourceGraph graph_of(std::vector<Resource> resources) {
  std::vector<std::vector<Resource>> units;
  units.push_back(std::move(resources));
  return ResourceGraph(std::move(units), 0);
}

ResourceId id_of(std::string type, std::string name, std::string resource_group = "rg") {
  ResourceId id;
  id.type = std::move(type);
  id.name = std::move(name);
  id.resource_group = std::move(resource_group);
  return id;
}

}  // namespace

TEST_CASE("a name finds the first resource declared under it, in its own unit only") {
  std::vector<Resource> resources;
  resources.push_back(declared(kVirtualNetworkType, "a", "azurerm_virtual_network.net", 0));
  resources.push_back(declared(kVirtualNetworkType, "b", "azurerm_virtual_network.net", 0));
  resources.push_back(declared(kVirtualNetworkType, "c", "azurerm_virtual_network.net", 1));
  Resource symbol = declared(kSubnetType, "s", "subnet_resource", 1);
  symbol.origin.symbol = "nodes";
  resources.push_back(std::move(symbol));
  const ResourceGraph graph = graph_of(std::move(resources));
  const Resolver resolver(graph);
  const auto vertices = graph.resources();

  CHECK(resolver.by_name(0, "azurerm_virtual_network.net") == vertices[0]);
  CHECK(resolver.by_name(1, "azurerm_virtual_network.net") == vertices[2]);
  CHECK(resolver.by_name(1, "nodes") == vertices[3]);
  CHECK(resolver.by_name(0, "nodes") == std::nullopt);
  CHECK(resolver.by_name(2, "azurerm_virtual_network.net") == std::nullopt);
  CHECK(resolver.by_name(0, "azurerm_virtual_network") == std::nullopt);
}

TEST_CASE("an id finds its resource whatever the case, within the id's group") {
  std::vector<Resource> resources;
  resources.push_back(declared(kSubnetType, "vnet/Nodes", "one", 0, "rg-a"));
  resources.push_back(declared(kSubnetType, "vnet/nodes", "two", 0, "rg-b"));
  resources.push_back(declared(kSubnetType, "vnet/pods", "three", 1, "rg-a"));
  resources.push_back(declared(kSubnetType, "vnet/pods", "four", 2, "rg-a"));
  const ResourceGraph graph = graph_of(std::move(resources));
  const Resolver resolver(graph);
  const auto vertices = graph.resources();
  const Resource& from = graph.resource(vertices[2]);

  CHECK(resolver.by_id(id_of("microsoft.network/VIRTUALNETWORKS/subnets", "VNET/NODES", "RG-A"), from) == vertices[0]);
  CHECK(resolver.by_id(id_of(std::string(kSubnetType), "vnet/nodes", "rg-b"), from) == vertices[1]);
  CHECK(resolver.by_id(id_of(std::string(kSubnetType), "vnet/nodes", "rg-c"), from) == std::nullopt);
  // Two in one group: the one in the asking resource's own unit decides.
  CHECK(resolver.by_id(id_of(std::string(kSubnetType), "vnet/pods", "rg-a"), from) == vertices[2]);
  CHECK(resolver.by_id(id_of(std::string(kSubnetType), "vnet/pods", "rg-a"), graph.resource(vertices[0])) == std::nullopt);
}

TEST_CASE("an id's type and name are matched apart, not as one joined key") {
  std::vector<Resource> resources;
  resources.push_back(declared("Microsoft.Example/things", "a|b", "one"));
  const ResourceGraph graph = graph_of(std::move(resources));
  const Resolver resolver(graph);
  const Resource& from = graph.resource(graph.resources()[0]);

  CHECK(resolver.by_id(id_of("Microsoft.Example/things", "a|b"), from) == graph.resources()[0]);
  CHECK(resolver.by_id(id_of("Microsoft.Example/things|a", "b"), from) == std::nullopt);
}

TEST_CASE("an id finds a child declared without its parent's name only in the id's group") {
  std::vector<Resource> resources;
  resources.push_back(declared(kSubnetType, "nodes", "azurerm_subnet.nodes", 0, "network"));
  const ResourceGraph graph = graph_of(std::move(resources));
  const Resolver resolver(graph);
  const Resource& from = graph.resource(graph.resources()[0]);

  CHECK(resolver.by_id(id_of(std::string(kSubnetType), "vnet/NODES", "Network"), from) == graph.resources()[0]);
  CHECK(resolver.by_id(id_of(std::string(kSubnetType), "vnet/nodes", "other"), from) == std::nullopt);
  CHECK(resolver.by_id(id_of(std::string(kSubnetType), "nodes", "network"), from) == graph.resources()[0]);
}
