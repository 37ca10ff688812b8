// --baseline, --new-only and --changed-lines as a CI job uses them.
#include "cli/RunAkslint.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using akslint::test::quoted;
using akslint::test::run_akslint;

namespace fs = std::filesystem;

namespace {

const std::string kProject = std::string(AKSLINT_TESTS_DIR) + "/sarif/data/project";

std::string scan_args(const std::string& extra) {
  return "scan " + extra + " --root " + quoted(kProject) + " " + quoted(kProject);
}

// A scratch file removed at the end of the test.
struct TempFile {
  fs::path path;
  TempFile(const std::string& name, const std::string& content)
      : path(fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
    std::ofstream(path, std::ios::binary) << content;
  }
  ~TempFile() { fs::remove(path); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
};

}  // namespace

TEST_CASE("--new-only fails only on findings the baseline does not have", "[baseline]") {
  const auto first = run_akslint(scan_args("--format sarif"));
  REQUIRE_FALSE(first.out.empty());
  const TempFile same("akslint-baseline.sarif", first.out);
  // The project has a file that does not parse, so the exit code says "partial" (2) whatever
  // the findings; the report says which findings count.
  const auto again = run_akslint(scan_args("--format json --new-only --baseline " + quoted(same.path.string())));
  CHECK(nlohmann::json::parse(again.out)["findings"].empty());

  auto log = nlohmann::json::parse(first.out);
  log["runs"][0]["results"].erase(0);  // the first finding is new relative to this baseline
  const TempFile older("akslint-older.sarif", log.dump());
  const auto json = nlohmann::json::parse(
      run_akslint(scan_args("--format json --new-only --baseline " + quoted(older.path.string()))).out);
  REQUIRE(json["findings"].size() == 1);
  CHECK(json["findings"][0]["baselineState"] == "new");
}

TEST_CASE("a baseline that is not SARIF stops the scan", "[baseline]") {
  const TempFile bad("akslint-bad-baseline.sarif", "{}");
  CHECK(run_akslint(scan_args("--baseline " + quoted(bad.path.string()) + " 2>/dev/null")).exit_code == 2);
}

TEST_CASE("--changed-lines - reads a diff from standard input", "[changed-lines]") {
  const TempFile diff("akslint.diff",
                      "--- a/cluster.json\n+++ b/cluster.json\n@@ -15,1 +15,1 @@\n-            \"count\": 1,\n"
                      "+            \"count\": 0,\n");
  const auto result = run_akslint(scan_args("--format json --changed-lines -") + " < " + quoted(diff.path.string()));
  const auto json = nlohmann::json::parse(result.out);
  std::vector<int> lines;
  for (const auto& f : json["findings"]) {
    if (f["ruleId"] == "AKS201") lines.push_back(f["region"]["startLine"].get<int>());
  }
  CHECK(lines == std::vector<int>{15});
}
