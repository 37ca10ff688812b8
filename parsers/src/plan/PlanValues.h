#pragma once
// Value helpers for plan lowering: unknown-after-apply masks, and finding where a Terraform
// attribute landed in the canonical shape.
#include <akslint/model/Resource.h>

#include <string>

namespace akslint::plan {

// Text kept on values a plan marks unknown until apply.
inline constexpr std::string_view kKnownAfterApply = "(known after apply)";

// Marks the parts of `values` that `mask` (an `after_unknown` object) flags as unknown.
// Plans omit those attributes, or write null for them in lists: both become Unknown.
void overlay_unknown(Value& values, const Value& mask);

// Where the Terraform attribute `tf_path` ("default_node_pool[0].max_count") of `tf_type`,
// whose value in the plan is `raw`, sits in `resource`: "@name", "@resourceGroup",
// "@subscription" or "@parent" for the resource's own slots, else the body path
// ("properties.agentPoolProfiles[0].maxCount"); empty when the table does not map it.
[[nodiscard]] std::string canonical_path(const Resource& resource, std::string_view tf_path, const Value* raw);

// The resource as a change side: its body's members plus "name" and "resourceGroup".
[[nodiscard]] Value change_document(const Resource& resource);

// A plan path (`["default_node_pool", 0, "name"]`) as dotted text ("default_node_pool[0].name").
[[nodiscard]] std::string path_text(const Value& steps);

}  // namespace akslint::plan
