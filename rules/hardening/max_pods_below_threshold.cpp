// AKS709: a node pool allows fewer pods per node than the threshold.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

// Option AKS709.MinimumMaxPods; the one place the threshold is kept until rule options exist.
constexpr double kMinimumMaxPods = 50;

constexpr std::string_view kTags[] = {"reliability", "node-pool", "scaling"};
constexpr std::string_view kTypes[] = {kManagedClusterType, kAgentPoolType};
constexpr PeerRule kPeers[] = {{"Checkov", "CKV_AZURE_168"}};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/azure-cni-overview#maximum-pods-per-node"};

constexpr RuleMetadata kMeta{
    .id = "AKS709",
    .slug = "max-pods-below-threshold",
    .title = "A node pool allows fewer pods per node than the threshold (default 50).",
    .summary = "Flags every node pool (inline profiles, `default_node_pool`, `azurerm_kubernetes_cluster_node_pool`, "
               "`agentPools` resources) whose `maxPods` (`max_pods`) is known and below the option "
               "`AKS709.MinimumMaxPods` (default 50). Absent is not flagged: the default depends on the network "
               "plugin. Values from variables are judged once resolved: `var.max_pods` with default 110 passes.",
    .why = "Each node reserves pods for system DaemonSets; a low limit leaves little room for workloads, forces "
           "more nodes, and can only be changed by recreating the pool. Level note, no security severity: it "
           "is a capacity issue.",
    .fix = "Set `maxPods` (`max_pods`) to at least 50 when creating the pool (Azure CNI allows up to 250).",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster_node_pool" "apps" {
  max_pods = 30
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster_node_pool" "apps" {
  max_pods = 110
})",
    .level = Level::Note,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

bool below_threshold(const Value& v) {
  const auto n = v.as_number();
  return n && *n < kMinimumMaxPods;
}

constexpr AttributeCheck kCheck{
    .target = CheckTarget::Pool,
    .path = "maxPods",
    .violates = below_threshold,
    .message = "Node pool '{name}' allows only {value} pods per node, below the AKS709.MinimumMaxPods threshold.",
};

}  // namespace

std::unique_ptr<Rule> make_rule_max_pods_below_threshold() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
