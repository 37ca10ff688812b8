#include <akslint/sarif/Emitters.h>

#include <akslint/sarif/RuleHelp.h>

#include "Common.h"
#include "PrettyJson.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <utility>

namespace akslint {

namespace {

using json = nlohmann::ordered_json;

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

json rule_descriptor(const RuleMetadata& rule) {
  json tags = json::array();
  for (const auto t : rule.tags) tags.push_back(t);
  if (rule.security_severity > 0 && std::find(tags.begin(), tags.end(), "security") == tags.end()) {
    tags.push_back("security");  // GitHub files results with a security-severity under Security
  }
  json props = {{"tags", tags}, {"precision", to_string(rule.precision)}};
  if (rule.security_severity > 0) props["security-severity"] = fmt::format("{:.1f}", rule.security_severity);
  if (!rule.peers.empty()) {
    json peers = json::array();
    for (const auto& p : rule.peers) peers.push_back(fmt::format("{} {}", p.tool, p.id));
    props["peerRules"] = peers;
  }
  json d = {{"id", rule.id},
            {"name", rule.slug},
            {"shortDescription", {{"text", rule.title}}},
            {"fullDescription", {{"text", rule.summary}}},
            {"help", {{"text", rule_help_text(rule)}, {"markdown", rule_help_markdown(rule)}}},
            {"defaultConfiguration", {{"level", sarif_level(rule.level)}, {"enabled", !rule.opt_in}}},
            {"properties", props}};
  if (!rule.references.empty()) d["helpUri"] = rule.references.front();
  return d;
}

class SarifBuilder {
 public:
  explicit SarifBuilder(const Report& report) : report_(report) {
    for (std::size_t i = 0; i < report.rules.size(); ++i) rule_index_[report.rules[i]->id] = i;
  }

  json physical(const SourceSpan& span, FileId file) const {
    json loc = {{"artifactLocation",
                 {{"uri", uri_path(report_.files[file].path)}, {"uriBaseId", kSrcRoot}, {"index", file}}}};
    if (span.valid()) {
      const TextRegion r = text_region(report_.files[file], span);
      loc["region"] = {{"startLine", r.start_line},
                       {"startColumn", r.start_column},
                       {"endLine", r.end_line},
                       {"endColumn", r.end_column}};
    }
    return loc;
  }

  json result(const Finding& f) const {
    json location = {{"physicalLocation", physical(f.primary, f.primary.file)}};
    if (!f.resource.fully_qualified_name.empty()) {
      json logical = {{"fullyQualifiedName", f.resource.fully_qualified_name}, {"kind", "resource"}};
      if (!f.resource.symbol.empty()) logical["name"] = f.resource.symbol;
      location["logicalLocations"] = json::array({logical});
    }
    json r = {{"ruleId", f.rule->id},
              {"ruleIndex", rule_index_.at(f.rule->id)},
              {"level", sarif_level(f.level)},
              {"message", {{"text", f.message}}},
              {"locations", json::array({location})},
              {"partialFingerprints", {{"akslint/logical/v1", logical_fingerprint(f)}}}};
    if (!f.related.empty()) {
      json related = json::array();
      for (std::size_t i = 0; i < f.related.size(); ++i) {
        related.push_back({{"id", i + 1},
                           {"physicalLocation", physical(f.related[i].span, f.related[i].span.file)},
                           {"message", {{"text", f.related[i].message}}}});
      }
      r["relatedLocations"] = related;
    }
    if (f.fix) r["fixes"] = json::array({fix(*f.fix)});
    if (f.suppressed()) {
      json suppressions = json::array();
      for (const AppliedSuppression& s : f.suppressions) {
        json entry = {{"kind", emit::suppression_word(s.kind)}};
        if (!s.justification.empty()) entry["justification"] = s.justification;
        suppressions.push_back(std::move(entry));
      }
      r["suppressions"] = suppressions;
    }
    if (f.baseline != BaselineState::None) r["baselineState"] = emit::baseline_word(f.baseline);
    return r;
  }

