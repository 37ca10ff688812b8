#pragma once
// The azurerm table, split by Azure area; each area file lists its rows. Shared field
// groups live here.
#include "terraform/AzurermMapping.h"

namespace akslint::terraform {

// Attributes every tracked Azure resource has in azurerm.
inline constexpr FieldMapping kTrackedFields[] = {
    {"name", "@name"},
    {"resource_group_name", "@resourceGroup"},
    {"location", "location"},
    {"tags", "tags"},
};
inline constexpr BlockMapping kTracked{kTrackedFields};

// `identity { type, identity_ids }` -> ARM `identity { type, userAssignedIdentities }`.
inline constexpr FieldMapping kIdentityFields[] = {
    {"type", "type"},
    {"identity_ids", "userAssignedIdentities", BlockShape::Attribute, nullptr, Transform::KeysToObject},
};
inline constexpr BlockMapping kIdentity{kIdentityFields};

[[nodiscard]] std::span<const TypeMapping> container_service_types();
[[nodiscard]] std::span<const TypeMapping> network_types();
[[nodiscard]] std::span<const TypeMapping> compute_types();
[[nodiscard]] std::span<const TypeMapping> management_types();

}  // namespace akslint::terraform
