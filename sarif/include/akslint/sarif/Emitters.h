#pragma once
// Renders a scan report. Every emitter is deterministic: the same report gives the same bytes.
// Suppressed findings are kept only where the format can say so (SARIF, JSON); the others
// show what counts.
#include <akslint/analyzer/Report.h>
#include <akslint/sarif/Baseline.h>

#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace akslint {

struct ToolInfo {
  std::string_view name = "akslint";
  std::string_view version;
  std::string_view information_uri;
};

struct SarifOptions {
  // runAutomationDetails.id: tells apart several uploads for one commit (GitHub "category").
  std::string_view category;
  // Baseline results this run no longer has: emitted with baselineState "absent".
  std::span<const BaselineResult> absent;
  // Threads that write results; the log is the same bytes for any number.
  unsigned jobs = 1;
};

// SARIF 2.1.0 as GitHub code scanning ingests it. write_sarif streams it to `out` in pieces
// of about 64 KiB, so a large log is never held whole; to_sarif returns the same bytes.
void write_sarif(std::ostream& out, const Report& report, const ToolInfo& tool, const SarifOptions& options = {});
[[nodiscard]] std::string to_sarif(const Report& report, const ToolInfo& tool, const SarifOptions& options = {});

struct TextOptions {
  bool color = false;  // ANSI colours; the caller decides (a terminal, and no --no-color)
};

// One compiler-style line per finding and diagnostic ("path:line:col: level: message [ID slug]",
// what problem matchers parse), then a summary line.
[[nodiscard]] std::string to_text(const Report& report, const TextOptions& options = {});

// akslint's own JSON: findings and diagnostics as plain objects (docs/json-format.md),
// streamed as write_sarif streams SARIF.
void write_json(std::ostream& out, const Report& report, const ToolInfo& tool, unsigned jobs = 1);
[[nodiscard]] std::string to_json(const Report& report, const ToolInfo& tool, unsigned jobs = 1);

// GitHub Actions workflow commands (::error file=...::message), shown as annotations.
[[nodiscard]] std::string to_github(const Report& report);

// reviewdog's diagnostic format (rdjson), for review bots; streamed as write_sarif streams SARIF.
void write_rdjson(std::ostream& out, const Report& report, const ToolInfo& tool);
[[nodiscard]] std::string to_rdjson(const Report& report, const ToolInfo& tool);

// JUnit XML: one test suite per file, a failed test case per finding.
[[nodiscard]] std::string to_junit(const Report& report);

// A summary table for a pull-request comment or the job summary.
[[nodiscard]] std::string to_markdown(const Report& report);

// The stable logical identity of a finding ("akslint/logical/v1"): survives line moves,
// changes when the rule, resource, attribute or offending value changes.
[[nodiscard]] std::string logical_fingerprint(const Finding& finding);

}  // namespace akslint
