// Resource groups, identities, locks, autoscale and diagnostic settings, Key Vault and
// Defender pricing.
#include "terraform/AzurermTypes.h"

namespace akslint::terraform {

namespace {

using enum BlockShape;
using enum Transform;

constexpr FieldMapping kResourceGroupFields[] = {
    {"name", "@name"},
    {"location", "location"},
    {"tags", "tags"},
    {"managed_by", "managedBy"},
};
constexpr BlockMapping kResourceGroup{kResourceGroupFields};

constexpr FieldMapping kIdentityResourceFields[] = {{"", "", Object, &kTracked}};
constexpr BlockMapping kUserAssignedIdentity{kIdentityResourceFields};

// Locks and diagnostic settings are extension resources: ARM gives them a `scope`.
constexpr FieldMapping kLockFields[] = {
    {"name", "@name"},
    {"scope", "scope"},
    {"lock_level", "properties.level"},
    {"notes", "properties.notes"},
};
constexpr BlockMapping kLock{kLockFields};

// Role assignments are extension resources too. The role's name is azurerm's own shorthand;
// ARM knows only the definition id.
constexpr FieldMapping kRoleAssignmentFields[] = {
    {"name", "@name"},
    {"scope", "scope"},
    {"principal_id", "properties.principalId"},
    {"principal_type", "properties.principalType"},
    {"role_definition_id", "properties.roleDefinitionId"},
    {"role_definition_name", "properties.roleDefinitionName"},
};
constexpr BlockMapping kRoleAssignment{kRoleAssignmentFields};

// A child of a user-assigned identity that trusts tokens of an OIDC issuer (an AKS cluster's).
constexpr FieldMapping kFederatedCredentialFields[] = {
    {"name", "@name"},
    {"parent_id", "@parent"},
    {"issuer", "properties.issuer"},
    {"subject", "properties.subject"},
    {"audience", "properties.audiences"},
};
constexpr BlockMapping kFederatedCredential{kFederatedCredentialFields};

// One access policy entry, as in a vault's properties.accessPolicies[].
constexpr FieldMapping kAccessPolicyEntryFields[] = {
    {"tenant_id", "tenantId"},
    {"object_id", "objectId"},
    {"application_id", "applicationId"},
    {"secret_permissions", "permissions.secrets"},
    {"key_permissions", "permissions.keys"},
    {"certificate_permissions", "permissions.certificates"},
};
constexpr BlockMapping kAccessPolicyEntry{kAccessPolicyEntryFields};
// azurerm_key_vault_access_policy: one entry added to a vault (ARM's vaults/accessPolicies
// "add" holds a list of one; the entry is kept as that one object).
constexpr FieldMapping kAccessPolicyFields[] = {
    {"key_vault_id", "properties.keyVaultId"},
    {"", "properties.accessPolicy", Object, &kAccessPolicyEntry},
};
constexpr BlockMapping kAccessPolicy{kAccessPolicyFields};

constexpr FieldMapping kCapacityFields[] = {
    {"default", "default"},
    {"minimum", "minimum"},
    {"maximum", "maximum"},
};
constexpr BlockMapping kCapacity{kCapacityFields};
constexpr FieldMapping kMetricTriggerFields[] = {
    {"metric_name", "metricName"},
    {"metric_resource_id", "metricResourceUri"},
    {"operator", "operator"},
    {"statistic", "statistic"},
    {"time_aggregation", "timeAggregation"},
    {"time_grain", "timeGrain"},
    {"time_window", "timeWindow"},
    {"threshold", "threshold"},
};
constexpr BlockMapping kMetricTrigger{kMetricTriggerFields};
constexpr FieldMapping kScaleActionFields[] = {
    {"direction", "direction"},
    {"type", "type"},
    {"value", "value"},
    {"cooldown", "cooldown"},
};
constexpr BlockMapping kScaleAction{kScaleActionFields};
constexpr FieldMapping kAutoscaleRuleFields[] = {
    {"metric_trigger", "metricTrigger", Object, &kMetricTrigger},
    {"scale_action", "scaleAction", Object, &kScaleAction},
};
constexpr BlockMapping kAutoscaleRule{kAutoscaleRuleFields};
constexpr FieldMapping kProfileFields[] = {
    {"name", "name"},
    {"capacity", "capacity", Object, &kCapacity},
    {"rule", "rules", AppendToArray, &kAutoscaleRule},
};
constexpr BlockMapping kProfile{kProfileFields};
constexpr FieldMapping kAutoscaleFields[] = {
    {"", "", Object, &kTracked},
    {"target_resource_id", "properties.targetResourceUri"},
    {"enabled", "properties.enabled"},
    {"profile", "properties.profiles", AppendToArray, &kProfile},
};
constexpr BlockMapping kAutoscale{kAutoscaleFields};

constexpr DefaultValue kLogEnabled[] = {{"enabled", "", std::nullopt, true}};
constexpr FieldMapping kLogFields[] = {
    {"category", "category"},
    {"category_group", "categoryGroup"},
    {"enabled", "enabled"},
};
constexpr BlockMapping kLog{kLogFields, kLogEnabled};
constexpr FieldMapping kDiagnosticFields[] = {
    {"name", "@name"},
    {"target_resource_id", "scope"},
    {"log_analytics_workspace_id", "properties.workspaceId"},
    {"log_analytics_destination_type", "properties.logAnalyticsDestinationType"},
    {"storage_account_id", "properties.storageAccountId"},
    {"eventhub_authorization_rule_id", "properties.eventHubAuthorizationRuleId"},
    {"eventhub_name", "properties.eventHubName"},
    {"enabled_log", "properties.logs", AppendToArray, &kLog},
    {"log", "properties.logs", AppendToArray, &kLog},         // 3.x
    {"metric", "properties.metrics", AppendToArray, &kLog},   // 3.x
    {"enabled_metric", "properties.metrics", AppendToArray, &kLog},  // 4.x
};
constexpr BlockMapping kDiagnostic{kDiagnosticFields};

constexpr FieldMapping kNetworkAclFields[] = {
    {"default_action", "defaultAction"},
    {"bypass", "bypass"},
    {"ip_rules", "ipRules"},
    {"virtual_network_subnet_ids", "virtualNetworkRules"},
};
constexpr BlockMapping kNetworkAcls{kNetworkAclFields};
constexpr FieldMapping kKeyVaultFields[] = {
    {"", "", Object, &kTracked},
    {"tenant_id", "properties.tenantId"},
    {"sku_name", "properties.sku.name"},
    {"purge_protection_enabled", "properties.enablePurgeProtection"},
    {"soft_delete_retention_days", "properties.softDeleteRetentionInDays"},
    {"enable_rbac_authorization", "properties.enableRbacAuthorization"},   // 3.x
    {"rbac_authorization_enabled", "properties.enableRbacAuthorization"},  // 4.x
    {"enabled_for_disk_encryption", "properties.enabledForDiskEncryption"},
    {"enabled_for_deployment", "properties.enabledForDeployment"},
    {"enabled_for_template_deployment", "properties.enabledForTemplateDeployment"},
    {"public_network_access_enabled", "properties.publicNetworkAccess", Attribute, nullptr, EnabledDisabled},
    {"network_acls", "properties.networkAcls", Object, &kNetworkAcls},
    {"access_policy", "properties.accessPolicies", AppendToArray, &kAccessPolicyEntry},
};
constexpr BlockMapping kKeyVault{kKeyVaultFields};

constexpr DefaultValue kPricingExtensionDefaults[] = {{"isEnabled", "True"}};
constexpr FieldMapping kPricingExtensionFields[] = {
    {"name", "name"},
    {"additional_extension_properties", "additionalExtensionProperties"},
};
constexpr BlockMapping kPricingExtension{kPricingExtensionFields, kPricingExtensionDefaults};
constexpr FieldMapping kPricingFields[] = {
    {"resource_type", "@name"},
    {"tier", "properties.pricingTier"},
    {"subplan", "properties.subPlan"},
    {"extension", "properties.extensions", AppendToArray, &kPricingExtension},
};
constexpr BlockMapping kPricing{kPricingFields};

constexpr TypeMapping kTypes[] = {
    {"azurerm_resource_group", "Microsoft.Resources/resourceGroups", &kResourceGroup},
    {"azurerm_user_assigned_identity", "Microsoft.ManagedIdentity/userAssignedIdentities", &kUserAssignedIdentity},
    {"azurerm_management_lock", "Microsoft.Authorization/locks", &kLock},
    {"azurerm_monitor_autoscale_setting", "Microsoft.Insights/autoscaleSettings", &kAutoscale},
    {"azurerm_monitor_diagnostic_setting", "Microsoft.Insights/diagnosticSettings", &kDiagnostic},
    {"azurerm_key_vault", "Microsoft.KeyVault/vaults", &kKeyVault},
    {"azurerm_key_vault_access_policy", "Microsoft.KeyVault/vaults/accessPolicies", &kAccessPolicy},
    {"azurerm_role_assignment", "Microsoft.Authorization/roleAssignments", &kRoleAssignment},
    {"azurerm_federated_identity_credential",
     "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials", &kFederatedCredential},
    {"azurerm_security_center_subscription_pricing", "Microsoft.Security/pricings", &kPricing},
};

}  // namespace

std::span<const TypeMapping> management_types() { return kTypes; }

}  // namespace akslint::terraform
