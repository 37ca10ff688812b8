// AKS705: Container Insights (the monitoring add-on) is off.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"operations", "monitoring", "add-on"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr PeerRule kPeers[] = {
    {"Checkov", "CKV_AZURE_4"}, {"Trivy", "AVD-AZU-0040"}, {"PSRule", "Azure.AKS.ContainerInsights"}};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/azure-monitor/containers/kubernetes-monitoring-enable"};

constexpr RuleMetadata kMeta{
    .id = "AKS705",
    .slug = "monitoring-disabled",
    .title = "Container Insights monitoring is not enabled on the cluster.",
    .summary = "Flags clusters whose `addonProfiles.omsagent.enabled` (Terraform `oms_agent` block) is false or "
               "absent. Add-on names are matched case-insensitively, as Azure does: `omsAgent` and `omsagent` "
               "are the same add-on.",
    .why = "Without Container Insights, node and pod logs and metrics are not collected, so incidents and "
           "intrusions leave no trace to investigate. Level note, security-severity 3.0 (low): it weakens "
           "detection, not prevention.",
    .fix = "Enable the monitoring add-on with a Log Analytics workspace: `addonProfiles: { omsagent: { enabled: "
           "true, config: { logAnalyticsWorkspaceResourceID: ... } } }` (Terraform `oms_agent { "
           "log_analytics_workspace_id = ... }`).",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  # no oms_agent block
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  oms_agent {
    log_analytics_workspace_id = azurerm_log_analytics_workspace.logs.id
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

constexpr AttributeCheck kCheck{
    .path = "properties.addonProfiles.omsagent.enabled",
    .violates = is_false,
    .absent_violates = true,
    .message = "Cluster '{name}' has the monitoring add-on disabled (omsagent.enabled = {value}).",
    .absent_message = "Cluster '{name}' does not enable the monitoring add-on (Container Insights).",
};

}  // namespace

std::unique_ptr<Rule> make_rule_monitoring_disabled() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
