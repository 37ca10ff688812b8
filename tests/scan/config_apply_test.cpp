// What the configuration does to a scan: which rules run with which options, and what it
// changes in their findings.
#include "ConfigApply.h"

#include <akslint/analyzer/GraphBuilder.h>

#include <catch2/catch.hpp>

#include <fmt/format.h>

using namespace akslint;

namespace {

constexpr RuleOption kThresholdOption[] = {{"threshold", OptionKind::Integer, "30", "test threshold"}};
constexpr RuleMetadata kWithOption{.id = "AKS721", .slug = "max-pods-too-low", .level = Level::Warning,
                                   .options = kThresholdOption};
constexpr RuleMetadata kOptIn{.id = "AKS407", .slug = "fips-not-enabled", .level = Level::Note, .opt_in = true};
constexpr RuleMetadata kUnused{.id = "AKS901", .slug = "unused-suppression"};
constexpr RuleMetadata kNoReason{.id = "AKS902", .slug = "suppression-without-reason"};

// Reports every resource, saying which option value it saw.
class EchoRule final : public Rule {
 public:
  explicit EchoRule(const RuleMetadata& meta) : meta_(meta) {}
  const RuleMetadata& metadata() const override { return meta_; }
  void check(RuleContext& ctx) const override {
    for (const VertexId v : ctx.graph().resources()) {
      ctx.report(ctx.graph().resource(v), "", nullptr, fmt::format("threshold {}", ctx.option("threshold")));
    }
  }

 private:
  const RuleMetadata& meta_;
};

struct Scanned {
  Report report;
  ResourceGraph graph;
  std::vector<std::unique_ptr<Rule>> rules;

  Scanned() {
    const FileId file = report.files.add({"envs/dev/aks.json", FileFormat::ArmTemplate, "{}\n"});
    Resource r;
    r.type = "Microsoft.ContainerService/managedClusters";
    r.name = Value::string("aks-dev");
    r.origin.kind = SourceKind::Arm;
    r.origin.file = file;
    r.origin.header_span = {file, 0, 1};
    std::vector<Resource> resources;
    resources.push_back(std::move(r));
    graph = build_graph(std::move(resources));
    rules.push_back(std::make_unique<EchoRule>(kWithOption));
    rules.push_back(std::make_unique<EchoRule>(kOptIn));
    report.rules = {&kOptIn, &kWithOption, &kUnused, &kNoReason};
  }

  std::vector<std::string> after(std::string_view yaml) {
    const RuleMetadata* const all[] = {&kOptIn, &kWithOption, &kUnused, &kNoReason};
    const auto parsed = parse_config(yaml, ".akslint.yaml", all);
    REQUIRE(parsed.errors.empty());
    run_rules(graph, rules, parsed.config, /*jobs=*/2, report.findings);  // findings still in rule order
    apply_config(report, parsed.config, 1);
    std::vector<std::string> out;
    for (const Finding& f : report.findings) {
      out.push_back(fmt::format("{} {} {}{}", f.rule->id, to_string(f.level), f.message, f.suppressed() ? " (suppressed)" : ""));
    }
    return out;
  }
};

}  // namespace

TEST_CASE("defaults leave the scan's findings as they were", "[config]") {
  CHECK(Scanned().after("") == std::vector<std::string>{"AKS721 warning threshold 30"});
}

TEST_CASE("opt-in rules run when enabled; options reach the rules", "[config]") {
  CHECK(Scanned().after("enable: [AKS407]\noptions:\n  AKS721.threshold: 50\n") ==
        std::vector<std::string>{"AKS721 warning threshold 50", "AKS407 note threshold "});
}

TEST_CASE("disabled rules, excluded paths and levels", "[config]") {
  CHECK(Scanned().after("disable: [max-pods-too-low]\n").empty());
  CHECK(Scanned().after("exclude: [envs/]\n").empty());
  CHECK(Scanned().after("levels:\n  AKS721: error\n") == std::vector<std::string>{"AKS721 error threshold 30"});
}

TEST_CASE("configured suppressions keep the finding, marked", "[config]") {
  CHECK(Scanned().after("suppress:\n  - rule: AKS721\n    address: aks-*\n    reason: lab\n") ==
        std::vector<std::string>{"AKS721 warning threshold 30 (suppressed)"});
}
