// Related locations point at the other side of a finding, not back at its own resource.
#include "rules/Fixtures.h"

#include <akslint/scan/Scan.h>

#include <catch2/catch.hpp>

using namespace akslint;
using namespace akslint::testing;

TEST_CASE("AKS101 on the cluster's own group relates to where the cluster names that group") {
  const auto fixture = fixture_dir("node-rg-existing");
  REQUIRE(fixture);
  const auto dir = *fixture / "terraform-own-group";
  ScanOptions options;
  options.root = dir;
  options.paths = {dir};
  options.jobs = 1;
  const Report report = scan(options);
  const Finding* found = nullptr;
  for (const Finding& f : report.findings) {
    if (f.rule->id == "AKS101") found = &f;
  }
  REQUIRE(found != nullptr);
  REQUIRE(found->related.size() == 1);
  CHECK(found->related[0].message == "the cluster's own resource group");
  CHECK(report.files.start(found->related[0].span).row == 3);  // resource_group_name = "rg-aks"
  CHECK(report.files.start(found->related[0].span).row != report.files.start(found->primary).row);
}
