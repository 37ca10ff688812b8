// One data-driven test over every rule's fixtures: tests/rules/<pack>/<slug>/<case>/.
// A case directory is scanned on its own; the findings of the directory's rule must match
// the case's expectations exactly (`expect: AKS201` comments, `<file>.expected.json` sidecars).
#include "rules/Fixtures.h"

#include <akslint/rules/Registry.h>
#include <akslint/scan/Scan.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>

using namespace akslint;
using namespace akslint::testing;

namespace {

std::vector<Expectation> actual_findings(const std::filesystem::path& case_dir, std::string_view rule_id,
                                         std::vector<std::string>& errors) {
  ScanOptions options;
  options.root = case_dir;
  options.paths = {case_dir};
  options.jobs = 1;
  options.config.enable.push_back({std::string(rule_id), 0});  // opt-in rules run on their own fixtures
  const Report report = scan(options);
  for (const Diagnostic& d : report.diagnostics) {
    if (d.makes_scan_partial()) {
      errors.push_back(fmt::format("{}: {} [{}]", d.file < report.files.size() ? report.files[d.file].path : "",
                                   d.message, d.code));
    }
  }
  std::vector<Expectation> out;
  for (const Finding& f : report.findings) {
    if (f.rule->id != rule_id) continue;
    out.push_back({report.files[f.primary.file].path, text_region(report.files[f.primary.file], f.primary).start_line,
                   std::string(f.rule->id)});
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("every rule's fixtures give exactly the expected findings") {
  for (const auto& rule : make_all_rules()) {
    const RuleMetadata& meta = rule->metadata();
    const auto dir = fixture_dir(meta.slug);
    if (!dir) continue;  // the coverage test below reports missing fixtures
    for (const auto& case_dir : case_dirs(*dir)) {
      DYNAMIC_SECTION(meta.id << " " << case_dir.filename().string()) {
        std::vector<std::string> errors;
        const auto actual = actual_findings(case_dir, meta.id, errors);
        INFO("fixture " << case_dir.string());
        CHECK(errors == std::vector<std::string>{});
        CHECK(actual == expectations(case_dir, meta.id));
      }
    }
  }
}

TEST_CASE("every rule has a triggering fixture and a near miss in every format it can see") {
  for (const auto& rule : make_all_rules()) {
    const RuleMetadata& meta = rule->metadata();
    INFO(meta.id << " " << meta.slug);
    const auto dir = fixture_dir(meta.slug);
    REQUIRE(dir.has_value());
    for (const InputFormat format : kAllInputFormats) {
      if (!meta.sees(format)) continue;
      bool triggers = false;
      bool near_miss = false;
      for (const auto& case_dir : case_dirs(*dir)) {
        if (case_format(case_dir) != format) continue;
        (expectations(case_dir, meta.id).empty() ? near_miss : triggers) = true;
      }
      INFO("format " << to_string(format));
      CHECK(triggers);
      CHECK(near_miss);
    }
  }
}

TEST_CASE("rule ids and slugs are unique and well formed") {
  std::vector<std::string_view> ids;
  std::vector<std::string_view> slugs;
  for (const auto& rule : make_all_rules()) {
    const RuleMetadata& m = rule->metadata();
    INFO(m.id);
    CHECK(m.id.size() == 6);
    CHECK(m.id.substr(0, 3) == "AKS");
    CHECK(std::all_of(m.slug.begin(), m.slug.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }));
    CHECK_FALSE(m.title.empty());
    CHECK_FALSE(m.summary.empty());
    CHECK_FALSE(m.why.empty());
    CHECK_FALSE(m.fix.empty());
    ids.push_back(m.id);
    slugs.push_back(m.slug);
  }
  std::sort(ids.begin(), ids.end());
  std::sort(slugs.begin(), slugs.end());
  CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
  CHECK(std::adjacent_find(slugs.begin(), slugs.end()) == slugs.end());
}
