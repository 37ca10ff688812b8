#include "terraform_test_util.h"

#include <catch2/catch.hpp>

using namespace akslint;
using akslint::test::read_terraform;

namespace {

constexpr const char* kCluster = R"(resource "azurerm_resource_group" "rg" {
  name     = "rg-aks"
  location = "westeurope"
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  dns_prefix          = "aks"
  node_resource_group = "MC_custom"

  default_node_pool {
    name           = "system"
    node_count     = 0
    vm_size        = "Standard_D4s_v5"
    vnet_subnet_id = azurerm_subnet.nodes.id
  }
}
)";

}  // namespace

TEST_CASE("terraform: literal attributes are known, with spans on the attribute") {
  const auto scan = read_terraform({{"main.tf", kCluster}});
  CHECK(scan.model.diagnostics.empty());
  const Resource* aks = scan.find("azurerm_kubernetes_cluster.aks");
  REQUIRE(aks != nullptr);
  CHECK(aks->type == "Microsoft.ContainerService/managedClusters");
  CHECK(aks->name.as_string() == "aks-prod");
  const Value* count = aks->at("properties.agentPoolProfiles[0].count");
  REQUIRE(count != nullptr);
  CHECK(count->as_number() == 0.0);
  CHECK(scan.files.start(count->span()).row == 14);
  CHECK(scan.files.start(count->span()).column == 21);
  CHECK(aks->at("properties.agentPoolProfiles[0].mode")->as_string() == "System");
  CHECK(aks->at("properties.nodeResourceGroup")->as_string() == "MC_custom");
}

TEST_CASE("terraform: the header span is the block's first line") {
  const auto scan = read_terraform({{"main.tf", kCluster}});
  const Resource* aks = scan.find("azurerm_kubernetes_cluster.aks");
  REQUIRE(aks != nullptr);
  CHECK(scan.files.start(aks->origin.header_span).row == 5);
  CHECK(scan.files.end(aks->origin.header_span).row == 5);
  CHECK(scan.files.start(aks->origin.header_span).column == 0);
  CHECK(scan.files.end(aks->origin.header_span).column == 45);
  CHECK(scan.files.end(aks->origin.span).row == 18);
}

TEST_CASE("terraform: references to other resources are recorded at their canonical path") {
  const auto scan = read_terraform({{"main.tf", kCluster}});
  const Resource* aks = scan.find("azurerm_kubernetes_cluster.aks");
  REQUIRE(aks != nullptr);
  const auto has = [&](std::string_view target, std::string_view path) {
    for (const auto& r : aks->references) {
      if (r.target == target && r.from_path == path) return true;
    }
    return false;
  };
  CHECK(has("azurerm_resource_group.rg", "resourceGroup"));
  CHECK(has("azurerm_resource_group.rg", "location"));
  CHECK(has("azurerm_subnet.nodes", "properties.agentPoolProfiles[0].vnetSubnetID") == false);  // undeclared
  // Values from the resource group are resolved, and reported where they are used.
  CHECK(aks->scope.resource_group.as_string() == "rg-aks");
  CHECK(scan.files.start(aks->scope.resource_group.span()).row == 8);
  CHECK(aks->at("location")->as_string() == "westeurope");
}

TEST_CASE("terraform: computed attributes are unknown with their expression") {
  const auto scan = read_terraform({{"main.tf", std::string(kCluster) + R"(
resource "azurerm_subnet" "nodes" {
  name = "nodes"
}
)"}});
  const Resource* aks = scan.find("azurerm_kubernetes_cluster.aks");
  REQUIRE(aks != nullptr);
  const Value* subnet = aks->at("properties.agentPoolProfiles[0].vnetSubnetID");
  REQUIRE(subnet != nullptr);
  REQUIRE(subnet->unknown_expression() != nullptr);
  CHECK(*subnet->unknown_expression() == "azurerm_subnet.nodes.id");
  bool found = false;
  for (const auto& r : aks->references) {
    found = found || (r.target == "azurerm_subnet.nodes" && r.from_path == "properties.agentPoolProfiles[0].vnetSubnetID");
  }
  CHECK(found);
}

TEST_CASE("terraform: a syntax error is one diagnostic with its position; other files are read") {
  const auto scan = read_terraform({{"bad.tf", "resource \"azurerm_resource_group\" \"x\" {\n  name = \n}\n"},
                                    {"main.tf", kCluster}});
  REQUIRE(scan.model.diagnostics.size() == 1);
  const Diagnostic& d = scan.model.diagnostics.front();
  CHECK(d.code == "syntax-error");
  CHECK(d.level == DiagnosticLevel::Error);
  CHECK(d.span.valid());
  CHECK(scan.files.start(d.span).row <= 2);
  CHECK(scan.find("azurerm_kubernetes_cluster.aks") != nullptr);
}

TEST_CASE("terraform: .tf.json resources read like HCL, templates included") {
  const auto scan = read_terraform({{"main.tf.json", R"({
  "variable": {"prefix": {"default": "prod"}},
  "resource": {
    "azurerm_kubernetes_cluster": {
      "aks": {
        "name": "${var.prefix}-aks",
        "location": "westeurope",
        "resource_group_name": "rg",
        "default_node_pool": {"name": "sys", "node_count": 3, "vm_size": "${upper(\"d4\")}"}
      }
    }
  }
})"}});
  CHECK(scan.model.diagnostics.empty());
  const Resource* aks = scan.find("azurerm_kubernetes_cluster.aks");
  REQUIRE(aks != nullptr);
  CHECK(aks->name.as_string() == "prod-aks");
  CHECK(scan.files.start(aks->name.span()).row == 5);
  CHECK(aks->at("properties.agentPoolProfiles[0].count")->as_number() == 3.0);
  CHECK(aks->at("properties.agentPoolProfiles[0].vmSize")->as_string() == "D4");
}
