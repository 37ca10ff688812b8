#include <akslint/sarif/Emitters.h>

#include "Common.h"
#include "JsonWriter.h"

namespace akslint {

namespace {

using emit::JsonWriter;

// The region's four numbers, or null when the location has none.
void region(JsonWriter& out, const Report& report, FileId file, const SourceSpan& span) {
  if (const auto r = emit::region_of(report, file, span)) {
    emit::write_region(out, *r);
  } else {
    out.value(nullptr);
  }
}

void finding(JsonWriter& out, const Report& report, const Finding& f) {
  out.begin_object();
  out.member("ruleId", f.rule->id);
  out.member("slug", f.rule->slug);
  out.member("level", to_string(f.level));
  out.member("message", f.message);
  out.member("path", emit::path_of(report, f.primary.file));
  out.key("region");
  region(out, report, f.primary.file, f.primary);
  out.member("resource", f.resource.fully_qualified_name);
  out.member("resourceType", f.resource.type);
  out.member("attribute", f.attribute_path);
  out.member("fingerprint", logical_fingerprint(f));
  out.member("suppressed", f.suppressed());
  out.key("suppressions");
  out.begin_array();
  for (const AppliedSuppression& s : f.suppressions) {
    out.begin_object();
    out.member("kind", emit::suppression_word(s.kind));
    out.member("justification", s.justification);
    out.end();
  }
  out.end();
  if (f.baseline != BaselineState::None) out.member("baselineState", emit::baseline_word(f.baseline));
  out.end();
}

}  // namespace

void write_json(std::ostream& sink, const Report& report, const ToolInfo& tool, unsigned jobs) {
  JsonWriter out(sink);
  out.begin_object();
  out.member("tool", tool.name);
  out.member("version", tool.version);
  out.member("partial", report.partial());
  out.key("files");
  out.begin_array();
  for (const SourceFile& f : report.files) {
    out.begin_object();
    out.member("path", f.path);
    out.member("format", to_string(f.format));
    out.end();
  }
  out.end();
  // Findings are most of a large report: they are written apart, in parallel.
  out.key("findings");
  out.array_of(report.findings.size(), jobs,
               [&](std::size_t i, JsonWriter& element) { finding(element, report, report.findings[i]); });
  out.key("diagnostics");
  out.begin_array();
  for (const Diagnostic& d : report.diagnostics) {
    out.begin_object();
    out.member("code", d.code);
    out.member("level", emit::level_word(d.level));
    out.member("message", d.message);
    out.member("path", emit::path_of(report, d.file));
    out.key("region");
    region(out, report, d.file, d.span);
    out.end();
  }
  out.end();
  out.end();
  out.finish();
}

std::string to_json(const Report& report, const ToolInfo& tool, unsigned jobs) {
  return emit::collect([&](std::ostream& out) { write_json(out, report, tool, jobs); });
}

}  // namespace akslint
