// AKS716: run command left enabled on a private cluster.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "api-server"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/access-private-cluster"};

constexpr RuleMetadata kMeta{
    .id = "AKS716",
    .slug = "run-command-enabled",
    .title = "A private cluster accepts kubectl commands through the Azure run command.",
    .summary = "Flags private clusters whose `apiServerAccessProfile.disableRunCommand` is false or absent "
               "(Terraform `run_command_enabled`, true by default). Public clusters are not judged.",
    .why = "`az aks command invoke` runs kubectl inside the cluster for anyone with the Azure role to call it, "
           "reaching a private API server from the internet through Azure Resource Manager. Level note, "
           "security-severity 4.0 (medium): a second path around the private endpoint.",
    .fix = "Set `disableRunCommand: true` (`run_command_enabled = false`) unless operators rely on it, and "
           "reach the API server through the virtual network.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  private_cluster_enabled = true
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  private_cluster_enabled = true
  run_command_enabled     = false
})",
    .level = Level::Note,
    .security_severity = 4.0,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

constexpr AttributeCheck kCheck{
    .path = "properties.apiServerAccessProfile.disableRunCommand",
    .violates = is_false,
    .absent_violates = true,
    .message = "Private cluster '{name}' keeps the run command enabled (disableRunCommand = {value}).",
    .absent_message = "Private cluster '{name}' keeps the run command enabled (the default).",
    .when = {"properties.apiServerAccessProfile.enablePrivateCluster", is_true},
};

}  // namespace

std::unique_ptr<Rule> make_rule_run_command_enabled() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
