// AKS702: the API server has a public endpoint.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "network", "api-server"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr PeerRule kPeers[] = {{"Checkov", "CKV_AZURE_115"}};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/private-clusters"};

constexpr RuleMetadata kMeta{
    .id = "AKS702",
    .slug = "private-cluster-disabled",
    .title = "The cluster's API server is reachable on a public endpoint.",
    .summary = "Flags clusters whose `apiServerAccessProfile.enablePrivateCluster` (Terraform "
               "`private_cluster_enabled`) is false or absent (public is Azure's default). Whether the public "
               "endpoint admits everyone is AKS304's question; this rule only notes that it exists.",
    .why = "A private cluster keeps the API server on a private IP in the cluster's virtual network, so the "
           "control plane is not exposed to the internet at all. A public endpoint limited to authorized IP "
           "ranges is an accepted alternative, which is why this is a note with security-severity 4.0 "
           "(medium): it widens the attack surface but is not by itself an open door.",
    .fix = "Set `enablePrivateCluster: true` (`private_cluster_enabled = true`) when creating the cluster, or "
           "restrict the public endpoint with authorized IP ranges (see AKS304).",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  private_cluster_enabled = false
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  private_cluster_enabled = true
})",
    .level = Level::Note,
    .security_severity = 4.0,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

constexpr AttributeCheck kCheck{
    .path = "properties.apiServerAccessProfile.enablePrivateCluster",
    .violates = is_false,
    .absent_violates = true,
    .message = "Cluster '{name}' publishes its API server on a public endpoint (enablePrivateCluster = {value}).",
    .absent_message = "Cluster '{name}' publishes its API server on a public endpoint (private cluster not "
                      "enabled; public is the default).",
};

}  // namespace

std::unique_ptr<Rule> make_rule_private_cluster_disabled() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
