#include <akslint/sarif/Emitters.h>

#include "Common.h"

#include <nlohmann/json.hpp>

#include <utility>

namespace akslint {

namespace {

using json = nlohmann::ordered_json;

std::string_view severity(std::string_view level) {
  if (level == "error") return "ERROR";
  if (level == "warning") return "WARNING";
  return "INFO";
}

// rdjson positions are 1-based lines and 1-based UTF-8 byte columns.
json range(const SourceFile& file, const SourceSpan& span) {
  const SourcePoint start = file.start(span);
  const SourcePoint end = file.end(span);
  return {{"start", {{"line", start.row + 1}, {"column", start.column + 1}}},
          {"end", {{"line", end.row + 1}, {"column", end.column + 1}}}};
}

json location(const Report& report, FileId file, const SourceSpan& span) {
  json loc = {{"path", emit::path_of(report, file)}};
  if (file < report.files.size() && span.valid()) loc["range"] = range(report.files[file], span);
  return loc;
}

json diagnostic(const Report& report, const Finding& f) {
  json d = {{"message", f.message},
            {"location", location(report, f.primary.file, f.primary)},
            {"severity", severity(emit::level_word(f.level))},
            {"code", {{"value", f.rule->id}}}};
  if (!f.rule->references.empty()) d["code"]["url"] = f.rule->references.front();
  if (f.fix) {
    json suggestions = json::array();
    for (const TextEdit& e : f.fix->edits) {
      // A suggestion cannot name another file than the diagnostic's.
      if (e.span.file == f.primary.file && e.span.file < report.files.size()) {
        suggestions.push_back({{"range", range(report.files[e.span.file], e.span)}, {"text", e.replacement}});
      }
    }
    if (!suggestions.empty()) d["suggestions"] = suggestions;
  }
  return d;
}

}  // namespace

std::string to_rdjson(const Report& report, const ToolInfo& tool) {
  json diagnostics = json::array();
  for (const Finding& f : report.findings) {
    if (!f.suppressed()) diagnostics.push_back(diagnostic(report, f));
  }
  for (const Diagnostic& d : report.diagnostics) {
    json entry = {{"message", d.message},
                  {"severity", severity(emit::level_word(d.level))},
                  {"code", {{"value", d.code}}}};
    if (d.file < report.files.size()) entry["location"] = location(report, d.file, d.span);
    diagnostics.push_back(std::move(entry));
  }
  const json out = {{"source", {{"name", tool.name}, {"url", tool.information_uri}}}, {"diagnostics", std::move(diagnostics)}};
  return out.dump(2) + "\n";
}

}  // namespace akslint
