#pragma once
// Comparing a scan with an earlier one (a SARIF file), and keeping only the findings a change
// touched: what pull-request bots and "new findings only" gates need.
#include <akslint/analyzer/Report.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace akslint {

// A result of the baseline run, as much of it as a later run needs to report it as absent.
struct BaselineResult {
  std::string rule_id;
  std::string fingerprint;  // partialFingerprints["akslint/logical/v1"]
  std::string level;
  std::string message;
  std::string uri;
  std::optional<TextRegion> region;
};

struct Baseline {
  std::vector<BaselineResult> results;
};

struct BaselineRead {
  std::optional<Baseline> baseline;
  std::string error;  // why the file is not a usable baseline
};

// Reads the results of an akslint SARIF log. Results without the logical fingerprint, and
// results the log itself marks absent, are left out.
[[nodiscard]] BaselineRead read_baseline(std::string_view sarif);

// Sets every finding's baselineState, matched by logical fingerprint so that moved lines do not
// matter: unchanged when level and message are the same, updated otherwise, new when the
// baseline has no such result. Returns the baseline results no finding matched (absent).
[[nodiscard]] std::vector<BaselineResult> compare_with_baseline(Report& report, const Baseline& baseline);

// Lines added or changed per file, from a unified diff (`git diff`): 1-based new-file lines.
using ChangedLines = std::map<std::string, std::set<std::uint32_t>>;
[[nodiscard]] ChangedLines parse_unified_diff(std::string_view diff);

// Keeps the findings whose primary location touches a changed line. Diff paths are relative to
// the repository and report paths to the scan root, so they match when one ends with the other.
void keep_changed_lines(Report& report, const ChangedLines& changed);

}  // namespace akslint
