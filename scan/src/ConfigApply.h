#pragma once
// What the configuration and the suppressions change after the rules have run.
#include <akslint/analyzer/Config.h>
#include <akslint/analyzer/Report.h>
#include <akslint/analyzer/Rule.h>

#include <memory>
#include <vector>

namespace akslint {

// Runs each rule the configuration enables (opt-in rules only when it enables them), once,
// with the options it gives, on up to `jobs` threads; findings come in rule order.
void run_rules(const ResourceGraph& graph, const std::vector<std::unique_ptr<Rule>>& rules, const Config& config,
               unsigned jobs, std::vector<Finding>& findings);

// Marks suppressed findings and adds the AKS901/AKS902 findings about suppressions; drops
// findings of disabled rules and findings and diagnostics in excluded paths; applies level
// overrides. Suppression comments are looked for on `jobs` threads.
void apply_config(Report& report, const Config& config, unsigned jobs);

}  // namespace akslint
