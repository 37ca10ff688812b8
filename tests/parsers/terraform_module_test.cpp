#include "terraform_test_util.h"

#include <catch2/catch.hpp>

using namespace akslint;
using akslint::test::read_terraform_dir;
using akslint::test::terraform_data;

namespace {

const Diagnostic* diagnostic(const akslint::test::TerraformScan& scan, std::string_view code) {
  for (const auto& d : scan.model.diagnostics) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

bool references(const Resource& r, std::string_view target, std::string_view path) {
  for (const auto& ref : r.references) {
    if (ref.target == target && ref.from_path == path) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("terraform modules: local modules are followed with inputs and outputs") {
  const auto scan = read_terraform_dir(terraform_data("modules"), "root");
  const Resource* aks = scan.find("module.aks.azurerm_kubernetes_cluster.this");
  REQUIRE(aks != nullptr);
  CHECK(aks->name.as_string() == "aks-dev");
  CHECK(aks->scope.resource_group.as_string() == "rg-dev");
  CHECK(aks->at("properties.agentPoolProfiles[0].count")->as_number() == 3.0);
  CHECK(references(*aks, "azurerm_resource_group.rg", "resourceGroup"));
  const Resource* user = scan.find("azurerm_resource_group.uses_output");
  REQUIRE(user != nullptr);
  CHECK(user->name.as_string() == "aks-dev");
  CHECK(references(*user, "module.aks.azurerm_kubernetes_cluster.this", "name"));
}

TEST_CASE("terraform modules: for_each on a module gives instance addresses") {
  const auto scan = read_terraform_dir(terraform_data("modules"), "root");
  const Resource* a = scan.find(R"(module.net["a"].azurerm_virtual_network.vnet)");
  REQUIRE(a != nullptr);
  CHECK(a->name.as_string() == "vnet-a");
  CHECK(scan.find(R"(module.net["b"].azurerm_virtual_network.vnet)") != nullptr);
  // The loop module calls back into net: followed once below net, then reported.
  CHECK(scan.find(R"(module.net["a"].module.loop.module.back.azurerm_virtual_network.vnet)") == nullptr);
  const Diagnostic* cycle = diagnostic(scan, "module-cycle");
  REQUIRE(cycle != nullptr);
  CHECK(cycle->level == DiagnosticLevel::Warning);
}

TEST_CASE("terraform modules: provider subscriptions follow aliases into modules") {
  const auto scan = read_terraform_dir(terraform_data("modules"), "root");
  const Resource* rg = scan.find("azurerm_resource_group.rg");
  REQUIRE(rg != nullptr);
  CHECK(rg->scope.subscription.as_string() == "sub-root");
  const Resource* aks = scan.find("module.aks.azurerm_kubernetes_cluster.this");
  REQUIRE(aks != nullptr);
  CHECK(aks->scope.subscription.as_string() == "sub-hub");
  const Resource* vnet = scan.find(R"(module.net["a"].azurerm_virtual_network.vnet)");
  REQUIRE(vnet != nullptr);
  CHECK(vnet->scope.subscription.as_string() == "sub-root");
}

TEST_CASE("terraform modules: registry modules and missing directories are reported, not followed") {
  const auto scan = read_terraform_dir(terraform_data("modules"), "root");
  const Diagnostic* remote = diagnostic(scan, "module-not-followed");
  REQUIRE(remote != nullptr);
  CHECK(remote->level == DiagnosticLevel::Note);
  CHECK(remote->message.find("Azure/aks/azurerm") != std::string::npos);
  CHECK(scan.files.start(remote->span).row == 40);
  const Diagnostic* missing = diagnostic(scan, "module-not-found");
  REQUIRE(missing != nullptr);
  CHECK(missing->message.find("not-there") != std::string::npos);
}

TEST_CASE("terraform modules: a resource's provider alias sets its subscription") {
  const auto scan = akslint::test::read_terraform({{"main.tf", R"(
provider "azurerm" {
  alias           = "other"
  subscription_id = "sub-other"
}
resource "azurerm_resource_group" "node_rg" {
  provider = azurerm.other
  name     = "MC_custom"
}
resource "azurerm_resource_group" "default" {
  name = "rg"
}
)"}});
  const Resource* other = scan.find("azurerm_resource_group.node_rg");
  REQUIRE(other != nullptr);
  CHECK(other->scope.subscription.as_string() == "sub-other");
  const Resource* plain = scan.find("azurerm_resource_group.default");
  REQUIRE(plain != nullptr);
  CHECK(plain->scope.subscription.is_null());
}

TEST_CASE("terraform modules: .tf.json modules, providers and depends_on") {
  const auto scan = akslint::test::read_terraform({{"root/main.tf.json", R"({
  "provider": {"azurerm": [{"subscription_id": "sub-json", "features": {}}]},
  "module": {"aks": {"source": "../mod", "pool_count": 0}},
  "resource": {"azurerm_resource_group": {"rg": {"name": "rg", "depends_on": ["module.aks"]}}}
})"},
                                                   {"mod/main.tf", R"(
variable "pool_count" {}
resource "azurerm_kubernetes_cluster" "k" {
  name = "k"
  default_node_pool {
    name       = "sys"
    node_count = var.pool_count
  }
}
)"}},
                                                   "root");
  const Resource* k = scan.find("module.aks.azurerm_kubernetes_cluster.k");
  REQUIRE(k != nullptr);
  CHECK(k->at("properties.agentPoolProfiles[0].count")->as_number() == 0.0);
  CHECK(k->scope.subscription.as_string() == "sub-json");
  const Resource* rg = scan.find("azurerm_resource_group.rg");
  REQUIRE(rg != nullptr);
  REQUIRE(rg->references.size() == 1);
  CHECK(rg->references.front().kind == ReferenceKind::DependsOn);
  CHECK(rg->references.front().target == "module.aks.azurerm_kubernetes_cluster.k");
}
