#include <akslint/sarif/Emitters.h>

#include "Common.h"

#include <fmt/format.h>

namespace akslint {

namespace {

// A table cell: pipes escaped, line breaks folded, so one finding stays one row.
std::string cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view icon(std::string_view level) {
  if (level == "error") return "🔴";
  if (level == "warning") return "🟠";
  return "🔵";
}

std::string row(std::string_view level, std::string_view rule, std::string_view location, std::string_view message) {
  return fmt::format("| {} {} | {} | `{}` | {} |\n", icon(level), level, rule, cell(location), cell(message));
}

}  // namespace

std::string to_markdown(const Report& report) {
  std::string out = fmt::format("### akslint\n\n{}\n", emit::summary_line(report));
  const emit::FindingCounts counts = emit::count_findings(report);
  if (counts.reported() != 0) {
    out += "\n| Level | Rule | Location | Message |\n| --- | --- | --- | --- |\n";
    for (const Finding& f : report.findings) {
      if (f.suppressed()) continue;
      out += row(emit::level_word(f.level), fmt::format("`{}` {}", f.rule->id, f.rule->slug),
                 emit::location_text(report, f.primary.file, f.primary), f.message);
    }
  }
  if (!report.diagnostics.empty()) {
    out += "\n#### Input problems\n\n| Level | Code | Location | Message |\n| --- | --- | --- | --- |\n";
    for (const Diagnostic& d : report.diagnostics) {
      out += row(emit::level_word(d.level), fmt::format("`{}`", d.code), emit::location_text(report, d.file, d.span),
                 d.message);
    }
  }
  return out;
}

}  // namespace akslint
