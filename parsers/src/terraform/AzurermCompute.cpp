// Scale sets and their extensions, disk encryption sets, proximity placement groups ->
// Microsoft.Compute.
#include "terraform/AzurermTypes.h"

namespace akslint::terraform {

namespace {

using enum BlockShape;
using enum Transform;

// A scale set's extension, inline or as azurerm_virtual_machine_scale_set_extension.
constexpr FieldMapping kExtensionPropertyFields[] = {
    {"publisher", "publisher"},
    {"type", "type"},
    {"type_handler_version", "typeHandlerVersion"},
    {"auto_upgrade_minor_version", "autoUpgradeMinorVersion"},
    {"automatic_upgrade_enabled", "enableAutomaticUpgrade"},
    {"settings", "settings", Attribute, nullptr, JsonDecode},
    {"protected_settings", "protectedSettings", Attribute, nullptr, JsonDecode},
    {"provision_after_extensions", "provisionAfterExtensions"},
};
constexpr BlockMapping kExtensionProperties{kExtensionPropertyFields};
constexpr FieldMapping kInlineExtensionFields[] = {
    {"name", "name"},
    {"", "properties", Object, &kExtensionProperties},
};
constexpr BlockMapping kInlineExtension{kInlineExtensionFields};

constexpr FieldMapping kIpConfigurationPropertyFields[] = {
    {"subnet_id", "subnet.id"},
    {"primary", "primary"},
};
constexpr BlockMapping kIpConfigurationProperties{kIpConfigurationPropertyFields};
constexpr FieldMapping kIpConfigurationFields[] = {
    {"name", "name"},
    {"", "properties", Object, &kIpConfigurationProperties},
};
constexpr BlockMapping kIpConfiguration{kIpConfigurationFields};

constexpr FieldMapping kNicPropertyFields[] = {
    {"primary", "primary"},
    {"network_security_group_id", "networkSecurityGroup.id"},
    {"enable_accelerated_networking", "enableAcceleratedNetworking"},
    {"ip_configuration", "ipConfigurations", AppendToArray, &kIpConfiguration},
};
constexpr BlockMapping kNicProperties{kNicPropertyFields};
constexpr FieldMapping kNicFields[] = {
    {"name", "name"},
    {"", "properties", Object, &kNicProperties},
};
constexpr BlockMapping kNic{kNicFields};

constexpr FieldMapping kOsDiskFields[] = {
    {"caching", "caching"},
    {"storage_account_type", "managedDisk.storageAccountType"},
    {"disk_encryption_set_id", "managedDisk.diskEncryptionSet.id"},
    {"disk_size_gb", "diskSizeGB"},
};
constexpr BlockMapping kOsDisk{kOsDiskFields};

constexpr FieldMapping kAutomaticOsUpgradeFields[] = {
    {"enable_automatic_os_upgrade", "enableAutomaticOSUpgrade"},
    {"disable_automatic_rollback", "disableAutomaticRollback"},
};
constexpr BlockMapping kAutomaticOsUpgrade{kAutomaticOsUpgradeFields};

// What azurerm_linux/windows/orchestrated scale sets share.
constexpr FieldMapping kScaleSetFields[] = {
    {"", "", Object, &kTracked},
    {"sku", "sku.name"},
    {"sku_name", "sku.name"},
    {"instances", "sku.capacity"},
    {"zones", "zones"},
    {"identity", "identity", Object, &kIdentity},
    {"upgrade_mode", "properties.upgradePolicy.mode"},
    {"automatic_os_upgrade_policy", "properties.upgradePolicy.automaticOSUpgradePolicy", Object, &kAutomaticOsUpgrade},
    {"overprovision", "properties.overprovision"},
    {"single_placement_group", "properties.singlePlacementGroup"},
    {"platform_fault_domain_count", "properties.platformFaultDomainCount"},
    {"proximity_placement_group_id", "properties.proximityPlacementGroup.id"},
    {"admin_username", "properties.virtualMachineProfile.osProfile.adminUsername"},
    {"computer_name_prefix", "properties.virtualMachineProfile.osProfile.computerNamePrefix"},
    {"encryption_at_host_enabled", "properties.virtualMachineProfile.securityProfile.encryptionAtHost"},
    {"os_disk", "properties.virtualMachineProfile.storageProfile.osDisk", Object, &kOsDisk},
    {"network_interface", "properties.virtualMachineProfile.networkProfile.networkInterfaceConfigurations",
     AppendToArray, &kNic},
    {"extension", "properties.virtualMachineProfile.extensionProfile.extensions", AppendToArray, &kInlineExtension},
};
constexpr BlockMapping kScaleSet{kScaleSetFields};

// azurerm_virtual_machine_scale_set (legacy): sku and extensions have their own shapes.
constexpr FieldMapping kLegacySkuFields[] = {
    {"name", "name"},
    {"tier", "tier"},
    {"capacity", "capacity"},
};
constexpr BlockMapping kLegacySku{kLegacySkuFields};
constexpr FieldMapping kLegacyScaleSetFields[] = {
    {"", "", Object, &kTracked},
    {"sku", "sku", Object, &kLegacySku},
    {"zones", "zones"},
    {"identity", "identity", Object, &kIdentity},
    {"upgrade_policy_mode", "properties.upgradePolicy.mode"},
    {"overprovision", "properties.overprovision"},
    {"single_placement_group", "properties.singlePlacementGroup"},
    {"proximity_placement_group_id", "properties.proximityPlacementGroup.id"},
    {"network_profile", "properties.virtualMachineProfile.networkProfile.networkInterfaceConfigurations",
     AppendToArray, &kNic},
    {"extension", "properties.virtualMachineProfile.extensionProfile.extensions", AppendToArray, &kInlineExtension},
};
constexpr BlockMapping kLegacyScaleSet{kLegacyScaleSetFields};

constexpr FieldMapping kScaleSetExtensionFields[] = {
    {"name", "@name"},
    {"virtual_machine_scale_set_id", "@parent"},
    // Kept in the body too: a literal id names a scale set that no reference resolves to.
    {"virtual_machine_scale_set_id", "properties.virtualMachineScaleSetId"},
    {"", "properties", Object, &kExtensionProperties},
};
constexpr BlockMapping kScaleSetExtension{kScaleSetExtensionFields};

constexpr FieldMapping kDiskEncryptionSetFields[] = {
    {"", "", Object, &kTracked},
    {"identity", "identity", Object, &kIdentity},
    {"key_vault_key_id", "properties.activeKey.keyUrl"},
    {"encryption_type", "properties.encryptionType"},
    {"auto_key_rotation_enabled", "properties.rotationToLatestKeyVersionEnabled"},
};
constexpr BlockMapping kDiskEncryptionSet{kDiskEncryptionSetFields};

constexpr FieldMapping kProximityPlacementGroupFields[] = {
    {"", "", Object, &kTracked},
    {"zone", "zones", Attribute, nullptr, Wrap},
    {"allowed_vm_sizes", "properties.intent.vmSizes"},
};
constexpr BlockMapping kProximityPlacementGroup{kProximityPlacementGroupFields};

constexpr TypeMapping kTypes[] = {
    {"azurerm_linux_virtual_machine_scale_set", "Microsoft.Compute/virtualMachineScaleSets", &kScaleSet},
    {"azurerm_windows_virtual_machine_scale_set", "Microsoft.Compute/virtualMachineScaleSets", &kScaleSet},
    {"azurerm_orchestrated_virtual_machine_scale_set", "Microsoft.Compute/virtualMachineScaleSets", &kScaleSet},
    {"azurerm_virtual_machine_scale_set", "Microsoft.Compute/virtualMachineScaleSets", &kLegacyScaleSet},
    {"azurerm_virtual_machine_scale_set_extension", "Microsoft.Compute/virtualMachineScaleSets/extensions",
     &kScaleSetExtension},
    {"azurerm_disk_encryption_set", "Microsoft.Compute/diskEncryptionSets", &kDiskEncryptionSet},
    {"azurerm_proximity_placement_group", "Microsoft.Compute/proximityPlacementGroups", &kProximityPlacementGroup},
};

}  // namespace

std::span<const TypeMapping> compute_types() { return kTypes; }

}  // namespace akslint::terraform
