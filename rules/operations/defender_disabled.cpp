// AKS405: Microsoft Defender for Containers is not enabled on a cluster.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "operations"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-enable",
};
constexpr PeerRule kPeers[] = {{"PSRule", "Azure.AKS.DefenderProfile"}};
constexpr std::string_view kPath = "properties.securityProfile.defender.securityMonitoring.enabled";

constexpr RuleMetadata kMeta{
    .id = "AKS405",
    .slug = "defender-disabled",
    .title = "Microsoft Defender for Containers is not enabled on the cluster.",
    .summary = "Flags clusters whose Defender security monitoring "
               "(`securityProfile.defender.securityMonitoring.enabled`, Terraform `microsoft_defender`) is off "
               "or not configured.",
    .why = "Without the Defender profile, the cluster's nodes and workloads send no runtime security events: "
           "threats such as crypto-mining containers, privileged escapes or suspicious API calls go unnoticed.",
    .fix = "Enable Defender security monitoring with a Log Analytics workspace (`securityProfile.defender`, "
           "Terraform `microsoft_defender { log_analytics_workspace_id = ... }`), or enable Defender for "
           "Containers on the subscription with its automatic provisioning.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  # no microsoft_defender block
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  microsoft_defender {
    log_analytics_workspace_id = azurerm_log_analytics_workspace.law.id
  }
})",
    .level = Level::Note,
    .security_severity = 4.0,
    .precision = Precision::Medium,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

class DefenderDisabledRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const VertexId v : ctx.graph().resources_of(kManagedClusterType)) {
      const Resource& cluster = ctx.graph().resource(v);
      if (cluster.existing) continue;
      const Value* enabled = cluster.at(kPath);
      const auto on = enabled != nullptr ? enabled->as_bool() : std::nullopt;
      const bool off = on ? !*on : (enabled == nullptr && known_absent(cluster.body, kPath));
      if (!off) continue;
      ctx.report(cluster, kPath, enabled,
                 fmt::format("Cluster '{}' does not enable Microsoft Defender security monitoring; enable the "
                             "Defender profile so runtime threats are detected.",
                             display_name(cluster)));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_defender_disabled() { return std::make_unique<DefenderDisabledRule>(); }

}  // namespace akslint
