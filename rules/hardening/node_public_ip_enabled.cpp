// AKS713: nodes of a pool get public IP addresses.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "network", "node-pool"};
constexpr std::string_view kTypes[] = {kManagedClusterType, kAgentPoolType};
constexpr PeerRule kPeers[] = {{"Checkov", "CKV_AZURE_143"}};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/use-node-public-ips"};

constexpr RuleMetadata kMeta{
    .id = "AKS713",
    .slug = "node-public-ip-enabled",
    .title = "A node pool gives every node a public IP address.",
    .summary = "Flags every node pool whose `enableNodePublicIP` (Terraform `enable_node_public_ip` in 3.x, "
               "`node_public_ip_enabled` in 4.x) is true. Absent is off.",
    .why = "Public IPs on nodes expose the kubelet, SSH and any host-network port to the internet unless every "
           "NSG rule is right. Level warning, security-severity 7.0 (high).",
    .fix = "Remove `enableNodePublicIP` (`node_public_ip_enabled`); reach nodes through a bastion and publish "
           "workloads through a load balancer or ingress.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster_node_pool" "apps" {
  node_public_ip_enabled = true
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster_node_pool" "apps" {
  node_public_ip_enabled = false
})",
    .level = Level::Warning,
    .security_severity = 7.0,
    .precision = Precision::VeryHigh,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

constexpr AttributeCheck kCheck{
    .target = CheckTarget::Pool,
    .path = "enableNodePublicIP",
    .violates = is_true,
    .message = "Node pool '{name}' gives every node a public IP address.",
};

}  // namespace

std::unique_ptr<Rule> make_rule_node_public_ip_enabled() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
