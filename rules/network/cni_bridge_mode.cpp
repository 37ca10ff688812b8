// AKS302: Azure CNI in bridge mode.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "network", "cni"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/faq#what-is-azure-cni-transparent-mode-vs-bridge-mode",
    "https://learn.microsoft.com/rest/api/aks/managed-clusters/create-or-update#networkmode",
};

constexpr RuleMetadata kMeta{
    .id = "AKS302",
    .slug = "cni-bridge-mode",
    .title = "Azure CNI runs in bridge mode.",
    .summary = "Flags clusters whose network profile sets `networkMode` (Terraform `network_mode`) to `bridge`. "
               "Transparent mode, the default, and clusters that do not set the mode are not flagged.",
    .why = "In bridge mode pods sit behind a Linux bridge (azure0) on each node. That adds a hop to every "
           "packet, causes DNS latency and conntrack races, floods UDP traffic to every pod on the bridge, and "
           "breaks custom DNS set on the VNet. Transparent mode routes pod traffic through the host's routing "
           "table and avoids all of these; it is the default for new clusters.",
    .fix = "Remove `networkMode` (`network_mode`) or set it to `transparent`. The mode applies to new nodes: "
           "roll the node pools (upgrade or node image upgrade) after the change.",
    .noncompliant_example = R"(network_profile {
  network_plugin = "azure"
  network_mode   = "bridge"
})",
    .compliant_example = R"(network_profile {
  network_plugin = "azure"
})",
    .level = Level::Warning,
    .precision = Precision::VeryHigh,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

constexpr std::string_view kPath = "properties.networkProfile.networkMode";

class CniBridgeModeRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const VertexId v : ctx.graph().resources_of(kManagedClusterType)) {
      const Resource& cluster = ctx.graph().resource(v);
      const Value* mode = cluster.at(kPath);
      const auto text = mode != nullptr ? mode->as_string() : std::nullopt;
      if (cluster.existing || !text || !iequals(*text, "bridge")) continue;
      Finding& f = ctx.report(cluster, kPath, mode,
                              fmt::format("Cluster '{}' runs Azure CNI in bridge mode; remove the network mode or "
                                          "set it to 'transparent' (the default) to avoid DNS latency, UDP "
                                          "flooding and custom DNS failures.",
                                          display_name(cluster)));
      f.fix = replace_literal(cluster, *mode, "transparent", "Use transparent mode");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_cni_bridge_mode() { return std::make_unique<CniBridgeModeRule>(); }

}  // namespace akslint
