#include <akslint/sarif/Emitters.h>

#include <akslint/sarif/RuleHelp.h>

#include "Common.h"
#include "JsonWriter.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

namespace akslint {

namespace {

using emit::JsonWriter;

constexpr std::string_view kSrcRoot = "%SRCROOT%";

// RFC 3986 path encoding: unreserved characters and '/' stay, everything else is escaped.
std::string uri_path(std::string_view path) {
  std::string out;
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~' || c == '/') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

std::string_view sarif_level(Level level) {
  return level == Level::None ? "none" : to_string(level);
}

std::string_view sarif_level(DiagnosticLevel level) { return emit::level_word(level); }

// `"name": {"text": text}`, SARIF's message object.
void text_member(JsonWriter& out, std::string_view name, std::string_view text) {
  out.key(name);
  out.begin_object();
  out.member("text", text);
  out.end();
}

// `"artifactLocation": {"uri", "uriBaseId"}`, with the artifact's index when there is one.
void artifact_location(JsonWriter& out, std::string_view uri, std::optional<FileId> index = std::nullopt) {
  out.key("artifactLocation");
  out.begin_object();
  out.member("uri", uri);
  out.member("uriBaseId", kSrcRoot);
  if (index) out.member("index", *index);
  out.end();
}

void rule_descriptor(JsonWriter& out, const RuleMetadata& rule) {
  out.begin_object();
  out.member("id", rule.id);
  out.member("name", rule.slug);
  text_member(out, "shortDescription", rule.title);
  text_member(out, "fullDescription", rule.summary);
  out.key("help");
  out.begin_object();
  out.member("text", rule_help_text(rule));
  out.member("markdown", rule_help_markdown(rule));
  out.end();
  out.key("defaultConfiguration");
  out.begin_object();
  out.member("level", sarif_level(rule.level));
  out.member("enabled", !rule.opt_in);
  out.end();
  out.key("properties");
  out.begin_object();
  out.key("tags");
  out.begin_array();
  for (const auto t : rule.tags) out.value(t);
  if (rule.security_severity > 0 && std::find(rule.tags.begin(), rule.tags.end(), "security") == rule.tags.end()) {
    out.value("security");  // GitHub files results with a security-severity under Security
  }
  out.end();
  out.member("precision", to_string(rule.precision));
  if (rule.security_severity > 0) out.member("security-severity", fmt::format("{:.1f}", rule.security_severity));
  if (!rule.peers.empty()) {
    out.key("peerRules");
    out.begin_array();
    for (const auto& p : rule.peers) out.value(fmt::format("{} {}", p.tool, p.id));
    out.end();
  }
  out.end();
  if (!rule.references.empty()) out.member("helpUri", rule.references.front());
  out.end();
}

class SarifWriter {
 public:
  explicit SarifWriter(const Report& report) : report_(report) {
    for (std::size_t i = 0; i < report.rules.size(); ++i) rule_index_[report.rules[i]->id] = i;
  }

  void result(JsonWriter& out, const Finding& f) const {
    out.begin_object();
    out.member("ruleId", f.rule->id);
    out.member("ruleIndex", rule_index_.at(f.rule->id));
    out.member("level", sarif_level(f.level));
    text_member(out, "message", f.message);
    out.key("locations");
    out.begin_array();
    out.begin_object();
    physical(out, f.primary, f.primary.file);
    if (!f.resource.fully_qualified_name.empty()) logical(out, f.resource);
    out.end();
    out.end();
    fingerprints(out, logical_fingerprint(f));
    if (!f.related.empty()) {
      out.key("relatedLocations");
      out.begin_array();
      for (std::size_t i = 0; i < f.related.size(); ++i) {
        out.begin_object();
        out.member("id", i + 1);
        physical(out, f.related[i].span, f.related[i].span.file);
        text_member(out, "message", f.related[i].message);
        out.end();
      }
      out.end();
    }
    if (f.fix) {
      out.key("fixes");
      out.begin_array();
      fix(out, *f.fix);
      out.end();
    }
    if (f.suppressed()) suppressions(out, f.suppressions);
    if (f.baseline != BaselineState::None) out.member("baselineState", emit::baseline_word(f.baseline));
    out.end();
  }

  void absent(JsonWriter& out, const BaselineResult& old) const {
    out.begin_object();
    out.member("ruleId", old.rule_id);
    if (const auto it = rule_index_.find(old.rule_id); it != rule_index_.end()) out.member("ruleIndex", it->second);
    out.member("level", old.level);
    text_member(out, "message", old.message);
    out.key("locations");
    out.begin_array();
    out.begin_object();
    out.key("physicalLocation");
    out.begin_object();
    artifact_location(out, old.uri);
    if (old.region) region(out, *old.region);
    out.end();
    out.end();
    out.end();
    fingerprints(out, old.fingerprint);
    out.member("baselineState", "absent");
    out.end();
  }

  void notification(JsonWriter& out, const Diagnostic& d) const {
    out.begin_object();
    out.member("level", sarif_level(d.level));
    text_member(out, "message", d.message);
    out.key("descriptor");
    out.begin_object();
    out.member("id", d.code);
    out.end();
    if (d.file < report_.files.size()) {
      out.key("locations");
      out.begin_array();
      out.begin_object();
      physical(out, d.span, d.file);
      out.end();
      out.end();
    }
    out.end();
  }

 private:
  static void region(JsonWriter& out, const TextRegion& r) {
    out.key("region");
    emit::write_region(out, r);
  }

  static void fingerprints(JsonWriter& out, std::string_view logical) {
    out.key("partialFingerprints");
    out.begin_object();
    out.member("akslint/logical/v1", logical);
    out.end();
  }

  // `"physicalLocation": {...}` of a span in one of the scan's files.
  void physical(JsonWriter& out, const SourceSpan& span, FileId file) const {
    out.key("physicalLocation");
    out.begin_object();
    artifact_location(out, uri_path(report_.files[file].path), file);
    if (span.valid()) region(out, text_region(report_.files[file], span));
    out.end();
  }

  static void logical(JsonWriter& out, const ResourceRef& resource) {
    out.key("logicalLocations");
    out.begin_array();
    out.begin_object();
    out.member("fullyQualifiedName", resource.fully_qualified_name);
    out.member("kind", "resource");
    if (!resource.symbol.empty()) out.member("name", resource.symbol);
    out.end();
    out.end();
  }

  // A fix's edits, grouped by file in file order.
  void fix(JsonWriter& out, const Fix& f) const {
    std::map<FileId, std::vector<const TextEdit*>> by_file;
    for (const TextEdit& e : f.edits) by_file[e.span.file].push_back(&e);
    out.begin_object();
    text_member(out, "description", f.description);
    out.key("artifactChanges");
    out.begin_array();
    for (const auto& [file, edits] : by_file) {
      out.begin_object();
      artifact_location(out, uri_path(report_.files[file].path));
      out.key("replacements");
      out.begin_array();
      for (const TextEdit* e : edits) {
        out.begin_object();
        out.key("deletedRegion");
        emit::write_region(out, text_region(report_.files[file], e->span));
        text_member(out, "insertedContent", e->replacement);
        out.end();
      }
      out.end();
      out.end();
    }
    out.end();
    out.end();
  }

  static void suppressions(JsonWriter& out, const std::vector<AppliedSuppression>& applied) {
    out.key("suppressions");
    out.begin_array();
    for (const AppliedSuppression& s : applied) {
      out.begin_object();
      out.member("kind", emit::suppression_word(s.kind));
      if (!s.justification.empty()) out.member("justification", s.justification);
      out.end();
    }
    out.end();
  }

  const Report& report_;
  std::map<std::string_view, std::size_t> rule_index_;
};

void driver(JsonWriter& out, const Report& report, const ToolInfo& tool) {
  out.key("tool");
  out.begin_object();
  out.key("driver");
  out.begin_object();
  out.member("name", tool.name);
  out.member("version", tool.version);
  out.member("semanticVersion", tool.version);
  out.member("informationUri", tool.information_uri);
  out.key("rules");
  out.begin_array();
  for (const RuleMetadata* rule : report.rules) rule_descriptor(out, *rule);
  out.end();
  out.end();
  out.end();
}

void invocation(JsonWriter& out, const Report& report, const SarifWriter& writer) {
  out.key("invocations");
  out.begin_array();
  out.begin_object();
  out.member("executionSuccessful", !report.partial());
  if (!report.diagnostics.empty()) {
    out.key("toolExecutionNotifications");
    out.begin_array();
    for (const Diagnostic& d : report.diagnostics) writer.notification(out, d);
    out.end();
  }
  out.end();
  out.end();
}

void artifacts(JsonWriter& out, const Report& report) {
  out.key("originalUriBaseIds");
  out.begin_object();
  out.key(kSrcRoot);
  out.begin_object();
  text_member(out, "description", "The root directory of the scan.");
  out.end();
  out.end();
  out.key("artifacts");
  out.begin_array();
  for (const SourceFile& f : report.files) {
    out.begin_object();
    out.key("location");
    out.begin_object();
    out.member("uri", uri_path(f.path));
    out.member("uriBaseId", kSrcRoot);
    out.end();
    out.key("properties");
    out.begin_object();
    out.member("format", to_string(f.format));
    out.end();
    out.end();
  }
  out.end();
}

}  // namespace

void write_sarif(std::ostream& sink, const Report& report, const ToolInfo& tool, const SarifOptions& options) {
  const SarifWriter writer(report);
  JsonWriter out(sink);
  out.begin_object();
  out.member("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
  out.member("version", "2.1.0");
  out.key("runs");
  out.begin_array();
  out.begin_object();
  driver(out, report, tool);
  invocation(out, report, writer);
  artifacts(out, report);
  // Results are most of a large log: they are written apart, in parallel.
  const std::size_t found = report.findings.size();
  out.key("results");
  out.array_of(found + options.absent.size(), options.jobs, [&](std::size_t i, JsonWriter& element) {
    if (i < found) {
      writer.result(element, report.findings[i]);
    } else {
      writer.absent(element, options.absent[i - found]);
    }
  });
  out.member("columnKind", "unicodeCodePoints");
  if (!options.category.empty()) {
    // A trailing '/' makes the whole id the category, as upload-sarif's `category` input does.
    std::string id(options.category);
    if (id.back() != '/') id += '/';
    out.key("automationDetails");
    out.begin_object();
    out.member("id", id);
    out.end();
  }
  out.end();
  out.end();
  out.end();
  out.finish();
}

std::string to_sarif(const Report& report, const ToolInfo& tool, const SarifOptions& options) {
  return emit::collect([&](std::ostream& out) { write_sarif(out, report, tool, options); });
}

}  // namespace akslint
