// AKS729: the cluster upgrades itself with no maintenance window for it.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "operations", "upgrades"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr PeerRule kPeers[] = {{"PSRule", "Azure.AKS.MaintenanceWindow"}};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/planned-maintenance",
    "https://learn.microsoft.com/azure/aks/auto-upgrade-cluster",
    "https://learn.microsoft.com/azure/aks/auto-upgrade-node-os-image",
};
constexpr std::string_view kMaintenanceConfigurationType =
    "Microsoft.ContainerService/managedClusters/maintenanceConfigurations";

constexpr RuleMetadata kMeta{
    .id = "AKS729",
    .slug = "maintenance-window-missing",
    .title = "The cluster upgrades itself with no maintenance window.",
    .summary = "Flags clusters whose cluster auto-upgrade channel is set to anything but `none` without an "
               "`aksManagedAutoUpgradeSchedule` maintenance configuration, and clusters whose node OS upgrade "
               "channel is written as `NodeImage` or `SecurityPatch` without an `aksManagedNodeOSUpgradeSchedule` "
               "(in a plan, the value the provider plans counts as written).",
    .why = "An upgrade channel makes AKS upgrade the control plane or reimage nodes on its own; without a "
           "maintenance window for that channel the drain-and-replace can start at any hour, including peak "
           "load when pods have nowhere to go. The `default` configuration covers AKS's weekly releases, not "
           "these upgrades.",
    .fix = "Add the matching planned maintenance configuration: `aksManagedAutoUpgradeSchedule` for the "
           "cluster channel and `aksManagedNodeOSUpgradeSchedule` for the node OS channel (child resources "
           "`managedClusters/maintenanceConfigurations`; Terraform blocks `maintenance_window_auto_upgrade` "
           "and `maintenance_window_node_os`).",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  automatic_upgrade_channel = "stable"
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  automatic_upgrade_channel = "stable"
  maintenance_window_auto_upgrade {
    frequency   = "Weekly"
    interval    = 1
    duration    = 4
    day_of_week = "Sunday"
    start_time  = "02:00"
  }
})",
    .level = Level::Note,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

// An upgrade channel and the maintenance configuration AKS schedules it by.
struct UpgradeChannel {
  std::string_view path;
  std::string_view label;
  std::string_view window;           // maintenance configuration name
  std::string_view terraform_block;  // the azurerm block that declares it
  bool (*upgrades_itself)(std::string_view value);
};

bool cluster_channel_upgrades(std::string_view value) { return !iequals(value, "none"); }
// `None` and `Unmanaged` never reimage nodes. An absent channel is never judged: its default depends
// on the API version, not enough evidence for a note.
bool node_channel_upgrades(std::string_view value) {
  return iequals(value, "NodeImage") || iequals(value, "SecurityPatch");
}

constexpr UpgradeChannel kChannels[] = {
    {"properties.autoUpgradeProfile.upgradeChannel", "cluster auto-upgrade", "aksManagedAutoUpgradeSchedule",
     "maintenance_window_auto_upgrade", cluster_channel_upgrades},
    {"properties.autoUpgradeProfile.nodeOSUpgradeChannel", "node OS upgrade", "aksManagedNodeOSUpgradeSchedule",
     "maintenance_window_node_os", node_channel_upgrades},
};

// Whether a maintenanceConfigurations resource may be `window` of `cluster`: its parent is that
// cluster or not known, and its name is the window's or not known.
bool may_be_window(const ResourceGraph& g, VertexId config, VertexId cluster, std::string_view window) {
  const auto parents = g.in_edges(config, EdgeKind::ParentOf);
  if (!parents.empty() && parents.front().source != cluster) return false;
  const auto name = g.resource(config).name.as_string();
  if (!name) return true;
  return iequals(name->substr(name->rfind('/') + 1), window);
}

// Whether `window` is missing: false when it is declared (inline, as Terraform's blocks land,
// or as a child resource) and also when it might be (a dynamic block, an unresolved name).
bool window_missing(const ResourceGraph& g, VertexId cluster, std::string_view window) {
  const std::string inline_path = fmt::format("maintenanceConfigurations.{}", window);
  const Resource& r = g.resource(cluster);
  if (r.at(inline_path) != nullptr || !known_absent(r.body, inline_path)) return false;
  for (const VertexId config : g.resources_of(kMaintenanceConfigurationType)) {
    if (may_be_window(g, config, cluster, window)) return false;
  }
  return true;
}

class MaintenanceWindowMissingRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    const ResourceGraph& g = ctx.graph();
    for (const VertexId v : g.resources_of(kManagedClusterType)) {
      const Resource& cluster = g.resource(v);
      if (cluster.existing) continue;
      for (const UpgradeChannel& channel : kChannels) check_channel(ctx, v, channel);
    }
  }

 private:
  static void check_channel(RuleContext& ctx, VertexId v, const UpgradeChannel& channel) {
    const Resource& cluster = ctx.graph().resource(v);
    const Value* value = cluster.at(channel.path);
    const auto text = value != nullptr ? value->as_string() : std::nullopt;
    if (!text || value->provenance() == Provenance::Defaulted || !channel.upgrades_itself(*text)) return;
    if (!window_missing(ctx.graph(), v, channel.window)) return;
    ctx.report(cluster, channel.path, value,
               fmt::format("Cluster '{}' sets the {} channel to '{}' but has no '{}' maintenance configuration, "
                           "so these upgrades may start at any hour; add one (Terraform `{}`) to choose when.",
                           display_name(cluster), channel.label, *text, channel.window, channel.terraform_block));
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_maintenance_window_missing() {
  return std::make_unique<MaintenanceWindowMissingRule>();
}

}  // namespace akslint
