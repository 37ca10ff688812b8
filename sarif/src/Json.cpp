#include <akslint/sarif/Emitters.h>

#include "Common.h"
#include "PrettyJson.h"

#include <nlohmann/json.hpp>

#include <utility>

namespace akslint {

namespace {

using json = nlohmann::ordered_json;

json region(const Report& report, FileId file, const SourceSpan& span) {
  const auto r = emit::region_of(report, file, span);
  if (!r) return nullptr;
  return {{"startLine", r->start_line}, {"startColumn", r->start_column}, {"endLine", r->end_line},
          {"endColumn", r->end_column}};
}

json suppressions(const Finding& f) {
  json out = json::array();
  for (const AppliedSuppression& s : f.suppressions) {
    out.push_back({{"kind", emit::suppression_word(s.kind)}, {"justification", s.justification}});
  }
  return out;
}

json finding(const Report& report, const Finding& f) {
  json entry = {{"ruleId", f.rule->id},
                {"slug", f.rule->slug},
                {"level", to_string(f.level)},
                {"message", f.message},
                {"path", emit::path_of(report, f.primary.file)},
                {"region", region(report, f.primary.file, f.primary)},
                {"resource", f.resource.fully_qualified_name},
                {"resourceType", f.resource.type},
                {"attribute", f.attribute_path},
                {"fingerprint", logical_fingerprint(f)},
                {"suppressed", f.suppressed()},
                {"suppressions", suppressions(f)}};
  if (f.baseline != BaselineState::None) entry["baselineState"] = emit::baseline_word(f.baseline);
  return entry;
}

}  // namespace

std::string to_json(const Report& report, const ToolInfo& tool, unsigned jobs) {
  json diagnostics = json::array();
  for (const Diagnostic& d : report.diagnostics) {
    diagnostics.push_back({{"code", d.code},
                           {"level", emit::level_word(d.level)},
                           {"message", d.message},
                           {"path", emit::path_of(report, d.file)},
                           {"region", region(report, d.file, d.span)}});
  }
  json files = json::array();
  for (const SourceFile& f : report.files) files.push_back({{"path", f.path}, {"format", to_string(f.format)}});
  const json out = {{"tool", tool.name},
                    {"version", tool.version},
                    {"partial", report.partial()},
                    {"files", std::move(files)},
                    {"findings", json::array()},
                    {"diagnostics", std::move(diagnostics)}};
  // Findings are written apart, in parallel; they sit at nesting depth 1.
  return emit::dump_with_array(out, "findings", 1, report.findings.size(), jobs,
                               [&](std::size_t i) { return finding(report, report.findings[i]); }) +
         "\n";
}

}  // namespace akslint
