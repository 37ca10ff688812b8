// AKS723: a node pool does not use the cluster autoscaler.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "scaling", "node-pool"};
constexpr std::string_view kTypes[] = {kManagedClusterType, kAgentPoolType};
constexpr PeerRule kPeers[] = {{"PSRule", "Azure.AKS.AutoScaling"}};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/cluster-autoscaler"};

constexpr RuleMetadata kMeta{
    .id = "AKS723",
    .slug = "autoscaler-disabled",
    .title = "A node pool has a fixed node count without the cluster autoscaler.",
    .summary = "Flags every node pool whose `enableAutoScaling` (Terraform `enable_auto_scaling` in 3.x, "
               "`auto_scaling_enabled` in 4.x) is false or absent (off is Azure's default).",
    .why = "A fixed pool cannot absorb load peaks or node failures and pays for idle nodes the rest of the "
           "time. Level note, no security severity: some pools are fixed on purpose.",
    .fix = "Set `enableAutoScaling: true` with `minCount` and `maxCount` (`auto_scaling_enabled = true`, "
           "`min_count`, `max_count`).",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster_node_pool" "apps" {
  node_count = 3
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster_node_pool" "apps" {
  auto_scaling_enabled = true
  min_count            = 1
  max_count            = 5
})",
    .level = Level::Note,
    .precision = Precision::Medium,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

constexpr AttributeCheck kCheck{
    .target = CheckTarget::Pool,
    .path = "enableAutoScaling",
    .violates = is_false,
    .absent_violates = true,
    .message = "Node pool '{name}' does not use the cluster autoscaler (enableAutoScaling = {value}).",
    .absent_message = "Node pool '{name}' does not use the cluster autoscaler.",
};

}  // namespace

std::unique_ptr<Rule> make_rule_autoscaler_disabled() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
