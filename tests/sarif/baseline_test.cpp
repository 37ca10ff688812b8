// Fingerprints, baselines and changed-line filtering: what keeps results stable across runs.
#include "sarif/Golden.h"

#include <akslint/sarif/Baseline.h>
#include <akslint/sarif/Emitters.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

using namespace akslint;
namespace fs = std::filesystem;

namespace {

constexpr ToolInfo kTestTool{"akslint", "0.0.0-test", "https://github.com/akslint/akslint"};

// One ARM template in a scratch directory, scanned as its own root.
class TemplateDir {
 public:
  TemplateDir() { fs::create_directories(dir_); }
  ~TemplateDir() { fs::remove_all(dir_); }
  TemplateDir(const TemplateDir&) = delete;
  TemplateDir& operator=(const TemplateDir&) = delete;

  Report scan_with(const std::string& text) const {
    std::ofstream(dir_ / "azuredeploy.json", std::ios::binary | std::ios::trunc) << text;
    ScanOptions options;
    options.root = dir_;
    options.jobs = 1;
    // Only AKS201: these templates are about its two findings, not about what other rules see.
    options.config.disable.push_back({"all", 0});
    options.config.enable.push_back({"AKS201", 0});
    return scan(options);
  }

 private:
  fs::path dir_ = fs::temp_directory_path() / ("akslint-baseline-" + std::to_string(::getpid()));
};

std::string cluster(std::string_view name, int count, int min_count) {
  return fmt::format(R"(    {{
      "type": "Microsoft.ContainerService/managedClusters",
      "apiVersion": "2024-02-01",
      "name": "{}",
      "location": "westeurope",
      "properties": {{
        "agentPoolProfiles": [
          {{ "name": "system", "mode": "System", "count": {}, "enableAutoScaling": true, "minCount": {}, "maxCount": 3 }}
        ]
      }}
    }})",
                     name, count, min_count);
}

std::string arm(std::string_view preamble, const std::vector<std::string>& resources) {
  return fmt::format(R"({{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",{}
  "resources": [
{}
  ]
}}
)",
                     preamble, fmt::join(resources, ",\n"));
}

const Finding& only(const Report& report, std::string_view attribute_suffix) {
  const auto it = std::find_if(report.findings.begin(), report.findings.end(),
                               [&](const Finding& f) { return f.attribute_path.ends_with(attribute_suffix); });
  REQUIRE(it != report.findings.end());
  return *it;
}

constexpr std::string_view kInserted = R"(
  "parameters": {
    "clusterName": { "type": "string", "defaultValue": "aks" }
  },)";

}  // namespace

TEST_CASE("a finding keeps its fingerprint when lines are inserted above it", "[fingerprint]") {
  const TemplateDir dir;
  const Report before = dir.scan_with(arm("", {cluster("aks-a", 0, 0)}));
  const Report after = dir.scan_with(arm(kInserted, {cluster("aks-a", 0, 0)}));
  const Finding& a = only(before, ".count");
  const Finding& b = only(after, ".count");
  CHECK(after.files.start(b.primary).row == before.files.start(a.primary).row + 3);
  CHECK(logical_fingerprint(a) == logical_fingerprint(b));
}

TEST_CASE("a finding's fingerprint changes when the offending value changes", "[fingerprint]") {
  const TemplateDir dir;
  Finding f = only(dir.scan_with(arm("", {cluster("aks-a", 0, 0)})), ".count");
  const std::string original = logical_fingerprint(f);
  f.offending_value = "0.0";
  CHECK(logical_fingerprint(f) != original);
  f.offending_value = "0";
  f.primary.begin_byte += 10;  // position is not identity
  f.primary.end_byte += 10;
  CHECK(logical_fingerprint(f) == original);
  f.resource.fully_qualified_name = "aks-b";
  CHECK(logical_fingerprint(f) != original);
}

