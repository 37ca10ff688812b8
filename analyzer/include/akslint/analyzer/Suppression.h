#pragma once
// Suppressions: a finding the team has decided to keep, said in the file next to it
// (`# akslint-ignore AKS201: reason`) or in the configuration. A suppressed finding stays in
// SARIF with its justification and does not count for the exit code. A suppression that
// matches nothing is reported (AKS901), as is one without a reason (AKS902); tool
// diagnostics are never findings, so nothing can suppress them.
#include <akslint/analyzer/Report.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace akslint {

inline constexpr std::string_view kUnusedSuppressionRule = "AKS901";
inline constexpr std::string_view kSuppressionWithoutReasonRule = "AKS902";

enum class SuppressionScope : std::uint8_t {
  Line,      // findings starting on `row`, and findings of a resource whose declaration starts there
  Resource,  // findings of the resource whose declaration begins at `resource_begin_byte`
  File,      // every finding in the file
  Pattern,   // from configuration: findings whose path / resource address match
};

struct Suppression {
  SuppressionScope scope = SuppressionScope::Line;
  SuppressionKind kind = SuppressionKind::InSource;
  std::vector<std::string> rules;  // rule ids or slugs, as written
  std::string reason;              // empty: none given
  std::string text;                // the directive as written: messages and fingerprints
  SourceSpan span;                 // where it is written: AKS901/AKS902 point here
  std::uint32_t row = 0;                         // Line
  std::uint32_t resource_begin_byte = 0;         // Resource
  std::string path_glob;                         // Pattern: '*', '**' and '?' wildcards; empty = any
  std::string address_glob;                      // Pattern: resource address; empty = any
};

// The suppressions written in one file: comments in the format's own syntax (`#` and `//` in
// HCL, `#` in YAML, `//` in Bicep and commented ARM JSON, Bicep's `#disable-next-line`), and
// `"metadata": {"akslint-ignore": {"AKS101": "reason"}}` entries on JSON resources.
[[nodiscard]] std::vector<Suppression> find_suppressions(const SourceFile& file, FileId id);

// Whether `path` matches a glob: `*` and `?` stay within a path segment, `**` crosses them.
[[nodiscard]] bool glob_match(std::string_view glob, std::string_view path);

// Marks the findings of `report` that a suppression in its files or in `external` covers, then
// appends AKS901/AKS902 findings (when those rules are in report.rules). A rule for which
// `active` says false did not run, so a suppression of it is not reported as unused. The
// files are searched on `jobs` threads (0: one per core).
void apply_suppressions(Report& report, const std::vector<Suppression>& external,
                        const std::function<bool(const RuleMetadata&)>& active, unsigned jobs = 1);

}  // namespace akslint
