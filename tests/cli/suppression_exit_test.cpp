// Suppressed findings stay in the report but do not fail the build.
#include "cli/RunAkslint.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <filesystem>
#include <nlohmann/json.hpp>

using akslint::test::quoted;
using akslint::test::run_akslint;

namespace {

const std::string kCases = std::string(AKSLINT_TESTS_DIR) + "/rules/meta/unused-suppression/";

}  // namespace

TEST_CASE("a suppressed error does not count for the exit code", "[suppression]") {
  const std::string dir = kCases + "arm-used-comment";
  // Only AKS201 and the suppression rules run: the other rules that see this cluster would
  // decide the exit code otherwise.
  const std::string config = (std::filesystem::temp_directory_path() / "akslint-only-aks201.yaml").string();
  std::ofstream(config) << "disable: [all]\nenable: [AKS201, AKS901, AKS902]\n";
  const auto result =
      run_akslint("scan --format sarif --config " + quoted(config) + " --root " + quoted(dir) + " " + quoted(dir));
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
