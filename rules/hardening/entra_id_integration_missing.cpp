// AKS718: the cluster is not integrated with Microsoft Entra ID.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "identity"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr PeerRule kPeers[] = {{"PSRule", "Azure.AKS.ManagedAAD"}};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/enable-authentication-microsoft-entra-id"};

constexpr RuleMetadata kMeta{
    .id = "AKS718",
    .slug = "entra-id-integration-missing",
    .title = "The cluster does not authenticate users with Microsoft Entra ID.",
    .summary = "Flags clusters without an `aadProfile` (Terraform "
               "`azure_active_directory_role_based_access_control` block, 3.x and 4.x).",
    .why = "Without Entra ID integration users authenticate with client certificates from the local accounts: "
           "no per-user identity, no conditional access or MFA, no central revocation. Level warning, "
           "security-severity 6.0 (medium).",
    .fix = "Add a managed `aadProfile` (`azure_active_directory_role_based_access_control { "
           "azure_rbac_enabled = true }`) with admin group object ids, then disable local accounts.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  # no azure_active_directory_role_based_access_control block
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }
})",
    .level = Level::Warning,
    .security_severity = 6.0,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

bool never(const Value&) { return false; }

constexpr AttributeCheck kCheck{
    .path = "properties.aadProfile",
    .violates = never,  // any profile integrates the cluster
    .absent_violates = true,
    .absent_message = "Cluster '{name}' is not integrated with Microsoft Entra ID (no aadProfile).",
};

}  // namespace

std::unique_ptr<Rule> make_rule_entra_id_integration_missing() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
