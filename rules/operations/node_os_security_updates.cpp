// AKS401: node OS security patches are never applied.
#include <akslint/analyzer/Rule.h>
#include <akslint/analyzer/Upgrades.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "operations", "upgrades"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/auto-upgrade-node-os-image",
    "https://learn.microsoft.com/azure/aks/node-updates-kured",
};
constexpr PeerRule kPeers[] = {{"PSRule", "Azure.AKS.NodeAutoUpgrade"}};

constexpr RuleMetadata kMeta{
    .id = "AKS401",
    .slug = "node-os-security-updates",
    .title = "Node OS security updates are not applied automatically.",
    .summary = "Flags clusters whose node OS upgrade channel is `None` or `Unmanaged` while no automatic "
               "cluster upgrade channel is set.",
    .why = "Linux nodes download security patches nightly, but many need a reboot to take effect, and AKS "
           "only reboots or reimages nodes through an upgrade channel. With `None` nothing is patched; with "
           "`Unmanaged` patches wait for reboots nobody schedules (and Windows nodes get none).",
    .fix = "Set the node OS upgrade channel to `NodeImage` (the default) or `SecurityPatch` "
           "(`autoUpgradeProfile.nodeOSUpgradeChannel`, Terraform `node_os_upgrade_channel`), with a "
           "maintenance window for when it may run.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  node_os_upgrade_channel = "None"
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  node_os_upgrade_channel = "NodeImage"
})",
    .level = Level::Warning,
    .security_severity = 5.0,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

class NodeOsSecurityUpdatesRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const VertexId v : ctx.graph().resources_of(kManagedClusterType)) {
      const Resource& cluster = ctx.graph().resource(v);
      const Value* node_channel = unpatched_node_channel(cluster);
      if (node_channel == nullptr) continue;
      Finding& f = ctx.report(cluster, kNodeOsChannelPath, node_channel,
                              fmt::format("Cluster '{}' sets the node OS upgrade channel to '{}' without automatic "
                                          "upgrades, so node security patches are never applied; use NodeImage or "
                                          "SecurityPatch.",
                                          display_name(cluster), *node_channel->as_string()));
      f.fix = replace_literal(cluster, *node_channel, "NodeImage", "Upgrade node images automatically");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_node_os_security_updates() {
  return std::make_unique<NodeOsSecurityUpdatesRule>();
}

}  // namespace akslint
