// --var-file, --var and --parameters (and their configuration keys): deployment inputs given
// from outside the scanned files decide findings as they decide deployments.
#include "cli/RunAkslint.h"
#include "support/TestSupport.h"

#include <catch2/catch.hpp>

using akslint::test::quoted;
using akslint::test::run_akslint;
using akslint::testing::TempDir;

namespace {

constexpr const char* kModule = R"(variable "system_nodes" {
  type    = number
  default = 3
}
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "aks"
  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = var.system_nodes
  }
  identity {
    type = "SystemAssigned"
  }
}
)";

constexpr const char* kTemplate = R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {"systemNodes": {"type": "int", "defaultValue": 3}},
  "resources": [{
    "type": "Microsoft.ContainerService/managedClusters",
    "apiVersion": "2024-02-01",
    "name": "aks",
    "location": "westeurope",
    "properties": {
      "dnsPrefix": "aks",
      "agentPoolProfiles": [{"name": "system", "mode": "System", "count": "[parameters('systemNodes')]",
                             "vmSize": "Standard_D4s_v5"}]
    }
  }]
})";

constexpr const char* kParameters = R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {"systemNodes": {"value": 0}}
})";

// Scans `dir` with only AKS201 (a system pool at zero) enabled; true when it fired.
bool zero_pool_found(const TempDir& dir, const std::string& options, int* exit_code = nullptr) {
  const auto result = run_akslint("scan --root " + quoted(dir.path().string()) + " --config " +
                                  quoted((dir.path() / "only-aks201.yaml").string()) + " " + options + " " +
                                  quoted((dir.path() / "src").string()));
  if (exit_code != nullptr) *exit_code = result.exit_code;
  return result.out.find("[AKS201 ") != std::string::npos;
}

void write_project(const TempDir& dir) {
  dir.write("only-aks201.yaml", "disable: [all]\nenable: [AKS201]\n");
  dir.write("src/tf/main.tf", kModule);
  dir.write("src/arm/cluster.json", kTemplate);
  dir.write("envs/zero.tfvars", "system_nodes = 0\n");
  dir.write("envs/two.tfvars", "system_nodes = 2\n");
  dir.write("envs/zero.parameters.json", kParameters);
}

}  // namespace

TEST_CASE("--var-file and --var set Terraform variables, the later over the earlier", "[inputs]") {
  const TempDir dir;
  write_project(dir);
  const std::string zero = quoted((dir.path() / "envs/zero.tfvars").string());
  const std::string two = quoted((dir.path() / "envs/two.tfvars").string());
  CHECK_FALSE(zero_pool_found(dir, ""));
  CHECK(zero_pool_found(dir, "--var-file " + zero));
  CHECK_FALSE(zero_pool_found(dir, "--var-file " + zero + " --var-file " + two));
  CHECK(zero_pool_found(dir, "--var system_nodes=0"));
  CHECK_FALSE(zero_pool_found(dir, "--var-file " + zero + " --var system_nodes=2"));
}

TEST_CASE("--parameters gives every template its parameter values", "[inputs]") {
  const TempDir dir;
  write_project(dir);
  CHECK(zero_pool_found(dir, "--parameters " + quoted((dir.path() / "envs/zero.parameters.json").string())));
}

TEST_CASE("a given file is listed among the artifacts", "[inputs]") {
  const TempDir dir;
  write_project(dir);
  const auto result = run_akslint("scan --format sarif --root " + quoted(dir.path().string()) + " --var-file " +
                                  quoted((dir.path() / "envs/zero.tfvars").string()) + " " +
                                  quoted((dir.path() / "src").string()));
  CHECK(result.out.find("\"uri\": \"envs/zero.tfvars\"") != std::string::npos);
}

TEST_CASE("the configuration names variable and parameter files relative to itself", "[inputs]") {
  const TempDir dir;
  write_project(dir);
  dir.write("only-aks201.yaml", "disable: [all]\nenable: [AKS201]\nvar-files: [envs/zero.tfvars]\n");
  CHECK(zero_pool_found(dir, ""));
  dir.write("only-aks201.yaml", "disable: [all]\nenable: [AKS201]\nvars:\n  system_nodes: 0\n");
  CHECK(zero_pool_found(dir, ""));
  dir.write("only-aks201.yaml", "disable: [all]\nenable: [AKS201]\nparameters: [envs/zero.parameters.json]\n");
  CHECK(zero_pool_found(dir, ""));
}

TEST_CASE("unusable inputs stop the scan with a usage error", "[inputs]") {
  const TempDir dir;
  write_project(dir);
  int exit_code = 0;
  CHECK_FALSE(zero_pool_found(dir, "--var-file " + quoted((dir.path() / "missing.tfvars").string()), &exit_code));
  CHECK(exit_code == 2);
  CHECK_FALSE(zero_pool_found(dir, "--var system_nodes", &exit_code));
  CHECK(exit_code == 2);
  CHECK_FALSE(zero_pool_found(dir, "--var 'pools=[1,'", &exit_code));
  CHECK(exit_code == 2);
}
