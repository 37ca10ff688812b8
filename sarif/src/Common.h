#pragma once
// What every emitter needs from a report: paths, regions and level words, said once.
#include <akslint/analyzer/Report.h>

#include <optional>
#include <string>
#include <string_view>

namespace akslint::emit {

class JsonWriter;

[[nodiscard]] std::string_view level_word(DiagnosticLevel level);
[[nodiscard]] std::string_view level_word(Level level);
// SARIF's words: "inSource"/"external", "new"/"unchanged"/"updated" ("" for None).
[[nodiscard]] std::string_view suppression_word(SuppressionKind kind);
[[nodiscard]] std::string_view baseline_word(BaselineState state);

// The scan-relative path of `file`, empty for a diagnostic about no file.
[[nodiscard]] std::string path_of(const Report& report, FileId file);

// 1-based region of `span` in `file`, nullopt when the span is invalid or the file unknown.
[[nodiscard]] std::optional<TextRegion> region_of(const Report& report, FileId file, const SourceSpan& span);

// The region as a JSON object: startLine, startColumn, endLine, endColumn.
void write_region(JsonWriter& out, const TextRegion& region);

// "path:line:col", "path" for a whole file, or "akslint" for a problem of the tool itself.
[[nodiscard]] std::string location_text(const Report& report, FileId file, const SourceSpan& span);

// Counts of the findings that count: suppressed ones are tallied apart.
struct FindingCounts {
  std::size_t error = 0;
  std::size_t warning = 0;
  std::size_t note = 0;
  std::size_t suppressed = 0;
  [[nodiscard]] std::size_t reported() const { return error + warning + note; }
};
[[nodiscard]] FindingCounts count_findings(const Report& report);

// "3 findings (1 error, 2 warnings, 0 notes) in 4 files; 1 suppressed; 2 input problems".
[[nodiscard]] std::string summary_line(const Report& report);

}  // namespace akslint::emit
