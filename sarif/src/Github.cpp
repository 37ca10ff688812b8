#include <akslint/sarif/Emitters.h>

#include "Common.h"

#include <fmt/format.h>

namespace akslint {

namespace {

// Workflow command escaping: data escapes %, CR and LF; property values also ':' and ','.
std::string escape(std::string_view text, bool property) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

// GitHub knows error, warning and notice.
std::string_view command(std::string_view level) {
  if (level == "error" || level == "warning") return level;
  return "notice";
}

std::string annotation(const Report& report, std::string_view level, FileId file, const SourceSpan& span,
                       std::string_view title, std::string_view message) {
  std::string props;
  if (file < report.files.size()) {
    props = fmt::format("file={}", escape(report.files[file].path, true));
    if (const auto r = emit::region_of(report, file, span)) {
      props += fmt::format(",line={},col={},endLine={},endColumn={}", r->start_line, r->start_column, r->end_line,
                           r->end_column);
    }
    props += ",";
  }
  props += fmt::format("title={}", escape(title, true));
  return fmt::format("::{} {}::{}\n", command(level), props, escape(message, false));
}

}  // namespace

std::string to_github(const Report& report) {
  std::string out;
  for (const Finding& f : report.findings) {
    if (f.suppressed()) continue;
    out += annotation(report, emit::level_word(f.level), f.primary.file, f.primary,
                      fmt::format("{} {}", f.rule->id, f.rule->slug), f.message);
  }
  for (const Diagnostic& d : report.diagnostics) {
    out += annotation(report, emit::level_word(d.level), d.file, d.span, fmt::format("akslint {}", d.code),
                      d.message);
  }
  return out;
}

}  // namespace akslint
