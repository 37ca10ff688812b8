// AKS706: the Azure Policy add-on is off.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "governance", "add-on"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr PeerRule kPeers[] = {{"Checkov", "CKV_AZURE_116"}, {"PSRule", "Azure.AKS.AzurePolicyAddOn"}};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/use-azure-policy"};

constexpr RuleMetadata kMeta{
    .id = "AKS706",
    .slug = "azure-policy-addon-disabled",
    .title = "The Azure Policy add-on is not enabled on the cluster.",
    .summary = "Flags clusters whose `addonProfiles.azurepolicy.enabled` (Terraform `azure_policy_enabled`) is "
               "false or absent.",
    .why = "The Azure Policy add-on runs Gatekeeper and enforces the organisation's pod security and "
           "configuration policies at admission; without it, policies assigned to the cluster's scope are not "
           "applied inside Kubernetes. Level note, security-severity 4.0 (medium).",
    .fix = "Set `addonProfiles: { azurepolicy: { enabled: true } }` (`azure_policy_enabled = true`).",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  azure_policy_enabled = false
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  azure_policy_enabled = true
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
    .path = "properties.addonProfiles.azurepolicy.enabled",
    .violates = is_false,
    .absent_violates = true,
    .message = "Cluster '{name}' has the Azure Policy add-on disabled (azurepolicy.enabled = {value}).",
    .absent_message = "Cluster '{name}' does not enable the Azure Policy add-on.",
};

}  // namespace

std::unique_ptr<Rule> make_rule_azure_policy_addon_disabled() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
