#include "ConfigApply.h"

#include <akslint/analyzer/Suppression.h>

namespace akslint {

namespace {

bool in_excluded_file(const Report& report, const Config& config, FileId file) {
  return file < report.files.size() && config.excluded(report.files[file].path);
}

}  // namespace

void apply_config(Report& report, const ResourceGraph& graph, const std::vector<std::unique_ptr<Rule>>& rules,
                  const Config& config) {
  for (const auto& rule : rules) {
    const RuleMetadata& meta = rule->metadata();
    if (!config.enabled(meta)) continue;
    // The scan ran the default rules with default options; a rule the configuration gives
    // options runs again with them, and opt-in rules run here for the first time.
    const bool configured = config.options.contains(std::string(meta.id));
    if (!meta.opt_in && !configured) continue;
    if (configured) std::erase_if(report.findings, [&](const Finding& f) { return f.rule == &meta; });
    RuleContext ctx(graph, meta, report.findings, &config);
    rule->check(ctx);
  }
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
