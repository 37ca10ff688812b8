// Expansion limits: counts in the millions and values that double at every step end in a
// reported limit, in every format, while the good module beside them is still analysed.
#include "Hostile.h"

#include <catch2/catch.hpp>

#include <string>

using namespace akslint::testing;

namespace {

constexpr const char* kArmHead =
    R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
 "contentVersion": "1.0.0.0",)";

// Locals, variables or vars that each hold their predecessor twice: 2^60 bytes if unbounded.
std::string doubling_terraform() {
  std::string text = "locals {\n  l0 = \"aaaaaaaaaaaaaaaa\"\n";
  for (int i = 1; i < 60; ++i) text += "  l" + std::to_string(i) + " = \"${local.l" + std::to_string(i - 1) + "}${local.l" + std::to_string(i - 1) + "}\"\n";
  return text + "}\nresource \"azurerm_resource_group\" \"rg\" {\n  name     = local.l59\n  location = \"westeurope\"\n}\n";
}

std::string doubling_arm() {
  std::string text = std::string(kArmHead) + "\n \"variables\": {\"v0\": \"aaaaaaaaaaaaaaaa\"";
  for (int i = 1; i < 60; ++i) {
    const std::string prev = "variables('v" + std::to_string(i - 1) + "')";
    text += ",\n  \"v" + std::to_string(i) + "\": \"[concat(" + prev + ", " + prev + ")]\"";
  }
  return text + R"(},
 "resources": [{"type": "Microsoft.Resources/resourceGroups", "apiVersion": "2021-04-01",
                "name": "[variables('v59')]", "location": "westeurope"}]}
)";
}

std::string doubling_bicep() {
  std::string text = "var v0 = 'aaaaaaaaaaaaaaaa'\n";
  for (int i = 1; i < 60; ++i) text += "var v" + std::to_string(i) + " = '${v" + std::to_string(i - 1) + "}${v" + std::to_string(i - 1) + "}'\n";
  return text + "resource rg 'Microsoft.Resources/resourceGroups@2021-04-01' = {\n  name: v59\n  location: 'westeurope'\n}\n";
}

}  // namespace

TEST_CASE("count in the millions expands to the instance limit, reported") {
  const TempDir dir;
  dir.write("tf/main.tf", R"(resource "azurerm_resource_group" "rg" {
  count    = 10000000
  name     = "rg-${count.index}"
  location = "westeurope"
}
)");
  const ScanLog log = scan_with_good_module(dir);
  CHECK(log.status == 2);
  CHECK(log.notified("tf/main.tf", "expansion-limit"));
  CHECK(log.aks201_results_in("good/main.tf") == 1);
}

TEST_CASE("a copy count in the millions is cut at Azure's 800, reported") {
  const TempDir dir;
  dir.write("arm/azuredeploy.json", std::string(kArmHead) + R"(
 "resources": [{"type": "Microsoft.Resources/resourceGroups", "apiVersion": "2021-04-01",
                "name": "[concat('rg', copyIndex())]", "location": "westeurope",
                "copy": {"name": "groups", "count": 5000000}}]}
)");
  const ScanLog log = scan_with_good_module(dir);
  CHECK(log.notified("arm/azuredeploy.json", "copy-count-over-limit"));
  CHECK(log.aks201_results_in("good/main.tf") == 1);
}

TEST_CASE("--max-instances lowers the limit for for_each and Bicep loops") {
  const TempDir dir;
  dir.write("tf/main.tf", R"(resource "azurerm_resource_group" "rg" {
  for_each = toset(["a", "b", "c", "d"])
  name     = each.key
  location = "westeurope"
}
)");
  dir.write("bicep/main.bicep", R"(resource groups 'Microsoft.Resources/resourceGroups@2021-04-01' = [for i in range(0, 4): {
  name: 'rg-${i}'
  location: 'westeurope'
}]
)");
  const ScanLog limited = scan_with_good_module(dir, "--max-instances 3");
  CHECK(limited.notified("tf/main.tf", "expansion-limit"));
  CHECK(limited.notified("bicep/main.bicep", "expansion-limit"));
  CHECK(limited.aks201_results_in("good/main.tf") == 1);
  const ScanLog defaults = scan_with_good_module(dir);
  CHECK_FALSE(defaults.notified("tf/main.tf", "expansion-limit"));
  CHECK_FALSE(defaults.notified("bicep/main.bicep", "expansion-limit"));
}

TEST_CASE("strings that double at every step stop at the size limit, reported, in every format") {
  const TempDir dir;
  dir.write("tf/main.tf", doubling_terraform());
  dir.write("arm/azuredeploy.json", doubling_arm());
  dir.write("bicep/main.bicep", doubling_bicep());
  const ScanLog log = scan_with_good_module(dir);
  CHECK(log.status == 2);
  CHECK(log.notified("tf/main.tf", "value-too-large"));
  CHECK(log.notified("arm/azuredeploy.json", "value-too-large"));
  CHECK(log.notified("bicep/main.bicep", "value-too-large"));
  CHECK(log.aks201_results_in("good/main.tf") == 1);
}

namespace {

// Three levels of modules, each with `count`: every level stays under the per-place limit,
// their product does not.
void write_nested_modules(const TempDir& dir, const std::string& count) {
  dir.write("tf/main.tf", "module \"a\" {\n  source = \"./m1\"\n  count  = " + count + "\n}\n");
  dir.write("tf/m1/main.tf", "module \"b\" {\n  source = \"../m2\"\n  count  = " + count + "\n}\n");
  dir.write("tf/m2/main.tf", "resource \"azurerm_resource_group\" \"rg\" {\n  count    = " + count +
                                 "\n  name     = \"rg-${count.index}\"\n  location = \"westeurope\"\n}\n");
}

}  // namespace

TEST_CASE("nested loops that multiply stop at the unit's total, reported") {
  const TempDir dir;
  write_nested_modules(dir, "10000");
  const ScanLog log = scan_with_good_module(dir);
  CHECK(log.status == 2);
  CHECK(log.notified("tf/m2/main.tf", "expansion-limit"));
  CHECK(log.aks201_results_in("good/main.tf") == 1);
}

TEST_CASE("a unit that runs past --unit-timeout is cut short, reported, and the scan goes on") {
  const TempDir dir;
  write_nested_modules(dir, "1000");
  // With the instance limits out of the way, only the clock ends this unit (10^9 instances).
  const ScanLog log = scan_with_good_module(dir, "--max-instances 1000000000 --unit-timeout 1");
  CHECK(log.status == 2);
  CHECK(log.notified("tf/main.tf", "unit-time-limit"));
  CHECK(log.aks201_results_in("good/main.tf") == 1);
}
