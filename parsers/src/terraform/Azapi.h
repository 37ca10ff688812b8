#pragma once
// azapi_resource and azapi_update_resource already speak ARM: `type = "X@version"` and
// `body` map straight into the canonical resource.
#include "terraform/AzurermMapping.h"

#include <nlohmann/json_fwd.hpp>

namespace akslint::terraform {

[[nodiscard]] std::optional<Resource> azapi_to_canonical(const TerraformResource& tf);

// azapi_resource_action (a POST such as a scale set's `deallocate`) as a resource of the
// model's own type Microsoft.Resources/resourceActions (not an Azure type: ARM templates
// cannot call actions), whose properties name the target, its type and the action.
[[nodiscard]] std::optional<Resource> azapi_action_to_canonical(const TerraformResource& tf);

// A JSON document as a Value whose every part carries `span` (the string it was decoded from).
[[nodiscard]] Value from_json(const nlohmann::json& j, SourceSpan span);

// The canonical path of the tightest value in `body` whose span holds `span`: where a
// reference written at `span` sits. Empty when no value holds it.
[[nodiscard]] std::string path_holding(const Value& body, const SourceSpan& span);

// Subscription and resource group named by a known ARM id such as
// "/subscriptions/<s>/resourceGroups/<rg>/providers/...".
void scope_from_id(const Value& id, Scope& scope);

}  // namespace akslint::terraform
