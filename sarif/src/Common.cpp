#include "Common.h"

#include "JsonWriter.h"

#include <fmt/format.h>

namespace akslint::emit {

std::string_view level_word(DiagnosticLevel level) {
  switch (level) {
    case DiagnosticLevel::Note: return "note";
    case DiagnosticLevel::Warning: return "warning";
    case DiagnosticLevel::Error: return "error";
  }
  return "error";
}

std::string_view level_word(Level level) { return to_string(level); }

std::string_view suppression_word(SuppressionKind kind) {
  return kind == SuppressionKind::InSource ? "inSource" : "external";
}

std::string_view baseline_word(BaselineState state) {
  switch (state) {
    case BaselineState::None: return "";
    case BaselineState::New: return "new";
    case BaselineState::Unchanged: return "unchanged";
    case BaselineState::Updated: return "updated";
  }
  return "";
}

std::string path_of(const Report& report, FileId file) {
  return file < report.files.size() ? report.files[file].path : std::string();
}

std::optional<TextRegion> region_of(const Report& report, FileId file, const SourceSpan& span) {
  if (file >= report.files.size() || !span.valid()) return std::nullopt;
  return text_region(report.files[file], span);
}

void write_region(JsonWriter& out, const TextRegion& region) {
  out.begin_object();
  out.member("startLine", region.start_line);
  out.member("startColumn", region.start_column);
  out.member("endLine", region.end_line);
  out.member("endColumn", region.end_column);
  out.end();
}

std::string location_text(const Report& report, FileId file, const SourceSpan& span) {
  if (file >= report.files.size()) return "akslint";
  const auto r = region_of(report, file, span);
  return r ? fmt::format("{}:{}:{}", report.files[file].path, r->start_line, r->start_column)
           : report.files[file].path;
}

FindingCounts count_findings(const Report& report) {
  FindingCounts c;
  for (const Finding& f : report.findings) {
    if (f.suppressed()) {
      ++c.suppressed;
    } else if (f.level == Level::Error) {
      ++c.error;
    } else if (f.level == Level::Warning) {
      ++c.warning;
    } else {
      ++c.note;
    }
  }
  return c;
}

namespace {

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

std::string summary_line(const Report& report) {
  const FindingCounts c = count_findings(report);
  std::string out = fmt::format("{} ({}, {}, {}) in {}", plural(c.reported(), "finding"), plural(c.error, "error"),
                                plural(c.warning, "warning"), plural(c.note, "note"),
                                plural(report.files.size(), "file"));
  if (c.suppressed != 0) out += fmt::format("; {} suppressed", c.suppressed);
  if (!report.diagnostics.empty()) out += fmt::format("; {}", plural(report.diagnostics.size(), "input problem"));
  if (report.partial()) out += "; the scan was partial";
  return out;
}

}  // namespace akslint::emit
