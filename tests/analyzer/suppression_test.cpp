// Inline suppressions in each format's comment syntax, their scopes, and the AKS901/AKS902
// findings about suppressions themselves.
#include <akslint/analyzer/Suppression.h>
#include <akslint/model/LineIndex.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <optional>

using namespace akslint;

namespace {

constexpr RuleMetadata kPoolRule{.id = "AKS201", .slug = "system-pool-scaled-to-zero", .level = Level::Error};
constexpr RuleMetadata kOtherRule{.id = "AKS304", .slug = "api-server-unrestricted", .level = Level::Warning};
constexpr RuleMetadata kOptInRule{.id = "AKS407", .slug = "fips-not-enabled", .opt_in = true};
constexpr RuleMetadata kUnused{.id = "AKS901", .slug = "unused-suppression"};
constexpr RuleMetadata kNoReason{.id = "AKS902", .slug = "suppression-without-reason"};

// A report over one file with findings of `rule` at the given 0-based rows; every finding
// belongs to a resource declared at `resource_row`.
struct Fixture {
  Report report;
  FileId file = 0;

  Fixture(std::string path, FileFormat format, std::string text) {
    file = report.files.add({std::move(path), format, std::move(text)});
    report.rules = {&kPoolRule, &kOtherRule, &kOptInRule, &kUnused, &kNoReason};
  }

  // One byte at a 0-based row and byte column of the file.
  [[nodiscard]] SourceSpan row_span(std::uint32_t row, std::uint32_t column = 2) const {
    const std::string_view text = report.files[file].text;
    const LineIndex lines(text);
    REQUIRE(row < lines.rows());
    REQUIRE(column <= lines.line(row).size());
    const auto begin = static_cast<std::uint32_t>(lines.line(row).data() - text.data()) + column;
    return {file, begin, begin + 1};
  }

  // The resource's declaration starts at `resource_byte` when given, which must be on
  // `resource_row`, else at the start of that row.
  Fixture& finding(const RuleMetadata& rule, std::uint32_t row, std::uint32_t resource_row,
                   std::optional<std::uint32_t> resource_byte = std::nullopt) {
    Finding f;
    f.rule = &rule;
    f.level = rule.level;
    f.primary = row_span(row);
    f.resource.fully_qualified_name = "azurerm_kubernetes_cluster.aks";
    f.resource.declaration = row_span(resource_row, 0);
    if (resource_byte) f.resource.declaration.begin_byte = *resource_byte;
    REQUIRE(report.files.start(f.resource.declaration).row == resource_row);
    f.resource.header = f.resource.declaration;
    report.findings.push_back(std::move(f));
    return *this;
  }

  void apply(const std::vector<Suppression>& external = {}) {
    apply_suppressions(report, external, [](const RuleMetadata& r) { return !r.opt_in; });
  }

  [[nodiscard]] std::vector<std::string> meta(std::string_view id) const {
    std::vector<std::string> out;
    for (const Finding& f : report.findings) {
      if (f.rule->id == id) out.push_back(std::to_string(report.files.start(f.primary).row + 1) + ": " + f.message);
    }
    return out;
  }
  [[nodiscard]] bool suppressed(std::size_t i) const { return report.findings[i].suppressed(); }
};

}  // namespace

TEST_CASE("HCL: # and // comments suppress the next line, a trailing one its own line", "[suppression][hcl]") {
  Fixture fx("main.tf", FileFormat::Terraform,
             "resource \"azurerm_kubernetes_cluster\" \"aks\" {\n"       // 0
             "  default_node_pool {\n"                                   // 1
             "    # akslint-ignore AKS201: sandbox, stopped at night\n"  // 2
             "    node_count = 0\n"                                      // 3
             "    min_count = 0 // akslint-ignore system-pool-scaled-to-zero: same sandbox\n"  // 4
             "    max_count = 0\n"                                       // 5
             "  }\n"
             "}\n");
  fx.finding(kPoolRule, 3, 0).finding(kPoolRule, 4, 0).finding(kPoolRule, 5, 0);
  fx.apply();
  CHECK(fx.suppressed(0));
  CHECK(fx.suppressed(1));
  CHECK_FALSE(fx.suppressed(2));
  const AppliedSuppression& s = fx.report.findings[0].suppressions.at(0);
  CHECK(s.kind == SuppressionKind::InSource);
  CHECK(s.justification == "sandbox, stopped at night");
  CHECK(fx.meta("AKS901").empty());
  CHECK(fx.meta("AKS902").empty());
}

TEST_CASE("HCL: a comment above the resource header covers the whole resource", "[suppression][hcl]") {
  Fixture fx("main.tf", FileFormat::Terraform,
             "# akslint-ignore AKS201, AKS304: lab cluster\n"            // 0
             "# (owned by the platform team)\n"                          // 1
             "resource \"azurerm_kubernetes_cluster\" \"aks\" {\n"       // 2
             "  default_node_pool {\n"                                   // 3
             "    node_count = 0\n"                                      // 4
             "  }\n"
             "}\n");
  fx.finding(kPoolRule, 4, 2).finding(kOtherRule, 2, 2);
  fx.apply();
  CHECK(fx.suppressed(0));
  CHECK(fx.suppressed(1));
  CHECK(fx.meta("AKS901").empty());
}

