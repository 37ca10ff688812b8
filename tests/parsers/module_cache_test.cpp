#include "bicep/BicepTemplate.h"
#include "terraform/Module.h"

#include <akslint/parsers/Classify.h>
#include <akslint/parsers/ModuleCache.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <initializer_list>

using namespace akslint;

namespace {

constexpr std::string_view kModule = R"(
variable "name" {}
resource "azurerm_kubernetes_cluster" "this" {
  name                = var.name
  location            = "westeurope"
  resource_group_name = "rg"
  node_resource_group = "existing-rg"
}
)";

std::string caller(std::string_view source, std::string_view name) {
  return "module \"aks\" {\n  source = \"" + std::string(source) + "\"\n  name   = \"" + std::string(name) + "\"\n}\n";
}

void add_classified(FileTable& files, std::string path, std::string text) {
  const FileFormat format = classify(path, text);
  files.add({std::move(path), format, std::move(text)});
}

// Two examples call one module; a third calls the scan root, which calls nothing.
FileTable estate() {
  FileTable files;
  const auto add = [&](std::string path, std::string text) { add_classified(files, std::move(path), std::move(text)); };
  add("main.tf", "resource \"azurerm_resource_group\" \"rg\" {\n  name     = \"rg\"\n  location = \"westeurope\"\n}\n");
  add("examples/a/main.tf", caller("../../modules/aks", "a"));
  add("examples/b/main.tf", caller("../../modules/aks", "b"));
  add("examples/root/main.tf", caller("../..", "root"));
  add("modules/aks/main.tf", std::string(kModule));
  return files;
}

const DeploymentUnit& unit_named(const std::vector<DeploymentUnit>& units, std::string_view name) {
  const auto it = std::find_if(units.begin(), units.end(), [&](const DeploymentUnit& u) { return u.name == name; });
  REQUIRE(it != units.end());
  return *it;
}

// Reads each named unit on its own and through `cache`, as a scan does (done after each),
// and checks that both find the same resources.
void read_alone_and_shared(const FileTable& files, const std::vector<DeploymentUnit>& units, ModuleCache& cache,
                           std::initializer_list<const char*> names) {
  for (const char* name : names) {
    INFO(name);
    const DeploymentUnit& unit = unit_named(units, name);
    const UnitModel alone = read_unit(unit, files);
    const UnitModel shared = read_unit(unit, files, {}, {}, &cache);
    cache.done(unit);
    REQUIRE(alone.resources.size() == shared.resources.size());
    REQUIRE_FALSE(shared.resources.empty());
    for (std::size_t i = 0; i < alone.resources.size(); ++i) {
      CHECK(alone.resources[i].origin.address == shared.resources[i].origin.address);
      CHECK(alone.resources[i].body == shared.resources[i].body);
      CHECK(alone.resources[i].name == shared.resources[i].name);
    }
  }
}

// Parses `dir` the way a unit's session does, counting the parses.
struct CountingParse {
  const FileTable& files;
  ModuleCache& cache;
  int parses = 0;
  bool complete = true;

  ModuleCache::Config load(const std::string& dir) {
    return cache.terraform.load(dir, [&](bool& whole) -> ModuleCache::Config {
      ++parses;
      whole = complete;
      std::vector<std::unique_ptr<terraform::ConfigFile>> parsed;
      for (const FileId id : cache.files_in(dir)) parsed.push_back(terraform::parse_config_file(files[id], id));
      return std::make_shared<const terraform::ModuleConfig>(terraform::build_config(dir, std::move(parsed)));
    });
  }
};

}  // namespace

TEST_CASE("module cache: a module two units call is parsed once, and freed when both are done") {
  const FileTable files = estate();
  const auto units = group_units(files);
  ModuleCache cache(files, units);
  CountingParse counting{files, cache};
  auto first = counting.load("modules/aks");
  auto second = counting.load("modules/aks");
  CHECK(counting.parses == 1);
  CHECK(first == second);

  const std::weak_ptr<const terraform::ModuleConfig> kept = first;
  cache.terraform.release({"modules/aks"});
  CHECK(counting.load("modules/aks") == first);  // one caller is still to come
  cache.terraform.release({"modules/aks"});
  first.reset();
  second.reset();
  CHECK(kept.expired());
  CHECK(counting.load("modules/aks") != nullptr);
  CHECK(counting.parses == 2);
}

