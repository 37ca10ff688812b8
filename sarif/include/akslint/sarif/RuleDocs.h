#pragma once
// The rule reference pages (docs/rules/<ID>.md and the index), generated from rule metadata
// so that the docs never say something the code does not.
#include <akslint/analyzer/RuleMetadata.h>

#include <map>
#include <span>
#include <string>

namespace akslint {

[[nodiscard]] std::string rule_doc_page(const RuleMetadata& rule);
[[nodiscard]] std::string rule_index_page(std::span<const RuleMetadata* const> rules);

// Every generated file by name ("AKS201.md", "README.md"), for writing or for a staleness check.
[[nodiscard]] std::map<std::string, std::string> rule_docs(std::span<const RuleMetadata* const> rules);

}  // namespace akslint
