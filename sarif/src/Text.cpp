#include <akslint/sarif/Emitters.h>

#include <fmt/format.h>

namespace akslint {

namespace {

std::string location(const Report& report, FileId file, const SourceSpan& span) {
  if (file >= report.files.size()) return "akslint";
  const SourceFile& f = report.files[file];
  if (!span.valid()) return f.path;
  const TextRegion r = text_region(f, span);
  return fmt::format("{}:{}:{}", f.path, r.start_line, r.start_column);
}

std::string_view level_word(DiagnosticLevel level) {
  switch (level) {
    case DiagnosticLevel::Note: return "note";
    case DiagnosticLevel::Warning: return "warning";
    case DiagnosticLevel::Error: return "error";
  }
  return "error";
}

}  // namespace

std::string to_text(const Report& report) {
  std::string out;
  std::size_t counts[4] = {0, 0, 0, 0};
  for (const Finding& f : report.findings) {
    out += fmt::format("{}: {}: {} [{} {}]\n", location(report, f.primary.file, f.primary), to_string(f.level),
                       f.message, f.rule->id, f.rule->slug);
    ++counts[static_cast<int>(f.level)];
  }
  for (const Diagnostic& d : report.diagnostics) {
    out += fmt::format("{}: {}: {} [{}]\n", location(report, d.file, d.span), level_word(d.level), d.message, d.code);
  }
  out += fmt::format("{} finding{} ({} error, {} warning, {} note) in {} file{}", report.findings.size(),
                     report.findings.size() == 1 ? "" : "s", counts[3], counts[2], counts[1], report.files.size(),
                     report.files.size() == 1 ? "" : "s");
  if (!report.diagnostics.empty()) {
    out += fmt::format("; {} input problem{}", report.diagnostics.size(), report.diagnostics.size() == 1 ? "" : "s");
  }
  out += report.partial() ? "; the scan was partial\n" : "\n";
  return out;
}

}  // namespace akslint
