// AKS712: a node pool uses managed OS disks instead of ephemeral ones.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "performance", "node-pool"};
constexpr std::string_view kTypes[] = {kManagedClusterType, kAgentPoolType};
constexpr PeerRule kPeers[] = {{"Checkov", "CKV_AZURE_226"}, {"PSRule", "Azure.AKS.EphemeralOSDisk"}};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/concepts-storage#ephemeral-os-disk"};

constexpr RuleMetadata kMeta{
    .id = "AKS712",
    .slug = "ephemeral-os-disk-unused",
    .title = "A node pool uses a managed OS disk instead of an ephemeral one.",
    .summary = "Flags every node pool whose `osDiskType` (Terraform `os_disk_type`) is `Managed`. Absent is not "
               "flagged: Azure then picks Ephemeral whenever the VM size's cache or temporary disk can hold the "
               "OS disk, which a template cannot always tell.",
    .why = "Ephemeral OS disks live on the host's local storage: lower read/write latency, faster node scaling "
           "and reimaging, and no remote disk cost. Nodes are stateless, so a managed OS disk buys nothing. "
           "Level note, no security severity.",
    .fix = "Set `osDiskType: 'Ephemeral'` (`os_disk_type = \"Ephemeral\"`) with a VM size whose cache or "
           "temporary disk is at least `osDiskSizeGB`.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster_node_pool" "apps" {
  os_disk_type = "Managed"
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster_node_pool" "apps" {
  os_disk_type = "Ephemeral"
})",
    .level = Level::Note,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

bool is_managed(const Value& v) { return string_is_any(v, {"Managed"}); }

constexpr AttributeCheck kCheck{
    .target = CheckTarget::Pool,
    .path = "osDiskType",
    .violates = is_managed,
    .message = "Node pool '{name}' uses a managed OS disk; ephemeral OS disks are faster and free.",
};

}  // namespace

std::unique_ptr<Rule> make_rule_ephemeral_os_disk_unused() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
