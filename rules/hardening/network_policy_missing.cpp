// AKS704: no network policy engine, so every pod can reach every other pod.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "network"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr PeerRule kPeers[] = {
    {"Checkov", "CKV_AZURE_7"}, {"Trivy", "AVD-AZU-0043"}, {"PSRule", "Azure.AKS.NetworkPolicy"}};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/use-network-policies"};

constexpr RuleMetadata kMeta{
    .id = "AKS704",
    .slug = "network-policy-missing",
    .title = "The cluster has no network policy engine.",
    .summary = "Flags clusters whose `networkProfile.networkPolicy` (Terraform `network_profile.network_policy`) "
               "is absent or `none`. `azure`, `calico` and `cilium` are all valid engines, and a Cilium data "
               "plane (`networkDataplane: cilium`) enforces policies by itself.",
    .why = "Without a policy engine Kubernetes NetworkPolicy objects are accepted but ignored, so any "
           "compromised pod can reach every other pod and service. Level warning, security-severity 5.0 "
           "(medium): it removes lateral-movement protection, not an entry point.",
    .fix = "Choose an engine when creating the cluster: `networkPolicy: 'azure'`, `'calico'` or `'cilium'` "
           "(`network_policy = \"cilium\"` with `network_data_plane = \"cilium\"` in azurerm 4.x), then write "
           "NetworkPolicies that deny by default.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  network_profile {
    network_plugin = "azure"
  }
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  network_profile {
    network_plugin     = "azure"
    network_data_plane = "cilium"
    network_policy     = "cilium"
  }
})",
    .level = Level::Warning,
    .security_severity = 5.0,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

bool is_none(const Value& v) { return string_is_any(v, {"none", ""}); }
bool is_cilium(const Value& v) { return string_is_any(v, {"cilium"}); }

constexpr AttributeCheck kCheck{
    .path = "properties.networkProfile.networkPolicy",
    .violates = is_none,
    .absent_violates = true,
    .message = "Cluster '{name}' has no network policy engine (networkPolicy = {value}); NetworkPolicies are "
               "ignored.",
    .absent_message = "Cluster '{name}' has no network policy engine (networkPolicy is not set); "
                      "NetworkPolicies are ignored.",
    .unless = {"properties.networkProfile.networkDataplane", is_cilium},
};

}  // namespace

std::unique_ptr<Rule> make_rule_network_policy_missing() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
