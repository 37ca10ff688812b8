// AKS402: Windows node pools that nothing ever updates.
#include <akslint/analyzer/Rule.h>
#include <akslint/analyzer/Upgrades.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "operations", "upgrades", "windows"};
constexpr std::string_view kTypes[] = {kManagedClusterType, kAgentPoolType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/faq#how-are-security-updates-applied-to-aks-nodes-",
    "https://learn.microsoft.com/azure/aks/auto-upgrade-node-os-image",
    "https://learn.microsoft.com/azure/aks/upgrade-windows-os",
};

constexpr RuleMetadata kMeta{
    .id = "AKS402",
    .slug = "windows-pool-manual-updates",
    .title = "A Windows node pool gets no updates.",
    .summary = "Flags Windows node pools of clusters whose node OS upgrade channel is `None` or `Unmanaged` "
               "while no automatic cluster upgrade channel is set.",
    .why = "Windows Update does not run on AKS Windows Server nodes. They get patches only when their node "
           "image is upgraded, which replaces each node with one built from the latest image. With the node "
           "OS channel at `None`, or `Unmanaged` (which leaves patching to the OS, and Windows nodes do not "
           "patch themselves), and no cluster auto-upgrade, nothing upgrades the image, so the pool falls "
           "further behind every Patch Tuesday.",
    .fix = "Set the node OS upgrade channel to `NodeImage` (`autoUpgradeProfile.nodeOSUpgradeChannel`, "
           "Terraform `node_os_upgrade_channel`), with a maintenance window, or upgrade the Windows pools' "
           "node image on a schedule of your own after each Windows Update release.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  node_os_upgrade_channel = "None"
}
resource "azurerm_kubernetes_cluster_node_pool" "win" {
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  os_type               = "Windows"
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  node_os_upgrade_channel = "NodeImage"
})",
    .level = Level::Warning,
    .security_severity = 5.0,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

class WindowsPoolManualUpdatesRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const AgentPool& pool : ctx.agent_pools()) {
      const Value* os_type = pool.field("osType");
      const auto os = os_type != nullptr ? os_type->as_string() : std::nullopt;
      if (!os || !iequals(*os, "Windows") || pool.cluster == nullptr) continue;
      const Value* channel = unpatched_node_channel(*pool.cluster);
      if (channel == nullptr) continue;
      Finding& f = ctx.report(*pool.resource, pool.path_of("osType"), os_type,
                              fmt::format("Windows node pool '{}' is never updated: Windows Update does not run on "
                                          "AKS nodes, and cluster '{}' upgrades no node images (node OS channel "
                                          "'{}', no auto-upgrade). Set the channel to NodeImage or upgrade the "
                                          "pool's node image on a schedule.",
                                          pool.name, display_name(*pool.cluster), *channel->as_string()));
      f.related.push_back({channel->span().valid() ? channel->span() : pool.cluster->origin.header_span,
                           "the cluster's node OS upgrade channel"});
      f.fix = replace_literal(*pool.cluster, *channel, "NodeImage", "Upgrade node images automatically");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_windows_pool_manual_updates() {
  return std::make_unique<WindowsPoolManualUpdatesRule>();
}

}  // namespace akslint
