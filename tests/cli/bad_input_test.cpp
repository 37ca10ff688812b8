// A file that does not parse yields a notification naming the file, line and column; every
// other file is still analysed; the exit code is 2.
#include "support/TestSupport.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace akslint::testing;

namespace {

constexpr const char* kBrokenTemplate = R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "resources": [
    { "type": "Microsoft.ContainerService/managedClusters", "name": ]
  ]
}
)";

constexpr const char* kGoodTemplate = R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "resources": [
    {
      "type": "Microsoft.ContainerService/managedClusters",
      "apiVersion": "2024-02-01",
      "name": "aks",
      "properties": { "agentPoolProfiles": [ { "name": "system", "mode": "System", "count": 0 } ] }
    }
  ]
}
)";

}  // namespace

TEST_CASE("a syntax error is a notification with file, line and column, and the scan goes on") {
  const TempDir dir;
  dir.write("a-broken/azuredeploy.json", kBrokenTemplate);
  dir.write("b-good/azuredeploy.json", kGoodTemplate);
  const auto sarif_path = dir.path() / "out.sarif";
  const int status = run_command("cd " + quote(dir.path().string()) + " && " + quote(akslint_binary()) +
                                 " scan . --format sarif --output out.sarif");
  CHECK(status == 2);

  const auto log = nlohmann::json::parse(read_file(sarif_path));
  const auto& run = log.at("runs").at(0);
  CHECK(run.at("invocations").at(0).at("executionSuccessful") == false);
  const auto& notes = run.at("invocations").at(0).at("toolExecutionNotifications");
  REQUIRE(notes.size() == 1);
  const auto& where = notes.at(0).at("locations").at(0).at("physicalLocation");
  CHECK(where.at("artifactLocation").at("uri") == "a-broken/azuredeploy.json");
  CHECK(where.at("region").at("startLine") == 4);
  CHECK(where.at("region").at("startColumn") == 69);
  CHECK(notes.at(0).at("level") == "error");

  // The good file was analysed: its AKS201 finding is there, and both files are artifacts.
  std::size_t aks201 = 0;
  for (const auto& result : run.at("results")) aks201 += result.at("ruleId") == "AKS201" ? 1U : 0U;
  CHECK(aks201 == 1);
  CHECK(run.at("artifacts").size() == 2);
}

TEST_CASE("the text format names the broken file's position in compiler style") {
  const TempDir dir;
  dir.write("azuredeploy.json", kBrokenTemplate);
  const auto out = dir.path() / "out.txt";
  const int status = run_command("cd " + quote(dir.path().string()) + " && " + quote(akslint_binary()) +
                                 " scan . > out.txt");
  CHECK(status == 2);
  const std::string text = read_file(out);
  CHECK(text.find("azuredeploy.json:4:69: error: syntax error: unexpected `]`") != std::string::npos);
}

TEST_CASE("output is identical byte for byte across runs and job counts") {
  const std::string base = "cd " + quote(AKSLINT_SOURCE_DIR) + " && " + quote(akslint_binary()) +
                           " scan samples --format sarif --output ";
  const TempDir dir;
  const auto one = dir.path() / "one.sarif";
  const auto two = dir.path() / "two.sarif";
  const auto again = dir.path() / "again.sarif";
  run_command(base + quote(one.string()) + " --jobs 1");
  run_command(base + quote(two.string()) + " --jobs 2");
  run_command(base + quote(again.string()) + " --jobs 2");
  // Streamed to standard output rather than to a file: the same bytes.
  const auto piped = dir.path() / "piped.sarif";
  run_command("cd " + quote(AKSLINT_SOURCE_DIR) + " && " + quote(akslint_binary()) +
              " scan samples --format sarif --jobs 2 > " + quote(piped.string()));
  const std::string first = read_file(one);
  CHECK_FALSE(first.empty());
  CHECK(first == read_file(two));
  CHECK(first == read_file(again));
  CHECK(first == read_file(piped));
}

TEST_CASE("a report that cannot be written stops with its path named and leaves nothing behind") {
  const TempDir dir;
  const auto target = dir.path() / "no-such-dir" / "out.sarif";
  const auto err = dir.path() / "err.txt";
  const int status = run_command("cd " + quote(AKSLINT_SOURCE_DIR) + " && " + quote(akslint_binary()) +
                                 " scan samples --format sarif --output " + quote(target.string()) + " 2> " +
                                 quote(err.string()));
  CHECK(status == 2);
  CHECK(read_file(err).find("cannot write " + target.string()) != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(target.parent_path()));
}
