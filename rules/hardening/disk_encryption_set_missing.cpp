// AKS733 (opt-in): node disks are not encrypted with a customer-managed key.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "encryption", "compliance"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr PeerRule kPeers[] = {{"Checkov", "CKV_AZURE_117"}};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/azure-disk-customer-managed-keys"};

constexpr RuleMetadata kMeta{
    .id = "AKS733",
    .slug = "disk-encryption-set-missing",
    .title = "Node OS and data disks are not encrypted with a customer-managed key.",
    .summary = "Flags clusters without a disk encryption set (`diskEncryptionSetID`, Terraform "
               "`disk_encryption_set_id`). Opt-in: platform-managed keys already encrypt every disk.",
    .why = "Azure encrypts managed disks with platform-managed keys by default. Some compliance regimes ask "
           "for keys the organisation holds and can revoke; for the nodes' disks that is a disk encryption "
           "set with a Key Vault key, and it can only be chosen when the cluster is created.",
    .fix = "Create a disk encryption set with a key in Key Vault, grant the cluster's identity access to it, and "
           "set `diskEncryptionSetID` (`disk_encryption_set_id`) on the cluster when it is created.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  # no disk_encryption_set_id
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  disk_encryption_set_id = azurerm_disk_encryption_set.aks.id
})",
    .level = Level::Note,
    .security_severity = 2.0,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
    .opt_in = true,
};

// Any value written is a disk encryption set; only its absence is the finding.
bool never(const Value& /*value*/) { return false; }

constexpr AttributeCheck kCheck{
    .target = CheckTarget::Cluster,
    .path = "properties.diskEncryptionSetID",
    .violates = never,
    .absent_violates = true,
    .absent_message = "Cluster '{name}' encrypts its node disks with platform-managed keys; set a disk encryption "
                      "set for customer-managed keys.",
};

}  // namespace

std::unique_ptr<Rule> make_rule_disk_encryption_set_missing() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
