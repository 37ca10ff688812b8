#pragma once
// The rule help that SARIF, `akslint explain` and the generated docs share.
#include <akslint/analyzer/RuleMetadata.h>

#include <string>

namespace akslint {

[[nodiscard]] std::string rule_help_text(const RuleMetadata& rule);
[[nodiscard]] std::string rule_help_markdown(const RuleMetadata& rule);

}  // namespace akslint
