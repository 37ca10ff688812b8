// AKS715: a private cluster still publishes its API server name in public DNS.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "network", "api-server"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/private-clusters#disable-a-public-fqdn"};

constexpr RuleMetadata kMeta{
    .id = "AKS715",
    .slug = "private-cluster-public-fqdn",
    .title = "A private cluster publishes its API server name in public DNS.",
    .summary = "Flags private clusters (`enablePrivateCluster` true) whose "
               "`apiServerAccessProfile.enablePrivateClusterPublicFQDN` (Terraform "
               "`private_cluster_public_fqdn_enabled`) is true. Public clusters are not judged.",
    .why = "The public FQDN resolves to the API server's private IP from anywhere, disclosing the cluster's "
           "name and internal address. Level note, security-severity 2.0 (low): information disclosure only; "
           "the endpoint stays unreachable from outside.",
    .fix = "Set `enablePrivateClusterPublicFQDN: false` (`private_cluster_public_fqdn_enabled = false`) and "
           "resolve the API server through the private DNS zone.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  private_cluster_enabled             = true
  private_cluster_public_fqdn_enabled = true
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  private_cluster_enabled             = true
  private_cluster_public_fqdn_enabled = false
})",
    .level = Level::Note,
    .security_severity = 2.0,
    .precision = Precision::VeryHigh,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

constexpr AttributeCheck kCheck{
    .path = "properties.apiServerAccessProfile.enablePrivateClusterPublicFQDN",
    .violates = is_true,
    .message = "Private cluster '{name}' also publishes a public FQDN for its API server.",
    .when = {"properties.apiServerAccessProfile.enablePrivateCluster", is_true},
};

}  // namespace

std::unique_ptr<Rule> make_rule_private_cluster_public_fqdn() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
