// A plan scanned beside its configuration: one finding per problem, at the `.tf` line.
#include "support/TestSupport.h"

#include <akslint/scan/Scan.h>

#include <catch2/catch.hpp>

using namespace akslint;
using namespace akslint::testing;

namespace {

constexpr const char* kConfig = R"(resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = var.system_nodes
  }
}

variable "system_nodes" {
  type = number
}
)";

// The plan knows what the configuration leaves to a variable.
constexpr const char* kPlan =
    R"({"format_version":"1.2","terraform_version":"1.9.5","planned_values":{"root_module":{"resources":[)"
    R"({"address":"azurerm_kubernetes_cluster.aks","mode":"managed","type":"azurerm_kubernetes_cluster","name":"aks",)"
    R"("values":{"name":"aks-prod","location":"westeurope","resource_group_name":"rg-aks","dns_prefix":"aksprod",)"
    R"("default_node_pool":[{"name":"system","vm_size":"Standard_D4s_v5","node_count":0}]}}]}}})";

std::vector<std::string> aks201_locations(const Report& report) {
  std::vector<std::string> out;
  for (const Finding& f : report.findings) {
    if (f.rule->id != "AKS201") continue;
    const SourceFile& file = report.files[f.primary.file];
    out.push_back(file.path + ":" + std::to_string(text_region(file, f.primary).start_line));
  }
  return out;
}

Report scan_dir(const TempDir& dir) {
  ScanOptions options;
  options.root = dir.path();
  options.paths = {dir.path()};
  return scan(options);
}

}  // namespace

TEST_CASE("a plan beside its configuration reports once, at the attribute in the .tf file") {
  const TempDir dir;
  dir.write("main.tf", kConfig);
  dir.write("plan.json", kPlan);
  CHECK(aks201_locations(scan_dir(dir)) == std::vector<std::string>{"main.tf:10"});
}

TEST_CASE("a plan alone reports inside the plan") {
  const TempDir dir;
  dir.write("plan.json", kPlan);
  CHECK(aks201_locations(scan_dir(dir)) == std::vector<std::string>{"plan.json:1"});
}

TEST_CASE("a configuration alone stays silent on the value it cannot know") {
  const TempDir dir;
  dir.write("main.tf", kConfig);
  CHECK(aks201_locations(scan_dir(dir)).empty());
}
