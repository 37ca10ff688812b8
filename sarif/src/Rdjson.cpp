#include <akslint/sarif/Emitters.h>

#include "Common.h"

#include "JsonWriter.h"

#include <utility>
#include <vector>

namespace akslint {

namespace {

using emit::JsonWriter;

std::string_view severity(std::string_view level) {
  if (level == "error") return "ERROR";
  if (level == "warning") return "WARNING";
  return "INFO";
}

// rdjson positions are 1-based lines and 1-based UTF-8 byte columns.
void range(JsonWriter& out, const SourceFile& file, const SourceSpan& span) {
  out.key("range");
  out.begin_object();
  for (const auto& [name, point] : {std::pair{"start", file.start(span)}, std::pair{"end", file.end(span)}}) {
    out.key(name);
    out.begin_object();
    out.member("line", point.row + 1);
    out.member("column", point.column + 1);
    out.end();
  }
  out.end();
}

void location(JsonWriter& out, const Report& report, FileId file, const SourceSpan& span) {
  out.key("location");
  out.begin_object();
  out.member("path", emit::path_of(report, file));
  if (file < report.files.size() && span.valid()) range(out, report.files[file], span);
  out.end();
}

void code(JsonWriter& out, std::string_view value, const std::string_view* url) {
  out.key("code");
  out.begin_object();
  out.member("value", value);
  if (url != nullptr) out.member("url", *url);
  out.end();
}

void diagnostic(JsonWriter& out, const Report& report, const Finding& f) {
  out.begin_object();
  out.member("message", f.message);
  location(out, report, f.primary.file, f.primary);
  out.member("severity", severity(emit::level_word(f.level)));
  code(out, f.rule->id, f.rule->references.empty() ? nullptr : &f.rule->references.front());
  // A suggestion cannot name another file than the diagnostic's.
  std::vector<const TextEdit*> suggestions;
  if (f.fix) {
    for (const TextEdit& e : f.fix->edits) {
      if (e.span.file == f.primary.file && e.span.file < report.files.size()) suggestions.push_back(&e);
    }
  }
  if (!suggestions.empty()) {
    out.key("suggestions");
    out.begin_array();
    for (const TextEdit* e : suggestions) {
      out.begin_object();
      range(out, report.files[e->span.file], e->span);
      out.member("text", e->replacement);
      out.end();
    }
    out.end();
  }
  out.end();
}

}  // namespace

void write_rdjson(std::ostream& sink, const Report& report, const ToolInfo& tool) {
  JsonWriter out(sink);
  out.begin_object();
  out.key("source");
  out.begin_object();
  out.member("name", tool.name);
  out.member("url", tool.information_uri);
  out.end();
  out.key("diagnostics");
  out.begin_array();
  for (const Finding& f : report.findings) {
    if (!f.suppressed()) diagnostic(out, report, f);
  }
  for (const Diagnostic& d : report.diagnostics) {
    out.begin_object();
    out.member("message", d.message);
    out.member("severity", severity(emit::level_word(d.level)));
    code(out, d.code, nullptr);
    if (d.file < report.files.size()) location(out, report, d.file, d.span);
    out.end();
  }
  out.end();
  out.end();
  out.finish();
}

std::string to_rdjson(const Report& report, const ToolInfo& tool) {
  return emit::collect([&](std::ostream& out) { write_rdjson(out, report, tool); });
}

}  // namespace akslint
