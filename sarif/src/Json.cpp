#include <akslint/sarif/Emitters.h>

#include <nlohmann/json.hpp>

namespace akslint {

namespace {

using json = nlohmann::ordered_json;

json region(const Report& report, FileId file, const SourceSpan& span) {
  if (file >= report.files.size() || !span.valid()) return nullptr;
  const TextRegion r = text_region(report.files[file], span);
  return {{"startLine", r.start_line}, {"startColumn", r.start_column}, {"endLine", r.end_line},
          {"endColumn", r.end_column}};
}

std::string path_of(const Report& report, FileId file) {
  return file < report.files.size() ? report.files[file].path : std::string();
}

}  // namespace

std::string to_json(const Report& report, const ToolInfo& tool) {
  json findings = json::array();
  for (const Finding& f : report.findings) {
    findings.push_back({{"ruleId", f.rule->id},
                        {"slug", f.rule->slug},
                        {"level", to_string(f.level)},
                        {"message", f.message},
                        {"path", path_of(report, f.primary.file)},
                        {"region", region(report, f.primary.file, f.primary)},
                        {"resource", f.resource.fully_qualified_name},
                        {"resourceType", f.resource.type},
                        {"attribute", f.attribute_path},
                        {"fingerprint", logical_fingerprint(f)}});
  }
  json diagnostics = json::array();
  for (const Diagnostic& d : report.diagnostics) {
    diagnostics.push_back({{"code", d.code},
                           {"level", d.level == DiagnosticLevel::Error     ? "error"
                                     : d.level == DiagnosticLevel::Warning ? "warning"
                                                                           : "note"},
                           {"message", d.message},
                           {"path", path_of(report, d.file)},
                           {"region", region(report, d.file, d.span)}});
  }
  json files = json::array();
  for (const SourceFile& f : report.files) files.push_back({{"path", f.path}, {"format", to_string(f.format)}});
  const json out = {{"tool", tool.name},       {"version", tool.version}, {"partial", report.partial()},
                    {"files", files},          {"findings", findings},    {"diagnostics", diagnostics}};
  return out.dump(2) + "\n";
}

}  // namespace akslint
