// AKS719: Entra ID is integrated but Kubernetes authorization stays in cluster RoleBindings.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "identity"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr PeerRule kPeers[] = {{"PSRule", "Azure.AKS.AzureRBAC"}};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/manage-azure-rbac"};

constexpr RuleMetadata kMeta{
    .id = "AKS719",
    .slug = "azure-rbac-disabled",
    .title = "Azure RBAC for Kubernetes authorization is disabled.",
    .summary = "Flags Entra ID integrated clusters (an `aadProfile`) whose `aadProfile.enableAzureRBAC` "
               "(Terraform `azure_rbac_enabled`) is false or absent. Clusters without Entra ID are AKS718's.",
    .why = "With Azure RBAC, access to Kubernetes objects is granted by Azure role assignments that are "
           "reviewed, audited and scoped like every other Azure permission; without it, access lives in "
           "in-cluster RoleBindings that Azure governance does not see. Level note, security-severity 3.0 (low).",
    .fix = "Set `enableAzureRBAC: true` (`azure_rbac_enabled = true`) and grant the built-in Azure Kubernetes "
           "Service RBAC roles.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = false
  }
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }
})",
    .level = Level::Note,
    .security_severity = 3.0,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

bool is_object(const Value& v) { return v.is_object(); }

constexpr AttributeCheck kCheck{
    .path = "properties.aadProfile.enableAzureRBAC",
    .violates = is_false,
    .absent_violates = true,
    .message = "Cluster '{name}' does not use Azure RBAC for Kubernetes authorization (enableAzureRBAC = {value}).",
    .absent_message = "Cluster '{name}' does not use Azure RBAC for Kubernetes authorization.",
    .when = {"properties.aadProfile", is_object},
};

}  // namespace

std::unique_ptr<Rule> make_rule_azure_rbac_disabled() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
