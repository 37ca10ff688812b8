// A Bicep file and the ARM template it compiles to (written by hand, as `bicep build` would)
// give the same canonical resources: same types, names, scopes and bodies.
#include "bicep_test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace akslint;
using akslint::test::scan_dir;

namespace {

// What two formats must agree on, as comparable text; resources AKS only refers to
// (`existing`) and the deployments that carry modules are each format's own business.
std::vector<std::string> canonical(const test::ScannedDir& dir) {
  std::vector<std::string> out;
  for (const Resource& r : dir.model.resources) {
    if (r.existing || iequals(r.type, "Microsoft.Resources/deployments")) continue;
    out.push_back(r.type + " " + r.name.to_display() + " sub=" + r.scope.subscription.to_display() +
                  " rg=" + r.scope.resource_group.to_display() + " " + r.body.to_display());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void check_pair(const std::string& pair) {
  const auto bicep = scan_dir("equivalence/" + pair + "/bicep");
  const auto arm = scan_dir("equivalence/" + pair + "/arm");
  INFO(pair);
  CHECK(bicep.model.diagnostics.empty());
  CHECK(arm.model.diagnostics.empty());
  const auto expected = canonical(arm);
  CHECK_FALSE(expected.empty());
  CHECK(canonical(bicep) == expected);
}

}  // namespace

TEST_CASE("Bicep and its ARM template agree: parameters, variables, interpolation, ternaries") {
  check_pair("cluster");
}

TEST_CASE("Bicep and its ARM template agree: a resource loop with its index, under an existing parent") {
  check_pair("loop");
}

TEST_CASE("Bicep and its ARM template agree: a module deployed to another subscription's resource group") {
  check_pair("module");
}
