// AKS701: Kubernetes RBAC turned off on a cluster.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "identity"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr PeerRule kPeers[] = {
    {"Checkov", "CKV_AZURE_5"}, {"Trivy", "AVD-AZU-0042"}, {"PSRule", "Azure.AKS.UseRBAC"}};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/concepts-identity"};

constexpr RuleMetadata kMeta{
    .id = "AKS701",
    .slug = "kubernetes-rbac-disabled",
    .title = "Kubernetes role-based access control is disabled on the cluster.",
    .summary = "Flags clusters whose `enableRBAC` (Terraform `role_based_access_control_enabled`) is false. "
               "Absent is not flagged: Azure and azurerm both enable RBAC by default.",
    .why = "Without Kubernetes RBAC every authenticated user and service account is effectively cluster "
           "admin. RBAC can only be chosen when the cluster is created, so a cluster created without it must "
           "be rebuilt. Level warning, security-severity 8.0 (high): the whole cluster is open to any "
           "identity that can reach the API server.",
    .fix = "Remove `enableRBAC: false` (`role_based_access_control_enabled = false`) or set it to true, and "
           "grant access with Roles and RoleBindings (or Azure RBAC for Kubernetes authorization).",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  role_based_access_control_enabled = false
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  role_based_access_control_enabled = true
})",
    .level = Level::Warning,
    .security_severity = 8.0,
    .precision = Precision::VeryHigh,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

constexpr AttributeCheck kCheck{
    .path = "properties.enableRBAC",
    .violates = is_false,
    .message = "Cluster '{name}' disables Kubernetes RBAC (enableRBAC = {value}); every identity gets full access.",
};

}  // namespace

std::unique_ptr<Rule> make_rule_kubernetes_rbac_disabled() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
