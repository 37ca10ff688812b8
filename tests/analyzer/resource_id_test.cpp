#include <akslint/analyzer/ResourceId.h>

#include <catch2/catch.hpp>

using namespace akslint;

TEST_CASE("resource ids split into subscription, group, type and child names") {
  const auto id = parse_resource_id(
      "/subscriptions/0000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/nodes");
  REQUIRE(id);
  CHECK(id->subscription == "0000");
  CHECK(id->resource_group == "rg-net");
  CHECK(id->type == "Microsoft.Network/virtualNetworks/subnets");
  CHECK(id->name == "vnet/nodes");
}

TEST_CASE("resource group and subscription ids name themselves") {
  const auto rg = parse_resource_id("/subscriptions/s1/resourceGroups/MC_rg_aks_eastus");
  REQUIRE(rg);
  CHECK(rg->type == "Microsoft.Resources/resourceGroups");
  CHECK(rg->name == "MC_rg_aks_eastus");
  const auto sub = parse_resource_id("/subscriptions/s1/");
  REQUIRE(sub);
  CHECK(sub->type == "Microsoft.Resources/subscriptions");
}

TEST_CASE("text that is not a resource id is refused") {
  CHECK_FALSE(parse_resource_id("vnet/subnets/nodes"));
  CHECK_FALSE(parse_resource_id("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks"));
  CHECK_FALSE(parse_resource_id(""));
}

TEST_CASE("resourceId() calls with literal arguments are read, others are not") {
  const auto id = parse_resource_id_call("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'nodes')]");
  REQUIRE(id);
  CHECK(id->type == "Microsoft.Network/virtualNetworks/subnets");
  CHECK(id->name == "vnet/nodes");
  CHECK(id->resource_group.empty());
  const auto scoped = parse_resource_id_call("resourceId('sub', 'rg', 'Microsoft.Network/networkSecurityGroups', 'nsg')");
  REQUIRE(scoped);
  CHECK(scoped->subscription == "sub");
  CHECK(scoped->resource_group == "rg");
  CHECK_FALSE(parse_resource_id_call("[resourceId('Microsoft.Network/virtualNetworks/subnets', parameters('v'), 'n')]"));
  CHECK_FALSE(parse_resource_id_call("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet')]"));
}