TEST_CASE("module cache: a directory with one caller, or a parse cut short, is not kept") {
  const FileTable files = estate();
  const auto units = group_units(files);
  ModuleCache cache(files, units);
  CountingParse counting{files, cache};
  // The scan root is called by one example only.
  (void)counting.load("");
  (void)counting.load("");
  CHECK(counting.parses == 2);

  counting.complete = false;  // as when a parse runs out of time
  (void)counting.load("modules/aks");
  (void)counting.load("modules/aks");
  CHECK(counting.parses == 4);
}

TEST_CASE("module cache: units read through a shared cache find what they find alone") {
  const FileTable files = estate();
  const auto units = group_units(files);
  ModuleCache cache(files, units);
  read_alone_and_shared(files, units, cache, {"examples/a", "examples/b", "examples/root"});
  const UnitModel b = read_unit(unit_named(units, "examples/b"), files, {}, {}, &cache);
  const auto cluster = std::find_if(b.resources.begin(), b.resources.end(),
                                    [](const Resource& r) { return r.origin.address == "module.aks.azurerm_kubernetes_cluster.this"; });
  REQUIRE(cluster != b.resources.end());
  CHECK(cluster->name.as_string() == "b");
}

namespace {

// Two Bicep entries use one module; a third entry uses none.
FileTable bicep_estate() {
  FileTable files;
  const auto add = [&](std::string path, std::string text) { add_classified(files, std::move(path), std::move(text)); };
  add("dev.bicep", "module aks './modules/aks.bicep' = {\n  name: 'aks'\n  params: {\n    name: 'dev'\n  }\n}\n");
  add("prod.bicep", "module aks './modules/aks.bicep' = {\n  name: 'aks'\n  params: {\n    name: 'prod'\n  }\n}\n");
  add("alone.bicep", "resource rg 'Microsoft.Resources/resourceGroups@2022-09-01' = {\n  name: 'rg'\n  location: 'westeurope'\n}\n");
  add("modules/aks.bicep",
      "param name string\n"
      "resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {\n"
      "  name: name\n  location: 'westeurope'\n  properties: {\n    nodeResourceGroup: 'existing-rg'\n  }\n}\n");
  return files;
}

}  // namespace

TEST_CASE("module cache: a .bicep module two entries use is parsed once, and freed when both are read") {
  const FileTable files = bicep_estate();
  const auto units = group_units(files);
  REQUIRE(units.size() == 3);  // the module is read through its callers only
  ModuleCache cache(files, units);
  const FileId module = *files.find("modules/aks.bicep");
  int parses = 0;
  const auto load = [&] {
    return cache.bicep.load(module, [&](bool&) {
      ++parses;
      return std::make_shared<const bicep::SourceProgram>(
          bicep::SourceProgram{module, files[module].text, bicep::parse_bicep(files[module].text, module)});
    });
  };
  auto first = load();
  CHECK(load() == first);
  CHECK(parses == 1);

  const std::weak_ptr<const bicep::SourceProgram> kept = first;
  first.reset();
  cache.done(unit_named(units, "alone.bicep"));  // calls no module: nothing changes
  cache.done(unit_named(units, "dev.bicep"));
  CHECK_FALSE(kept.expired());  // prod is still to be read
  cache.done(unit_named(units, "prod.bicep"));
  CHECK(kept.expired());
}

TEST_CASE("module cache: Bicep entries read through a shared cache find what they find alone") {
  const FileTable files = bicep_estate();
  const auto units = group_units(files);
  ModuleCache cache(files, units);
  read_alone_and_shared(files, units, cache, {"dev.bicep", "prod.bicep", "alone.bicep"});
}
