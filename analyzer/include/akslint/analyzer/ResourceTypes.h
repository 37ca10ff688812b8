#pragma once
// Canonical (ARM) types the graph facts and rules name.
#include <string_view>

namespace akslint {

inline constexpr std::string_view kResourceGroupType = "Microsoft.Resources/resourceGroups";
inline constexpr std::string_view kDeploymentType = "Microsoft.Resources/deployments";
inline constexpr std::string_view kVirtualNetworkType = "Microsoft.Network/virtualNetworks";
inline constexpr std::string_view kSubnetType = "Microsoft.Network/virtualNetworks/subnets";
inline constexpr std::string_view kNsgType = "Microsoft.Network/networkSecurityGroups";
inline constexpr std::string_view kNsgRuleType = "Microsoft.Network/networkSecurityGroups/securityRules";
inline constexpr std::string_view kRouteTableType = "Microsoft.Network/routeTables";
inline constexpr std::string_view kScaleSetType = "Microsoft.Compute/virtualMachineScaleSets";
inline constexpr std::string_view kScaleSetExtensionType = "Microsoft.Compute/virtualMachineScaleSets/extensions";
inline constexpr std::string_view kAutoscaleSettingType = "Microsoft.Insights/autoscaleSettings";
inline constexpr std::string_view kLockType = "Microsoft.Authorization/locks";
// The model's own type for an action called on a resource (Terraform azapi_resource_action).
inline constexpr std::string_view kResourceActionType = "Microsoft.Resources/resourceActions";
inline constexpr std::string_view kRoleAssignmentType = "Microsoft.Authorization/roleAssignments";
inline constexpr std::string_view kKeyVaultType = "Microsoft.KeyVault/vaults";
inline constexpr std::string_view kDiskEncryptionSetType = "Microsoft.Compute/diskEncryptionSets";
inline constexpr std::string_view kProximityPlacementGroupType = "Microsoft.Compute/proximityPlacementGroups";

}  // namespace akslint
