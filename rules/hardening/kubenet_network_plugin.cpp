// AKS726: the cluster uses the kubenet network plugin.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"network"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/upgrade-azure-cni"};

constexpr RuleMetadata kMeta{
    .id = "AKS726",
    .slug = "kubenet-network-plugin",
    .title = "The cluster uses the kubenet network plugin instead of Azure CNI.",
    .summary = "Flags clusters whose `networkProfile.networkPlugin` (Terraform `network_profile.network_plugin`) "
               "is `kubenet`. Absent is not judged: the default differs between API versions and tools.",
    .why = "kubenet is retired: it needs user-defined routes per node, supports no Windows pools, no Azure "
           "network policies and at most 400 nodes. Azure CNI Overlay gives the same address savings without "
           "those limits. Level note, no security severity.",
    .fix = "Use `networkPlugin: 'azure'` with `networkPluginMode: 'overlay'` (`network_plugin = \"azure\"`, "
           "`network_plugin_mode = \"overlay\"`); existing clusters can be upgraded in place.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  network_profile {
    network_plugin = "kubenet"
  }
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
  }
})",
    .level = Level::Note,
    .precision = Precision::VeryHigh,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

bool is_kubenet(const Value& v) { return string_is_any(v, {"kubenet"}); }

constexpr AttributeCheck kCheck{
    .path = "properties.networkProfile.networkPlugin",
    .violates = is_kubenet,
    .message = "Cluster '{name}' uses the retired kubenet network plugin; use Azure CNI Overlay.",
};

}  // namespace

std::unique_ptr<Rule> make_rule_kubenet_network_plugin() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
