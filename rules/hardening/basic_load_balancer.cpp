// AKS720: the cluster uses the retired Basic load balancer.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "network"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr PeerRule kPeers[] = {{"PSRule", "Azure.AKS.StandardLB"}};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/load-balancer-standard"};

constexpr RuleMetadata kMeta{
    .id = "AKS720",
    .slug = "basic-load-balancer",
    .title = "The cluster uses the Basic load balancer SKU.",
    .summary = "Flags clusters whose `networkProfile.loadBalancerSku` (Terraform `network_profile.load_balancer_sku`) "
               "is `basic`. Absent is `standard`, Azure's default.",
    .why = "The Basic load balancer is retired: it has no SLA, no availability zones, no outbound rules, and "
           "supports a single node pool. Level warning, no security severity.",
    .fix = "Set `loadBalancerSku: 'standard'` (`load_balancer_sku = \"standard\"`); the SKU is fixed at "
           "creation, so migrate by recreating the cluster or with the AKS migration command.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  network_profile {
    network_plugin    = "azure"
    load_balancer_sku = "basic"
  }
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  network_profile {
    network_plugin    = "azure"
    load_balancer_sku = "standard"
  }
})",
    .level = Level::Warning,
    .precision = Precision::VeryHigh,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

bool is_basic(const Value& v) { return string_is_any(v, {"basic"}); }

constexpr AttributeCheck kCheck{
    .path = "properties.networkProfile.loadBalancerSku",
    .violates = is_basic,
    .message = "Cluster '{name}' uses the retired Basic load balancer.",
};

}  // namespace

std::unique_ptr<Rule> make_rule_basic_load_balancer() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
