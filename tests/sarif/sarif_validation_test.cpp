// The SARIF of samples/ must pass Microsoft's SARIF validator with GitHub's ingestion rules
// ("Gh;Sarif") with no error and no warning: what GitHub code scanning would reject or flag.
#include "support/TestSupport.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace akslint::testing;
namespace fs = std::filesystem;

namespace {

fs::path multitool() {
  return fs::path(AKSLINT_NODE_MODULES_DIR) / "@microsoft" / "sarif-multitool-linux" / "Sarif.Multitool";
}

}  // namespace

TEST_CASE("the SARIF of samples/ passes the validator's GitHub and SARIF rules") {
  INFO("the validator comes from `npm ci --ignore-scripts` (scripts/setup.sh); it was looked for at "
       << multitool().string());
  REQUIRE(fs::exists(multitool()));
  const TempDir dir;
  const fs::path sarif = dir.path() / "samples.sarif";
  const fs::path verdict = dir.path() / "validation.sarif";
  const std::string scan = "cd " + quote(AKSLINT_SOURCE_DIR) + " && " + quote(akslint_binary()) +
                           " scan samples --format sarif --output " + quote(sarif.string());
  const int scan_status = run_command(scan);
  CHECK((scan_status == 0 || scan_status == 1));  // findings are expected; input problems are not
  REQUIRE(fs::exists(sarif));

  // The validator is a self-contained .NET program; invariant globalization spares it libicu.
  const std::string validate = "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 " + quote(multitool().string()) +
                               " validate --rule-kind 'Gh;Sarif' --output " + quote(verdict.string()) + " " +
                               quote(sarif.string()) + " > /dev/null 2>&1";
  run_command(validate);
  REQUIRE(fs::exists(verdict));
  const auto log = nlohmann::json::parse(read_file(verdict));
  std::vector<std::string> problems;
  for (const auto& result : log.at("runs").at(0).value("results", nlohmann::json::array())) {
    std::string level = result.value("level", "warning");
    for (auto& c : level) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (level == "error" || level == "warning") problems.push_back(result.dump());
  }
  CHECK(problems == std::vector<std::string>{});
}

TEST_CASE("the validator does report a SARIF log that GitHub would reject") {
  // Guards the test above against passing because the validator checked nothing.
  REQUIRE(fs::exists(multitool()));
  const TempDir dir;
  const fs::path bad = dir.write("bad.sarif", R"({"version":"2.1.0","$schema":"https://json.schemastore.org/sarif-2.1.0.json",
    "runs":[{"tool":{"driver":{"name":"x","rules":[{"id":"R1"}]}},"results":[{"ruleId":"R1","message":{"text":"m"},
    "locations":[{"physicalLocation":{"artifactLocation":{"uri":"file:///abs/x.tf","uriBaseId":"%SRCROOT%"}}}]}]}]})");
  const fs::path verdict = dir.path() / "validation.sarif";
  run_command("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 " + quote(multitool().string()) +
              " validate --rule-kind 'Gh;Sarif' --output " + quote(verdict.string()) + " " + quote(bad.string()) +
              " > /dev/null 2>&1");
  REQUIRE(fs::exists(verdict));
  const auto log = nlohmann::json::parse(read_file(verdict));
  CHECK_FALSE(log.at("runs").at(0).value("results", nlohmann::json::array()).empty());
}
