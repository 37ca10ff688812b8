// AKS703: local cluster accounts left enabled.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "identity"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr PeerRule kPeers[] = {{"Checkov", "CKV_AZURE_141"}, {"PSRule", "Azure.AKS.LocalAccounts"}};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad"};

constexpr RuleMetadata kMeta{
    .id = "AKS703",
    .slug = "local-accounts-enabled",
    .title = "The cluster keeps its local admin account.",
    .summary = "Flags clusters whose `disableLocalAccounts` (Terraform `local_account_disabled`) is false or "
               "absent (Azure keeps local accounts by default).",
    .why = "The local `clusterAdmin` credential is a shared certificate that bypasses Entra ID, conditional "
           "access and audit by identity, and cannot be revoked short of rotating the cluster's certificates. "
           "Level warning, security-severity 7.0 (high): a leaked kubeconfig is full cluster admin.",
    .fix = "Integrate the cluster with Entra ID and set `disableLocalAccounts: true` "
           "(`local_account_disabled = true`).",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  local_account_disabled = false
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  local_account_disabled = true
  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }
})",
    .level = Level::Warning,
    .security_severity = 7.0,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

constexpr AttributeCheck kCheck{
    .path = "properties.disableLocalAccounts",
    .violates = is_false,
    .absent_violates = true,
    .message = "Cluster '{name}' keeps local accounts (disableLocalAccounts = {value}).",
    .absent_message = "Cluster '{name}' keeps local accounts (disableLocalAccounts is not set; enabled is the "
                      "default).",
};

}  // namespace

std::unique_ptr<Rule> make_rule_local_accounts_enabled() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
