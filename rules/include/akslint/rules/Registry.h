#pragma once
// Every rule of akslint, sorted by id. The list is generated from the rule files.
#include <akslint/analyzer/Rule.h>

#include <memory>
#include <vector>

namespace akslint {

[[nodiscard]] std::vector<std::unique_ptr<Rule>> make_all_rules();

}  // namespace akslint
