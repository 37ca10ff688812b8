// AKS707: the retired Kubernetes dashboard add-on is enabled.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "add-on"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr PeerRule kPeers[] = {{"Checkov", "CKV_AZURE_8"}};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/kubernetes-dashboard"};

constexpr RuleMetadata kMeta{
    .id = "AKS707",
    .slug = "dashboard-addon-enabled",
    .title = "The retired Kubernetes dashboard add-on is enabled.",
    .summary = "Flags clusters whose `addonProfiles.kubeDashboard.enabled` is true. Absent is fine: the add-on "
               "is retired (Kubernetes 1.19 and later) and azurerm 3.x and 4.x no longer have an attribute for it.",
    .why = "The dashboard ran with broad permissions and was a frequent entry point for cluster takeover. "
           "Level warning, security-severity 6.0 (medium): it exposes a privileged web UI.",
    .fix = "Remove the `kubeDashboard` add-on profile and use the Kubernetes resource view in the Azure "
           "portal instead.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  addon_profile {
    kube_dashboard {
      enabled = true
    }
  }
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  # no dashboard
})",
    .level = Level::Warning,
    .security_severity = 6.0,
    .precision = Precision::VeryHigh,
    // azurerm plans cannot hold the add-on and the plan reader does not read azapi resources yet.
    .formats = static_cast<FormatSet>(kAzureFormats & ~static_cast<unsigned>(InputFormat::TerraformPlan)),
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

constexpr AttributeCheck kCheck{
    .path = "properties.addonProfiles.kubeDashboard.enabled",
    .violates = is_true,
    .message = "Cluster '{name}' enables the retired Kubernetes dashboard add-on.",
};

}  // namespace

std::unique_ptr<Rule> make_rule_dashboard_addon_enabled() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
