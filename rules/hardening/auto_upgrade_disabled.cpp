// AKS708: no automatic cluster upgrade channel.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "upgrades"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr PeerRule kPeers[] = {{"Checkov", "CKV_AZURE_171"}, {"PSRule", "Azure.AKS.AutoUpgrade"}};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/auto-upgrade-cluster"};

constexpr RuleMetadata kMeta{
    .id = "AKS708",
    .slug = "auto-upgrade-disabled",
    .title = "The cluster has no automatic upgrade channel.",
    .summary = "Flags clusters whose `autoUpgradeProfile.upgradeChannel` (Terraform `automatic_channel_upgrade` "
               "in 3.x, `automatic_upgrade_channel` in 4.x) is `none` or absent (`none` is Azure's default).",
    .why = "Without an upgrade channel the cluster stays on its Kubernetes patch version until someone "
           "upgrades it by hand, missing security fixes and eventually falling out of support. Level warning, "
           "security-severity 5.0 (medium): unpatched control plane and node components.",
    .fix = "Set `upgradeChannel` to `patch` (or `stable`, `rapid`, `node-image`) and give the upgrades a "
           "maintenance window.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  automatic_upgrade_channel = "none"
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  automatic_upgrade_channel = "patch"
})",
    .level = Level::Warning,
    .security_severity = 5.0,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

bool is_none(const Value& v) { return string_is_any(v, {"none"}); }

constexpr AttributeCheck kCheck{
    .path = "properties.autoUpgradeProfile.upgradeChannel",
    .violates = is_none,
    .absent_violates = true,
    .message = "Cluster '{name}' has automatic upgrades turned off (upgradeChannel = {value}).",
    .absent_message = "Cluster '{name}' sets no automatic upgrade channel (none is the default).",
};

}  // namespace

std::unique_ptr<Rule> make_rule_auto_upgrade_disabled() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