TEST_CASE("HCL: text inside strings is not a comment", "[suppression][hcl]") {
  Fixture fx("main.tf", FileFormat::Terraform,
             "locals {\n"
             "  note = \"# akslint-ignore AKS201: not a comment\"\n"
             "  count = 0\n"
             "}\n");
  fx.finding(kPoolRule, 2, 0);
  fx.apply();
  CHECK_FALSE(fx.suppressed(0));
  CHECK(fx.meta("AKS901").empty());
}

TEST_CASE("akslint-ignore-file covers every finding of its file", "[suppression]") {
  Fixture fx("pools.tf", FileFormat::Terraform,
             "# akslint-ignore-file AKS201: generated test fixtures\n"
             "a = 0\n"
             "b = 0\n");
  fx.finding(kPoolRule, 1, 1).finding(kPoolRule, 2, 2).finding(kOtherRule, 2, 2);
  fx.apply();
  CHECK(fx.suppressed(0));
  CHECK(fx.suppressed(1));
  CHECK_FALSE(fx.suppressed(2));
}

TEST_CASE("YAML: # starts a comment only at a line start or after a blank", "[suppression][yaml]") {
  Fixture fx("webhook.yaml", FileFormat::KubernetesYaml,
             "metadata:\n"                                        // 0
             "  name: a#akslint-ignore AKS201: not a comment\n"   // 1
             "  # akslint-ignore AKS201: reviewed\n"              // 2
             "  labels: {x: '# akslint-ignore AKS304: quoted'}\n" // 3
             "spec: 1 # akslint-ignore AKS304: trailing\n");      // 4
  fx.finding(kPoolRule, 1, 0).finding(kPoolRule, 3, 0).finding(kOtherRule, 4, 0);
  fx.apply();
  CHECK_FALSE(fx.suppressed(0));
  CHECK(fx.suppressed(1));
  CHECK(fx.suppressed(2));
}

TEST_CASE("Bicep: // comments and #disable-next-line", "[suppression][bicep]") {
  Fixture fx("main.bicep", FileFormat::Bicep,
             "resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {\n"  // 0
             "  properties: {\n"                                                          // 1
             "    #disable-next-line no-hardcoded-location AKS201 // nightly stop\n"       // 2
             "    count: 0\n"                                                             // 3
             "    // akslint-ignore AKS304: behind a firewall\n"                           // 4
             "    apiServerAccessProfile: {}\n"                                           // 5
             "    name: '// akslint-ignore AKS201: in a string'\n"                         // 6
             "    minCount: 0\n"                                                          // 7
             "  }\n"
             "}\n");
  fx.finding(kPoolRule, 3, 0).finding(kOtherRule, 5, 0).finding(kPoolRule, 7, 0);
  fx.apply();
  CHECK(fx.suppressed(0));
  CHECK(fx.report.findings[0].suppressions[0].justification == "nightly stop");
  CHECK(fx.suppressed(1));
  CHECK_FALSE(fx.suppressed(2));
  CHECK(fx.meta("AKS901").empty());  // no-hardcoded-location is Bicep's own rule, not ours
}

TEST_CASE("ARM JSON: // comments, and metadata entries on the resource", "[suppression][arm]") {
  const std::string text =
      "{\n"                                                                      // 0
      "  \"resources\": [\n"                                                     // 1
      "    // akslint-ignore AKS304: private DNS only\n"                         // 2
      "    {\n"                                                                  // 3
      "      \"type\": \"Microsoft.ContainerService/managedClusters\",\n"        // 4
      "      \"properties\": {}\n"                                               // 5
      "    },\n"                                                                 // 6
      "    {\n"                                                                  // 7
      "      \"type\": \"Microsoft.ContainerService/managedClusters\",\n"        // 8
      "      \"metadata\": {\"akslint-ignore\": {\"AKS201\": \"dev cluster\", \"AKS304\": \"\"}},\n"  // 9
      "      \"properties\": {\"count\": 0}\n"                                   // 10
      "    }\n"
      "  ]\n"
      "}\n";
  Fixture fx("azuredeploy.json", FileFormat::ArmTemplate, text);
  const auto second = static_cast<std::uint32_t>(text.find("{\n      \"type\"", text.find("},")));
  fx.finding(kOtherRule, 4, 3, static_cast<std::uint32_t>(text.find("{\n      \"type\"")))
      .finding(kPoolRule, 10, 7, second)
      .finding(kPoolRule, 5, 3);
  fx.apply();
  CHECK(fx.suppressed(0));
  CHECK(fx.suppressed(1));
  CHECK(fx.report.findings[1].suppressions[0].justification == "dev cluster");
  CHECK_FALSE(fx.suppressed(2));
  // The AKS304 entry matched nothing in its resource, and gives no reason.
  CHECK(fx.meta("AKS901") == std::vector<std::string>{"10: This suppression of AKS304 matches no finding; remove it"});
  CHECK(fx.meta("AKS902").size() == 1);
}