  json absent(const BaselineResult& old) const {
    json r = {{"ruleId", old.rule_id}};
    if (const auto it = rule_index_.find(old.rule_id); it != rule_index_.end()) r["ruleIndex"] = it->second;
    r["level"] = old.level;
    r["message"] = {{"text", old.message}};
    json loc = {{"artifactLocation", {{"uri", old.uri}, {"uriBaseId", kSrcRoot}}}};
    if (old.region) {
      loc["region"] = {{"startLine", old.region->start_line},
                       {"startColumn", old.region->start_column},
                       {"endLine", old.region->end_line},
                       {"endColumn", old.region->end_column}};
    }
    r["locations"] = json::array({{{"physicalLocation", loc}}});
    r["partialFingerprints"] = {{"akslint/logical/v1", old.fingerprint}};
    r["baselineState"] = "absent";
    return r;
  }

  json notification(const Diagnostic& d) const {
    json n = {{"level", sarif_level(d.level)}, {"message", {{"text", d.message}}}, {"descriptor", {{"id", d.code}}}};
    if (d.file < report_.files.size()) n["locations"] = json::array({{{"physicalLocation", physical(d.span, d.file)}}});
    return n;
  }

 private:
  json fix(const Fix& f) const {
    std::map<FileId, json> by_file;
    for (const TextEdit& e : f.edits) {
      const TextRegion r = text_region(report_.files[e.span.file], e.span);
      by_file[e.span.file].push_back({{"deletedRegion",
                                       {{"startLine", r.start_line},
                                        {"startColumn", r.start_column},
                                        {"endLine", r.end_line},
                                        {"endColumn", r.end_column}}},
                                      {"insertedContent", {{"text", e.replacement}}}});
    }
    json changes = json::array();
    for (auto& [file, replacements] : by_file) {
      changes.push_back({{"artifactLocation", {{"uri", uri_path(report_.files[file].path)}, {"uriBaseId", kSrcRoot}}},
                         {"replacements", replacements}});
    }
    return {{"description", {{"text", f.description}}}, {"artifactChanges", changes}};
  }

  const Report& report_;
  std::map<std::string_view, std::size_t> rule_index_;
};

}  // namespace

std::string to_sarif(const Report& report, const ToolInfo& tool, const SarifOptions& options) {
  const SarifBuilder builder(report);
  json rules = json::array();
  for (const RuleMetadata* rule : report.rules) rules.push_back(rule_descriptor(*rule));
  json notifications = json::array();
  for (const Diagnostic& d : report.diagnostics) notifications.push_back(builder.notification(d));
  json artifacts = json::array();
  for (const SourceFile& f : report.files) {
    artifacts.push_back({{"location", {{"uri", uri_path(f.path)}, {"uriBaseId", kSrcRoot}}},
                         {"properties", {{"format", to_string(f.format)}}}});
  }
  json invocation = {{"executionSuccessful", !report.partial()}};
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);

  json driver = {{"name", tool.name},
                 {"version", tool.version},
                 {"semanticVersion", tool.version},
                 {"informationUri", tool.information_uri},
                 {"rules", std::move(rules)}};
  // The large parts are moved in: an initializer list copies what it is given as an lvalue.
  json run = {{"tool", {{"driver", std::move(driver)}}},
              {"invocations", json::array({std::move(invocation)})},
              {"originalUriBaseIds", {{kSrcRoot, {{"description", {{"text", "The root directory of the scan."}}}}}}},
              {"artifacts", std::move(artifacts)},
              {"results", json::array()},
              {"columnKind", "unicodeCodePoints"}};
  if (!options.category.empty()) {
    // A trailing '/' makes the whole id the category, as upload-sarif's `category` input does.
    std::string id(options.category);
    if (id.back() != '/') id += '/';
    run["automationDetails"] = {{"id", id}};
  }
  const json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                    {"version", "2.1.0"},
                    {"runs", json::array({std::move(run)})}};
  // Results are most of a large log: they are written apart, in parallel. $.runs[0].results
  // sits at nesting depth 3.
  const std::size_t found = report.findings.size();
  return emit::dump_with_array(log, "results", 3, found + options.absent.size(), options.jobs,
                               [&](std::size_t i) {
                                 return i < found ? builder.result(report.findings[i])
                                                  : builder.absent(options.absent[i - found]);
                               }) +
         "\n";
}

}  // namespace akslint
