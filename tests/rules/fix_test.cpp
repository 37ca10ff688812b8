// Every fix a rule offers, applied to the fixture it was offered on, removes that finding and
// leaves a file that still reads without errors.
#include "rules/Fixtures.h"
#include "support/TestSupport.h"

#include <akslint/rules/Registry.h>
#include <akslint/scan/Scan.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace akslint;
using namespace akslint::testing;
namespace fs = std::filesystem;

namespace {

Report scan_dir(const fs::path& dir, std::string_view rule_id) {
  ScanOptions options;
  options.root = dir;
  options.paths = {dir};
  options.jobs = 1;
  options.config.enable.push_back({std::string(rule_id), 0});
  return scan(options);
}

std::size_t count_of(const Report& report, std::string_view rule_id) {
  return static_cast<std::size_t>(std::count_if(report.findings.begin(), report.findings.end(),
                                                [&](const Finding& f) { return f.rule->id == rule_id; }));
}

// The case directory copied to `into`, with the fix's edits made to its file (from the end,
// so earlier offsets stay valid).
void apply_fix(const Report& report, const Fix& fix, const fs::path& case_dir, const fs::path& into) {
  fs::copy(case_dir, into, fs::copy_options::recursive);
  std::vector<TextEdit> edits = fix.edits;
  std::sort(edits.begin(), edits.end(),
            [](const TextEdit& a, const TextEdit& b) { return a.span.begin_byte > b.span.begin_byte; });
  for (const TextEdit& e : edits) {
    const fs::path file = into / report.files[e.span.file].path;
    std::string text = read_file(file);
    text.replace(e.span.begin_byte, e.span.end_byte - e.span.begin_byte, e.replacement);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
  }
}

}  // namespace

TEST_CASE("every fix removes its finding and keeps the file readable") {
  std::size_t fixes = 0;
  for (const auto& rule : make_all_rules()) {
    const RuleMetadata& meta = rule->metadata();
    const auto dir = fixture_dir(meta.slug);
    if (!dir) continue;
    for (const auto& case_dir : case_dirs(*dir)) {
      const Report before = scan_dir(case_dir, meta.id);
      for (const Finding& f : before.findings) {
        if (f.rule->id != meta.id || !f.fix) continue;
        ++fixes;
        INFO(meta.id << " " << case_dir.filename().string() << ": " << f.fix->description);
        const TempDir temp;
        const fs::path fixed = temp.path() / "case";
        apply_fix(before, *f.fix, case_dir, fixed);
        const Report after = scan_dir(fixed, meta.id);
        CHECK(count_of(after, meta.id) + 1 == count_of(before, meta.id));
        CHECK(std::none_of(after.diagnostics.begin(), after.diagnostics.end(),
                           [](const Diagnostic& d) { return d.makes_scan_partial(); }));
      }
    }
  }
  CHECK(fixes > 0);
}