TEST_CASE("unused, unknown and reasonless suppressions are findings", "[suppression][meta]") {
  Fixture fx("main.tf", FileFormat::Terraform,
             "# akslint-ignore AKS201: nothing here\n"  // 0
             "a = 1\n"                                   // 1
             "# akslint-ignore AKS777: typo\n"           // 2
             "b = 1\n"                                   // 3
             "c = 0 # akslint-ignore AKS201\n"           // 4
             "# akslint-ignore AKS407: opt-in, off\n"    // 5
             "d = 1\n");                                 // 6
  fx.finding(kPoolRule, 4, 4);
  fx.apply();
  CHECK(fx.suppressed(0));
  CHECK(fx.meta("AKS901") == std::vector<std::string>{
                                 "1: This suppression of AKS201 matches no finding; remove it",
                                 "3: 'AKS777' in this suppression names no akslint rule; remove it or fix the name"});
  CHECK(fx.meta("AKS902").size() == 1);
  CHECK(fx.meta("AKS902").front().rfind("5: ", 0) == 0);
}

TEST_CASE("the files are searched on several threads with the result of one", "[suppression][meta]") {
  const auto unused = [](unsigned jobs) {
    Fixture fx("main.tf", FileFormat::Terraform, "c = 0 # akslint-ignore AKS201: sandbox\n");
    fx.finding(kPoolRule, 0, 0);
    for (int i = 0; i < 24; ++i) {
      std::string text(static_cast<std::size_t>(i), '\n');
      text += "# akslint-ignore AKS201: left over\nx = 1\n";
      fx.report.files.add({fmt::format("env{:02}/main.tf", i), FileFormat::Terraform, std::move(text)});
    }
    apply_suppressions(fx.report, {}, [](const RuleMetadata& r) { return !r.opt_in; }, jobs);
    CHECK(fx.suppressed(0));
    std::vector<std::string> out;
    for (const Finding& f : fx.report.findings) {
      const auto start = fx.report.files.start(f.primary);
      out.push_back(fmt::format("{} {}:{}", f.rule->id, fx.report.files[f.primary.file].path, start.row));
    }
    return out;
  };
  const auto one = unused(1);
  REQUIRE(one.size() == 25);  // the suppressed finding, then one AKS901 per file
  CHECK(one[1] == "AKS901 env00/main.tf:0");
  CHECK(one[24] == "AKS901 env23/main.tf:23");
  CHECK(unused(4) == one);
}

TEST_CASE("findings about suppressions cannot be suppressed", "[suppression][meta]") {
  Fixture fx("main.tf", FileFormat::Terraform, "# akslint-ignore-file AKS901, AKS201: x\n# akslint-ignore AKS201\nx = 1\n");
  fx.apply();
  for (const Finding& f : fx.report.findings) CHECK_FALSE(f.suppressed());
  CHECK(fx.meta("AKS901").size() == 3);  // AKS901 and AKS201 of the file line, AKS201 of the next
}

TEST_CASE("configuration suppressions match by rule, path and address", "[suppression][config]") {
  Fixture fx("envs/dev/main.tf", FileFormat::Terraform, "a = 0\n");
  fx.finding(kPoolRule, 0, 0).finding(kOtherRule, 0, 0);
  Suppression s;
  s.scope = SuppressionScope::Pattern;
  s.kind = SuppressionKind::External;
  s.rules = {"AKS201"};
  s.reason = "dev clusters are stopped at night";
  s.path_glob = "envs/**/*.tf";
  s.address_glob = "azurerm_kubernetes_cluster.*";
  fx.apply({s});
  CHECK(fx.suppressed(0));
  CHECK(fx.report.findings[0].suppressions[0].kind == SuppressionKind::External);
  CHECK_FALSE(fx.suppressed(1));
  CHECK(fx.meta("AKS901").empty());
}

TEST_CASE("globs: * and ? stay in a segment, ** crosses them", "[suppression][glob]") {
  CHECK(glob_match("*.tf", "main.tf"));
  CHECK_FALSE(glob_match("*.tf", "dir/main.tf"));
  CHECK(glob_match("**/*.tf", "main.tf"));
  CHECK(glob_match("**/*.tf", "a/b/main.tf"));
  CHECK(glob_match("envs/**", "envs/dev/main.tf"));
  CHECK(glob_match("env?/x", "envs/x"));
  CHECK_FALSE(glob_match("env?/x", "env/x"));
  CHECK_FALSE(glob_match("envs/**", "other/envs/main.tf"));
}
