// AKS735 (opt-in): nodes reach the internet directly, not through a firewall.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "networking", "egress"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/limit-egress-traffic",
    "https://learn.microsoft.com/azure/aks/egress-outboundtype",
};

constexpr RuleMetadata kMeta{
    .id = "AKS735",
    .slug = "unrestricted-egress",
    .title = "Cluster egress goes straight to the internet through its load balancer.",
    .summary = "Flags clusters whose outbound type (`networkProfile.outboundType`, Terraform "
               "`network_profile.outbound_type`) is `loadBalancer`, written or by default. Opt-in: direct egress "
               "is AKS's default and fine for many clusters.",
    .why = "With the load balancer as the way out, every pod can reach any address on the internet: nothing "
           "filters or logs what leaves the cluster, so exfiltration and malware downloads go unnoticed. A "
           "firewall or network virtual appliance on a user-defined route lets only the traffic AKS and the "
           "workloads need through.",
    .fix = "Route egress through Azure Firewall or another appliance: set `outboundType` to "
           "`userDefinedRouting` with a route table on the node subnet whose default route points at the "
           "firewall, and allow the FQDNs AKS needs.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  network_profile {
    network_plugin = "azure"
    outbound_type  = "loadBalancer"
  }
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  network_profile {
    network_plugin = "azure"
    outbound_type  = "userDefinedRouting"
  }
})",
    .level = Level::Note,
    .security_severity = 4.0,
    .precision = Precision::Medium,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
    .opt_in = true,
};

bool load_balancer(const Value& value) { return string_is_any(value, {"loadBalancer"}); }

constexpr AttributeCheck kCheck{
    .target = CheckTarget::Cluster,
    .path = "properties.networkProfile.outboundType",
    .violates = load_balancer,
    .absent_violates = true,
    .message = "Cluster '{name}' sends egress straight out through its load balancer (outboundType = {value}); "
               "route it through a firewall.",
    .absent_message = "Cluster '{name}' sends egress straight out through its load balancer (the default "
                      "outbound type); route it through a firewall.",
};

}  // namespace

std::unique_ptr<Rule> make_rule_unrestricted_egress() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
