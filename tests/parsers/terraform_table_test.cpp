#include "terraform_test_util.h"

#include <catch2/catch.hpp>

using namespace akslint;
using akslint::test::read_terraform;
using akslint::test::read_terraform_dir;
using akslint::test::terraform_data;

TEST_CASE("terraform table: azurerm 3.x and 4.x spellings give the same canonical cluster") {
  const auto v3 = read_terraform_dir(terraform_data("azurerm3"));
  const auto v4 = read_terraform_dir(terraform_data("azurerm4"));
  CHECK(v3.model.diagnostics.empty());
  CHECK(v4.model.diagnostics.empty());
  const Resource* a = v3.find("azurerm_kubernetes_cluster.aks");
  const Resource* b = v4.find("azurerm_kubernetes_cluster.aks");
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  CHECK(a->body.to_display() == b->body.to_display());
  CHECK(a->body == b->body);
  CHECK(a->at("properties.agentPoolProfiles[0].enableAutoScaling")->as_bool() == true);
  CHECK(a->at("properties.agentPoolProfiles[0].enableEncryptionAtHost")->as_bool() == true);
  CHECK(a->at("properties.autoUpgradeProfile.upgradeChannel")->as_string() == "patch");
  CHECK(a->at("properties.autoUpgradeProfile.nodeOSUpgradeChannel")->as_string() == "NodeImage");
  CHECK(a->at("properties.apiServerAccessProfile.authorizedIPRanges[0]")->as_string() == "10.0.0.0/8");
  CHECK(a->at("properties.networkProfile.networkDataplane")->as_string() == "cilium");
  CHECK(a->at("properties.networkProfile.networkPluginMode")->as_string() == "overlay");
  CHECK(a->at("properties.disableLocalAccounts")->as_bool() == true);
  CHECK(a->at("properties.enableRBAC")->as_bool() == true);
  CHECK(a->at("properties.aadProfile.enableAzureRBAC")->as_bool() == true);
  CHECK(a->at("properties.addonProfiles.omsagent.enabled")->as_bool() == true);
  CHECK(a->at("properties.addonProfiles.omsagent.enabled")->provenance() == Provenance::Defaulted);
  CHECK(a->at("properties.addonProfiles.azurepolicy.enabled")->as_bool() == true);
  CHECK(a->at("properties.addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation")->as_bool() == true);
  CHECK(a->at("properties.securityProfile.defender.securityMonitoring.enabled")->as_bool() == true);
  CHECK(a->at("properties.securityProfile.workloadIdentity.enabled")->as_bool() == true);
  CHECK(a->at("properties.oidcIssuerProfile.enabled")->as_bool() == true);
  CHECK(a->at("sku.tier")->as_string() == "Standard");
  CHECK(a->at("identity.type")->as_string() == "SystemAssigned");
}

