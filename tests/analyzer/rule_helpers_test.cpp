#include <akslint/analyzer/Rule.h>

#include <catch2/catch.hpp>

using namespace akslint;

TEST_CASE("an attribute is known absent only when no unknown value hides it") {
  Value body = Value::object();
  body.ensure_path("properties.networkProfile.networkPlugin") = Value::string("azure");
  body.ensure_path("properties.apiServerAccessProfile") = Value::unknown("var.api_access");
  CHECK(known_absent(body, "properties.networkProfile.networkMode"));
  CHECK(known_absent(body, "properties.addonProfiles.azurepolicy"));
  CHECK_FALSE(known_absent(body, "properties.networkProfile.networkPlugin"));  // present
  CHECK_FALSE(known_absent(body, "properties.apiServerAccessProfile.authorizedIPRanges"));
}

TEST_CASE("AKS-created node resources are recognised by name pattern or aks-managed tags") {
  Resource vmss;
  vmss.type = "Microsoft.Compute/virtualMachineScaleSets";
  vmss.name = Value::string("aks-system-12345678-vmss");
  CHECK(is_aks_created(vmss));
  vmss.name = Value::string("vmss-build-agents");
  CHECK_FALSE(is_aks_created(vmss));
  vmss.body.ensure_path("tags") = Value::object();
  vmss.body.find("tags")->set("aks-managed-poolName", Value::string("system"));
  CHECK(is_aks_created(vmss));
  Resource rule;
  rule.type = "Microsoft.Network/networkSecurityGroups/securityRules";
  rule.name = Value::string("aks-agentpool-12345678-nsg/allow-https");
  CHECK(is_aks_created(rule));
  CHECK(is_node_resource_group({ScopeKind::ResourceGroup, "", "MC_rg_aks_westeurope"}));
  CHECK_FALSE(is_node_resource_group({ScopeKind::ResourceGroup, "", "rg-aks-nodes"}));
  CHECK(is_node_resource_group({ScopeKind::NodeResourceGroup, "", "rg-aks-nodes"}));
}
