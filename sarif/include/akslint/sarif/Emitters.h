#pragma once
// Renders a scan report. Every emitter is deterministic: the same report gives the same bytes.
#include <akslint/analyzer/Report.h>

#include <string>
#include <string_view>

namespace akslint {

struct ToolInfo {
  std::string_view name = "akslint";
  std::string_view version;
  std::string_view information_uri;
};

// SARIF 2.1.0 as GitHub code scanning ingests it.
[[nodiscard]] std::string to_sarif(const Report& report, const ToolInfo& tool);

// One compiler-style line per finding and diagnostic, then a summary line.
[[nodiscard]] std::string to_text(const Report& report);

// akslint's own JSON: findings and diagnostics as plain objects.
[[nodiscard]] std::string to_json(const Report& report, const ToolInfo& tool);

// The stable logical identity of a finding ("akslint/logical/v1"): survives line moves,
// changes when the rule, resource, attribute or offending value changes.
[[nodiscard]] std::string logical_fingerprint(const Finding& finding);

}  // namespace akslint
