#pragma once
// Golden files: an emitter's output compared with tests/sarif/data/golden/<name>; with
// AKSLINT_UPDATE_GOLDEN=1 in the environment the golden is rewritten instead.
#include <akslint/scan/Scan.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace akslint::test {

inline const std::filesystem::path kSarifData = std::filesystem::path(AKSLINT_TESTS_DIR) / "sarif" / "data";

inline bool golden_rule(std::string_view id) { return id == "AKS201" || id == "AKS901" || id == "AKS902"; }

// The report of scanning tests/sarif/data/<project>, restricted to a fixed set of rules so that
// rules added later do not change the goldens.
inline Report golden_report(std::string_view project) {
  ScanOptions options;
  options.root = kSarifData / project;
  options.jobs = 1;
  Report report = scan(options);
  std::erase_if(report.rules, [](const RuleMetadata* r) { return !golden_rule(r->id); });
  std::erase_if(report.findings, [](const Finding& f) { return !golden_rule(f.rule->id); });
  return report;
}

// Line endings normalised, so a checkout with CRLF compares equal.
inline std::string normalise(std::string text) {
  std::erase(text, '\r');
  return text;
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

// The golden's text; after an update, the new one.
inline std::string golden(std::string_view name, const std::string& actual) {
  const auto path = kSarifData / "golden" / name;
  if (const char* update = std::getenv("AKSLINT_UPDATE_GOLDEN"); update != nullptr && std::string_view(update) == "1") {
    std::ofstream(path, std::ios::binary) << normalise(actual);
  }
  return normalise(read_text(path));
}

}  // namespace akslint::test
