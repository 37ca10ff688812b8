#include "ConfigApply.h"

#include <akslint/analyzer/Suppression.h>

namespace akslint {

namespace {

bool in_excluded_file(const Report& report, const Config& config, FileId file) {
  return file < report.files.size() && config.excluded(report.files[file].path);
}

}  // namespace

void run_rules(const ResourceGraph& graph, const std::vector<std::unique_ptr<Rule>>& rules, const Config& config,
               std::vector<Finding>& findings) {
  for (const auto& rule : rules) {
    if (!config.enabled(rule->metadata())) continue;
    RuleContext ctx(graph, rule->metadata(), findings, &config);
    rule->check(ctx);
  }
}

void apply_config(Report& report, const Config& config) {
  apply_suppressions(report, config.suppress, [&](const RuleMetadata& rule) { return config.enabled(rule); });
  // After the suppressions, so that findings about suppressions obey the configuration too.
  std::erase_if(report.findings, [&](const Finding& f) {
    return !config.enabled(*f.rule) || in_excluded_file(report, config, f.primary.file);
  });
  std::erase_if(report.diagnostics, [&](const Diagnostic& d) { return in_excluded_file(report, config, d.file); });
  for (Finding& f : report.findings) {
    if (config.levels.contains(std::string(f.rule->id))) f.level = config.level(*f.rule);
  }
}

}  // namespace akslint
