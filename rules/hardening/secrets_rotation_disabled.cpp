// AKS711: the Key Vault secrets provider add-on does not rotate secrets.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "secrets", "add-on"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr PeerRule kPeers[] = {{"Checkov", "CKV_AZURE_172"}, {"PSRule", "Azure.AKS.SecretStoreRotation"}};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/csi-secrets-store-configuration-options"};

constexpr RuleMetadata kMeta{
    .id = "AKS711",
    .slug = "secrets-rotation-disabled",
    .title = "The Key Vault secrets provider add-on is on but does not rotate secrets.",
    .summary = "Flags clusters where `addonProfiles.azureKeyvaultSecretsProvider` is enabled and its "
               "`config.enableSecretRotation` (Terraform `key_vault_secrets_provider.secret_rotation_enabled`) "
               "is false or absent. Clusters without the add-on are not flagged.",
    .why = "Without rotation, pods keep the secret values they mounted at start; a secret rotated or revoked in "
           "Key Vault stays in use until the pod restarts. Level note, security-severity 4.0 (medium).",
    .fix = "Set `config: { enableSecretRotation: 'true' }` (`secret_rotation_enabled = true`) and, if needed, "
           "`rotationPollInterval`.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  key_vault_secrets_provider {
    secret_rotation_enabled = false
  }
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  key_vault_secrets_provider {
    secret_rotation_enabled = true
  }
})",
    .level = Level::Note,
    .security_severity = 4.0,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

constexpr AttributeCheck kCheck{
    .path = "properties.addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation",
    .violates = is_false,
    .absent_violates = true,
    .message = "Cluster '{name}' runs the Key Vault secrets provider without rotation (enableSecretRotation = "
               "{value}).",
    .absent_message = "Cluster '{name}' runs the Key Vault secrets provider without secret rotation.",
    .when = {"properties.addonProfiles.azureKeyvaultSecretsProvider.enabled", is_true},
};

}  // namespace

std::unique_ptr<Rule> make_rule_secrets_rotation_disabled() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