TEST_CASE("results are new, unchanged, updated or absent against a baseline", "[baseline]") {
  const TemplateDir dir;
  const Report old_report = dir.scan_with(arm("", {cluster("aks-a", 0, 0)}));
  REQUIRE(old_report.findings.size() == 2);
  auto old_log = nlohmann::json::parse(to_sarif(old_report, kTestTool));
  // Reword the count finding in the baseline: the same result, reported differently.
  for (auto& r : old_log["runs"][0]["results"]) {
    if (r["message"]["text"].get<std::string>().find("has 0 nodes") != std::string::npos) r["message"]["text"] = "old wording";
  }
  const auto baseline = read_baseline(old_log.dump());
  REQUIRE(baseline.baseline);
  REQUIRE(baseline.baseline->results.size() == 2);

  // Lines inserted above, minCount fixed, a second cluster added.
  Report report = dir.scan_with(arm(kInserted, {cluster("aks-a", 0, 1), cluster("aks-b", 0, 1)}));
  const auto absent = compare_with_baseline(report, *baseline.baseline);
  REQUIRE(report.findings.size() == 2);
  CHECK(only(report, ".count").baseline == BaselineState::Updated);
  CHECK(report.findings[1].baseline == BaselineState::New);
  CHECK(report.findings[1].resource.fully_qualified_name == "aks-b");
  REQUIRE(absent.size() == 1);
  CHECK(absent[0].message.find("minimum 0") != std::string::npos);

  const auto log = nlohmann::json::parse(to_sarif(report, kTestTool, {.absent = absent}));
  const auto& results = log["runs"][0]["results"];
  REQUIRE(results.size() == 3);
  CHECK(results[0]["baselineState"] == "updated");
  CHECK(results[1]["baselineState"] == "new");
  CHECK(results[2]["baselineState"] == "absent");
  CHECK(results[2]["ruleIndex"] == results[0]["ruleIndex"]);

  Report same = dir.scan_with(arm("", {cluster("aks-a", 0, 0)}));
  CHECK(compare_with_baseline(same, *read_baseline(to_sarif(old_report, kTestTool)).baseline).empty());
  for (const Finding& f : same.findings) CHECK(f.baseline == BaselineState::Unchanged);
}

TEST_CASE("a file that is not SARIF is not a baseline", "[baseline]") {
  CHECK_FALSE(read_baseline("not json").baseline);
  CHECK_FALSE(read_baseline("{\"version\": \"2.1.0\"}").baseline);
  CHECK(read_baseline("{\"runs\": []}").baseline);
}

TEST_CASE("a unified diff gives the changed lines of the new files", "[changed-lines]") {
  const std::string diff = R"(diff --git a/infra/main.tf b/infra/main.tf
index 1111111..2222222 100644
--- a/infra/main.tf
+++ b/infra/main.tf
@@ -3,4 +3,5 @@ resource "azurerm_kubernetes_cluster" "aks" {
   name = "aks"
-  node_count = 1
+  node_count = 0
+  min_count  = 0
   vm_size = "x"
 
@@ -20 +21 @@
-a
+b
diff --git a/old.tf b/old.tf
deleted file mode 100644
--- a/old.tf
+++ /dev/null
@@ -1,2 +0,0 @@
-x
-y
diff --git a/new.bicep b/new.bicep
new file mode 100644
--- /dev/null
+++ b/new.bicep
@@ -0,0 +1,2 @@
+++x
+y
)";
  const ChangedLines changed = parse_unified_diff(diff);
  CHECK(changed.size() == 2);
  CHECK(changed.at("infra/main.tf") == std::set<std::uint32_t>{4, 5, 21});
  CHECK(changed.at("new.bicep") == std::set<std::uint32_t>{1, 2});
}

TEST_CASE("only findings on changed lines are kept", "[changed-lines]") {
  Report report = test::golden_report("project");
  REQUIRE(report.findings.size() >= 2);
  // cluster.json lines 15 (count) and 17 (minCount); the diff is from the repository root.
  keep_changed_lines(report, ChangedLines{{"tests/sarif/data/project/cluster.json", {17}}, {"other.tf", {15}}});
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].attribute_path.ends_with("minCount"));
}
