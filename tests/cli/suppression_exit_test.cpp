// Suppressed findings stay in the report but do not fail the build.
#include "cli/RunAkslint.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using akslint::test::quoted;
using akslint::test::run_akslint;

namespace {

const std::string kCases = std::string(AKSLINT_TESTS_DIR) + "/rules/meta/unused_suppression/";

}  // namespace

TEST_CASE("a suppressed error does not count for the exit code", "[suppression]") {
  const std::string dir = kCases + "arm-used-comment";
  const auto result = run_akslint("scan --format sarif --root " + quoted(dir) + " " + quoted(dir));
  CHECK(result.exit_code == 0);
  const auto log = nlohmann::json::parse(result.out);
  const auto& results = log["runs"][0]["results"];
  REQUIRE(results.size() == 1);
  CHECK(results[0]["ruleId"] == "AKS201");
  CHECK(results[0]["suppressions"][0]["kind"] == "inSource");
  CHECK(results[0]["suppressions"][0]["justification"] == "sandbox cluster, stopped at night");
}

TEST_CASE("an unused suppression is a warning that fails at the default fail level", "[suppression]") {
  const std::string dir = kCases + "arm-stale-metadata";
  const auto result = run_akslint("scan --root " + quoted(dir) + " " + quoted(dir));
  CHECK(result.exit_code == 1);
  CHECK(result.out.find("[AKS901 unused-suppression]") != std::string::npos);
}
