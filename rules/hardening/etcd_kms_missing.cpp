// AKS734 (opt-in): Kubernetes secrets in etcd are not encrypted with a customer-managed key.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "encryption", "secrets", "compliance"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/use-kms-etcd-encryption"};

constexpr RuleMetadata kMeta{
    .id = "AKS734",
    .slug = "etcd-kms-missing",
    .title = "Kubernetes secrets are not encrypted in etcd with a customer-managed key.",
    .summary = "Flags clusters whose Key Vault KMS (`securityProfile.azureKeyVaultKms.enabled`, Terraform "
               "`key_management_service`) is off or absent. Opt-in: etcd is already encrypted at rest by the "
               "platform.",
    .why = "Secrets, config maps and other objects in etcd are encrypted at rest with keys Azure manages. KMS "
           "adds a second layer with a Key Vault key the organisation controls, rotates and can revoke, which "
           "some compliance regimes require.",
    .fix = "Enable Key Vault KMS with a key (`securityProfile.azureKeyVaultKms`, Terraform "
           "`key_management_service { key_vault_key_id = ... }`) and give the cluster's identity the key "
           "permissions it needs.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  # no key_management_service block
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  key_management_service {
    key_vault_key_id = azurerm_key_vault_key.etcd.id
  }
})",
    .level = Level::Note,
    .security_severity = 3.0,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
    .opt_in = true,
};

constexpr AttributeCheck kCheck{
    .target = CheckTarget::Cluster,
    .path = "properties.securityProfile.azureKeyVaultKms.enabled",
    .violates = is_false,
    .absent_violates = true,
    .message = "Cluster '{name}' turns Key Vault KMS off (enabled = {value}); etcd is encrypted with platform keys "
               "only.",
    .absent_message = "Cluster '{name}' does not encrypt etcd with a customer-managed key (Key Vault KMS).",
};

}  // namespace

std::unique_ptr<Rule> make_rule_etcd_kms_missing() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
