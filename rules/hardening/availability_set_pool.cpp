// AKS722: a node pool runs on an availability set instead of a scale set.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "node-pool"};
constexpr std::string_view kTypes[] = {kManagedClusterType, kAgentPoolType};
constexpr PeerRule kPeers[] = {{"PSRule", "Azure.AKS.PoolScaleSet"}};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/availability-sets-on-aks"};

constexpr RuleMetadata kMeta{
    .id = "AKS722",
    .slug = "availability-set-pool",
    .title = "A node pool uses an availability set instead of a virtual machine scale set.",
    .summary = "Flags every node pool whose `type` (Terraform `type`) is `AvailabilitySet`. Absent is "
               "`VirtualMachineScaleSets`, Azure's default.",
    .why = "Availability set pools are retired: no cluster autoscaler, no multiple pools, no availability "
           "zones. Level warning, no security severity.",
    .fix = "Use `type: 'VirtualMachineScaleSets'` (the default); the type is fixed at creation.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  default_node_pool {
    type = "AvailabilitySet"
  }
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  default_node_pool {
    type = "VirtualMachineScaleSets"
  }
})",
    .level = Level::Warning,
    .precision = Precision::VeryHigh,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

bool is_availability_set(const Value& v) { return string_is_any(v, {"AvailabilitySet"}); }

constexpr AttributeCheck kCheck{
    .target = CheckTarget::Pool,
    .path = "type",
    .violates = is_availability_set,
    .message = "Node pool '{name}' runs on a retired availability set; use virtual machine scale sets.",
};

}  // namespace

std::unique_ptr<Rule> make_rule_availability_set_pool() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