TEST_CASE("terraform table: declared transforms give ARM spellings") {
  const auto scan = read_terraform({{"main.tf", R"(
resource "azurerm_kubernetes_cluster" "aks" {
  name                          = "aks"
  public_network_access_enabled = false
  run_command_enabled           = false
  identity {
    type         = "UserAssigned"
    identity_ids = ["/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1"]
  }
}
resource "azurerm_route_table" "rt" {
  name                          = "rt"
  bgp_route_propagation_enabled = false
}
resource "azurerm_virtual_machine_scale_set_extension" "ext" {
  name                         = "custom"
  virtual_machine_scale_set_id = "/subscriptions/s/resourceGroups/MC_rg/providers/Microsoft.Compute/virtualMachineScaleSets/aks-nodes"
  publisher                    = "Microsoft.Azure.Extensions"
  type                         = "CustomScript"
  settings                     = jsonencode({ commandToExecute = "echo hi" })
}
)"}});
  CHECK(scan.model.diagnostics.empty());
  const Resource* aks = scan.find("azurerm_kubernetes_cluster.aks");
  REQUIRE(aks != nullptr);
  CHECK(aks->at("properties.publicNetworkAccess")->as_string() == "Disabled");
  CHECK(aks->at("properties.apiServerAccessProfile.disableRunCommand")->as_bool() == true);
  const Value* ids = aks->at("identity.userAssignedIdentities");
  REQUIRE(ids != nullptr);
  REQUIRE(ids->is_object());
  CHECK(ids->as_object()->front().key.ends_with("/id1"));
  const Resource* rt = scan.find("azurerm_route_table.rt");
  REQUIRE(rt != nullptr);
  CHECK(rt->at("properties.disableBgpRoutePropagation")->as_bool() == true);
  const Resource* ext = scan.find("azurerm_virtual_machine_scale_set_extension.ext");
  REQUIRE(ext != nullptr);
  CHECK(ext->type == "Microsoft.Compute/virtualMachineScaleSets/extensions");
  CHECK(ext->at("properties.settings.commandToExecute")->as_string() == "echo hi");
  CHECK(ext->at("properties.type")->as_string() == "CustomScript");
}

TEST_CASE("terraform table: network resources, inline and associated NSGs") {
  const auto scan = read_terraform({{"main.tf", R"(
resource "azurerm_virtual_network" "vnet" {
  name                = "vnet"
  resource_group_name = "rg"
  address_space       = ["10.0.0.0/16"]
  subnet {
    name             = "inline"
    address_prefixes = ["10.0.1.0/24"]
    security_group   = azurerm_network_security_group.nsg.id
  }
}
resource "azurerm_subnet" "nodes" {
  name                 = "nodes"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.vnet.name
  address_prefixes     = ["10.0.2.0/24"]
}
resource "azurerm_network_security_group" "nsg" {
  name = "nsg"
  security_rule {
    name                       = "deny-all"
    priority                   = 4096
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_ranges    = ["443", "80"]
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}
resource "azurerm_network_security_rule" "allow" {
  name                        = "allow-lb"
  network_security_group_name = azurerm_network_security_group.nsg.name
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "AzureLoadBalancer"
}
resource "azurerm_subnet_network_security_group_association" "assoc" {
  subnet_id                 = azurerm_subnet.nodes.id
  network_security_group_id = azurerm_network_security_group.nsg.id
}
)"}});
  const Resource* vnet = scan.find("azurerm_virtual_network.vnet");
  REQUIRE(vnet != nullptr);
  CHECK(vnet->at("properties.addressSpace.addressPrefixes[0]")->as_string() == "10.0.0.0/16");
  CHECK(vnet->at("properties.subnets[0].name")->as_string() == "inline");
  CHECK(vnet->at("properties.subnets[0].properties.addressPrefixes[0]")->as_string() == "10.0.1.0/24");
  CHECK(vnet->at("properties.subnets[0].properties.networkSecurityGroup.id")->is_unknown());
  const Resource* subnet = scan.find("azurerm_subnet.nodes");
  REQUIRE(subnet != nullptr);
  bool parent = false;
  for (const auto& r : subnet->references) parent = parent || (r.kind == ReferenceKind::Parent && r.target == "azurerm_virtual_network.vnet");
  CHECK(parent);
  const Resource* nsg = scan.find("azurerm_network_security_group.nsg");
  REQUIRE(nsg != nullptr);
  CHECK(nsg->at("properties.securityRules[0].properties.priority")->as_number() == 4096.0);
  CHECK(nsg->at("properties.securityRules[0].properties.destinationPortRanges[1]")->as_string() == "80");
  const Resource* rule = scan.find("azurerm_network_security_rule.allow");
  REQUIRE(rule != nullptr);
  CHECK(rule->at("properties.sourceAddressPrefix")->as_string() == "AzureLoadBalancer");
  const Resource* assoc = scan.find("azurerm_subnet_network_security_group_association.assoc");
  REQUIRE(assoc != nullptr);
  std::vector<std::string> targets;
  for (const auto& r : assoc->references) targets.push_back(r.target + "@" + r.from_path);
  CHECK(std::find(targets.begin(), targets.end(), "azurerm_subnet.nodes@properties.subnet.id") != targets.end());
  CHECK(std::find(targets.begin(), targets.end(), "azurerm_network_security_group.nsg@properties.networkSecurityGroup.id") !=
        targets.end());
}

TEST_CASE("terraform table: azapi_resource maps type, api version and body") {
  const auto scan = read_terraform({{"main.tf", R"(
resource "azapi_resource" "aks" {
  type      = "Microsoft.ContainerService/managedClusters@2024-02-01"
  name      = "aks"
  parent_id = "/subscriptions/1111/resourceGroups/rg-aks"
  location  = "westeurope"
  body = {
    properties = {
      agentPoolProfiles = [{ name = "system", mode = "System", count = 0, vnetSubnetID = azurerm_subnet.nodes.id }]
    }
  }
}
resource "azurerm_subnet" "nodes" {
  name = "nodes"
}
resource "azapi_update_resource" "scale" {
  type        = "Microsoft.Compute/virtualMachineScaleSets@2023-09-01"
  resource_id = "/subscriptions/1111/resourceGroups/MC_rg/providers/Microsoft.Compute/virtualMachineScaleSets/aks-system"
  body        = jsonencode({ sku = { capacity = 5 } })
}
)"}});
  const Resource* aks = scan.find("azapi_resource.aks");
  REQUIRE(aks != nullptr);
  CHECK(aks->type == "Microsoft.ContainerService/managedClusters");
  CHECK(aks->api_version == "2024-02-01");
  CHECK(aks->scope.subscription.as_string() == "1111");
  CHECK(aks->scope.resource_group.as_string() == "rg-aks");
  CHECK(aks->at("properties.agentPoolProfiles[0].count")->as_number() == 0.0);
  bool subnet_ref = false;
  for (const auto& r : aks->references) {
    subnet_ref = subnet_ref || (r.target == "azurerm_subnet.nodes" && r.from_path == "properties.agentPoolProfiles[0].vnetSubnetID");
  }
  CHECK(subnet_ref);
  const Resource* scale = scan.find("azapi_update_resource.scale");
  REQUIRE(scale != nullptr);
  CHECK(scale->name.as_string() == "aks-system");
  CHECK(scale->scope.resource_group.as_string() == "MC_rg");
  CHECK(scale->at("sku.capacity")->as_number() == 5.0);
}
