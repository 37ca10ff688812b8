#pragma once
// When a scan holds both a Terraform plan and the configuration it was made from, the rules
// see each resource once, with the plan's evaluated values, and findings point at the `.tf`
// attribute the user wrote rather than into the plan file.
#include <akslint/model/Resource.h>
#include <akslint/model/SourceFile.h>

#include <vector>

namespace akslint {

// Pairs plan resources with Terraform source resources of the same address (the configuration
// in the plan's own directory first, then anywhere in the scan). A paired plan resource takes
// the source's spans, attribute by attribute (the source block's span where the source does not
// write the attribute); the paired source resource is dropped. `units` holds each unit's
// resources, in unit order.
void link_plans_to_sources(std::vector<std::vector<Resource>>& units, const FileTable& files);

}  // namespace akslint
