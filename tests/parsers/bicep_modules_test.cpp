#include "bicep_test_support.h"

using namespace akslint;

TEST_CASE("local modules are read with their params, scope and outputs", "[bicep]") {
  const auto dir = test::scan_dir("modules");
  // The module file is read through main.bicep only, not as an entry of its own.
  REQUIRE(dir.units.size() == 1);
  CHECK(dir.files[dir.units[0].files[0]].path == "main.bicep");

  const Resource& main = dir.resource("cluster.aks");
  CHECK(main.origin.symbol == "cluster.aks");
  CHECK(dir.files[main.origin.file].path == "modules/aks.bicep");
  CHECK(main.name.as_string() == "aks-main");
  CHECK(main.at("properties.nodeResourceGroup")->as_string() == "MC_main");
  CHECK(main.scope.resource_group.as_string() == "rg-aks");  // `scope: rg`
  // The deployment's own subscription, as in ARM: not known until it runs.
  CHECK(*main.scope.subscription.unknown_expression() == "subscription().subscriptionId");
  // A caller's resource handed in through a param is referenced from inside the module.
  CHECK(main.at("tags.owner")->as_string() == "rg-aks");
  CHECK(test::has_reference(main, ReferenceKind::Reference, "rg", "tags.owner"));

  const Resource& spoke = dir.resource("spoke.aks");
  CHECK(spoke.scope.subscription.as_string() == "11111111-1111-1111-1111-111111111111");
  CHECK(spoke.scope.resource_group.as_string() == "rg-spoke");
  // A module output feeds another module's params.
  CHECK(spoke.at("properties.nodeResourceGroup")->as_string() == "MC_main");

  // Module loops: one instance per item, each with its own scope and default param.
  const Resource& west = dir.resource("regional[0].aks");
  CHECK(west.name.as_string() == "aks-westeurope");
  CHECK(west.scope.resource_group.as_string() == "rg-westeurope");
  CHECK(west.at("properties.nodeResourceGroup")->as_string() == "MC_aks-westeurope");
  CHECK(dir.resource("regional[1].aks").scope.resource_group.as_string() == "rg-northeurope");
  CHECK(dir.model.resources.size() == 7);  // rg, four clusters, two budgets

  // An output read in the caller refers to the module's resource behind it.
  const Resource& budget = dir.resource("budget");
  CHECK(budget.at("properties.notes")->as_string() == "MC_main");
  CHECK(test::has_reference(budget, ReferenceKind::Reference, "cluster.aks", "properties.notes"));
  const Resource& regional = dir.resource("regionalBudget");  // one instance of a module loop
  CHECK(regional.at("properties.notes")->as_string() == "MC_aks-northeurope");
  CHECK(test::has_reference(regional, ReferenceKind::Reference, "regional[1].aks", "properties.notes"));
}

TEST_CASE("registry modules, missing files and cycles are notifications with a position", "[bicep]") {
  const auto dir = test::scan_dir("modules");
  const Diagnostic* remote = dir.diagnostic("module-not-followed");
  REQUIRE(remote != nullptr);
  CHECK(remote->level == DiagnosticLevel::Note);
  CHECK(dir.files.start(remote->span).row == 40);
  CHECK(remote->message.find("br/public:avm/res/network/virtual-network:0.1.0") != std::string::npos);
  const Diagnostic* missing = dir.diagnostic("module-not-found");
  REQUIRE(missing != nullptr);
  CHECK(dir.files.start(missing->span).row == 45);

  const auto cycle = test::scan_dir("cycle");
  const Diagnostic* d = cycle.diagnostic("module-cycle");
  REQUIRE(d != nullptr);
  CHECK(d->level == DiagnosticLevel::Warning);
  CHECK(cycle.has("b.st"));  // read once through a.bicep, then the cycle stops
}
