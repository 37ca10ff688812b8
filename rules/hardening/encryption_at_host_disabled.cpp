// AKS710: a node pool does not encrypt at host.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "node-pool", "encryption"};
constexpr std::string_view kTypes[] = {kManagedClusterType, kAgentPoolType};
constexpr PeerRule kPeers[] = {{"Checkov", "CKV_AZURE_227"}};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/enable-host-encryption"};

constexpr RuleMetadata kMeta{
    .id = "AKS710",
    .slug = "encryption-at-host-disabled",
    .title = "A node pool does not use encryption at host.",
    .summary = "Flags every node pool whose `enableEncryptionAtHost` (Terraform `enable_host_encryption` in 3.x, "
               "`host_encryption_enabled` in 4.x) is false or absent (off is Azure's default).",
    .why = "Without encryption at host, the nodes' temporary disks and OS and data disk caches are stored "
           "unencrypted on the host. Level note, security-severity 3.0 (low): data at rest on Azure hosts, "
           "not reachable from outside.",
    .fix = "Register the `EncryptionAtHost` feature and set `enableEncryptionAtHost: true` "
           "(`host_encryption_enabled = true`) when creating the pool.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster_node_pool" "apps" {
  host_encryption_enabled = false
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster_node_pool" "apps" {
  host_encryption_enabled = true
})",
    .level = Level::Note,
    .security_severity = 3.0,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

constexpr AttributeCheck kCheck{
    .target = CheckTarget::Pool,
    .path = "enableEncryptionAtHost",
    .violates = is_false,
    .absent_violates = true,
    .message = "Node pool '{name}' does not encrypt at host (enableEncryptionAtHost = {value}).",
    .absent_message = "Node pool '{name}' does not enable encryption at host.",
};

}  // namespace

std::unique_ptr<Rule> make_rule_encryption_at_host_disabled() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
