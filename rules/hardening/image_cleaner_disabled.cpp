// AKS721: Image Cleaner is off, so vulnerable unused images stay on nodes.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "node-pool"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/image-cleaner"};

constexpr RuleMetadata kMeta{
    .id = "AKS721",
    .slug = "image-cleaner-disabled",
    .title = "Image Cleaner is not enabled on the cluster.",
    .summary = "Flags clusters whose `securityProfile.imageCleaner.enabled` (Terraform `image_cleaner_enabled`) "
               "is false or absent (off is Azure's default).",
    .why = "Unused images with known vulnerabilities stay cached on nodes, where they can be started again "
           "and inflate vulnerability reports. Level note, security-severity 2.0 (low).",
    .fix = "Set `securityProfile: { imageCleaner: { enabled: true, intervalHours: 168 } }` "
           "(`image_cleaner_enabled = true`, `image_cleaner_interval_hours = 168`).",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  image_cleaner_enabled = false
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  image_cleaner_enabled        = true
  image_cleaner_interval_hours = 168
})",
    .level = Level::Note,
    .security_severity = 2.0,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

constexpr AttributeCheck kCheck{
    .path = "properties.securityProfile.imageCleaner.enabled",
    .violates = is_false,
    .absent_violates = true,
    .message = "Cluster '{name}' has Image Cleaner disabled (imageCleaner.enabled = {value}).",
    .absent_message = "Cluster '{name}' does not enable Image Cleaner.",
};

}  // namespace

std::unique_ptr<Rule> make_rule_image_cleaner_disabled() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
