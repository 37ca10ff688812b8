#include "ConfigApply.h"

#include <akslint/model/Parallel.h>
#include <akslint/analyzer/Suppression.h>

#include <algorithm>
#include <iterator>

namespace akslint {

namespace {

bool in_excluded_file(const Report& report, const Config& config, FileId file) {
  return file < report.files.size() && config.excluded(report.files[file].path);
}

}  // namespace

void run_rules(const ResourceGraph& graph, const std::vector<std::unique_ptr<Rule>>& rules, const Config& config,
               unsigned jobs, std::vector<Finding>& findings) {
  // Rules only read the graph: each runs on its own into its own list, merged in rule order.
  std::vector<std::vector<Finding>> found(rules.size());
  const std::vector<AgentPool> pools = agent_pools(graph);  // asked for by several rules
  parallel_for(rules.size(), jobs, [&](std::size_t i) {
    if (!config.enabled(rules[i]->metadata())) return;
    RuleContext ctx(graph, pools, rules[i]->metadata(), found[i], &config);
    rules[i]->check(ctx);
  });
  std::size_t total = findings.size();
  for (const auto& list : found) total += list.size();
  findings.reserve(total);
  for (auto& list : found) std::move(list.begin(), list.end(), std::back_inserter(findings));
}

void apply_config(Report& report, const Config& config, unsigned jobs) {
  apply_suppressions(
      report, config.suppress, [&](const RuleMetadata& rule) { return config.enabled(rule); }, jobs);
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
