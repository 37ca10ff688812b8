#pragma once
// What the configuration and the suppressions change after the rules have run.
#include <akslint/analyzer/Config.h>
#include <akslint/analyzer/Report.h>
#include <akslint/analyzer/Rule.h>

#include <memory>
#include <vector>

namespace akslint {

// Runs the opt-in rules the configuration enables, and the rules it gives options; marks suppressed findings and adds the
// AKS901/AKS902 findings about suppressions; drops findings of disabled rules and findings and
// diagnostics in excluded paths; applies level overrides.
void apply_config(Report& report, const ResourceGraph& graph, const std::vector<std::unique_ptr<Rule>>& rules,
                  const Config& config);

}  // namespace akslint
