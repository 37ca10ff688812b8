// AKS714: a System pool also schedules application pods.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTaint = "CriticalAddonsOnly=true:NoSchedule";

constexpr std::string_view kTags[] = {"reliability", "node-pool"};
constexpr std::string_view kTypes[] = {kManagedClusterType, kAgentPoolType};
constexpr PeerRule kPeers[] = {{"Checkov", "CKV_AZURE_232"}};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/use-system-pools"};

constexpr RuleMetadata kMeta{
    .id = "AKS714",
    .slug = "system-pool-without-critical-taint",
    .title = "A System-mode node pool is not reserved for critical add-ons.",
    .summary = "Flags every System-mode pool that neither sets `onlyCriticalAddonsEnabled` (Terraform "
               "`only_critical_addons_enabled`) nor carries the `CriticalAddonsOnly=true:NoSchedule` taint in "
               "`nodeTaints` (`node_taints`). Pools whose taints or flag are unknown are not judged.",
    .why = "Application pods on System nodes compete with CoreDNS, konnectivity and metrics-server; a noisy "
           "workload can starve them and take the cluster's DNS down. Level note, no security severity.",
    .fix = "Set `only_critical_addons_enabled = true` on the default node pool, or add the taint "
           "`CriticalAddonsOnly=true:NoSchedule` to the System pool, and run workloads on User pools.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  default_node_pool {
    name = "system"
  }
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  default_node_pool {
    name                         = "system"
    only_critical_addons_enabled = true
  }
})",
    .level = Level::Note,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

enum class Reserved : std::uint8_t { Yes, No, Unknown };

Reserved by_flag(const Value* flag) {
  if (flag == nullptr || flag->is_null()) return Reserved::No;
  if (const auto b = flag->as_bool()) return *b ? Reserved::Yes : Reserved::No;
  return Reserved::Unknown;
}

Reserved by_taints(const Value* taints) {
  if (taints == nullptr || taints->is_null()) return Reserved::No;
  const auto* items = taints->as_array();
  if (items == nullptr) return Reserved::Unknown;
  Reserved result = Reserved::No;
  for (const Value& taint : *items) {
    const auto text = taint.as_string();
    if (!text) result = Reserved::Unknown;
    else if (iequals(*text, kTaint)) return Reserved::Yes;
  }
  return result;
}

class SystemPoolWithoutCriticalTaintRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const AgentPool& pool : ctx.agent_pools()) {
      const Value* mode = pool.field("mode");
      const auto mode_text = mode != nullptr ? mode->as_string() : std::nullopt;
      if (pool.resource->existing || !mode_text || !iequals(*mode_text, "System")) continue;
      const Reserved flag = by_flag(pool.field("onlyCriticalAddonsEnabled"));
      const Reserved taints = by_taints(pool.field("nodeTaints"));
      if (flag != Reserved::No || taints != Reserved::No) continue;  // reserved, or not known
      const bool inline_profile = pool.profile_path != "properties";
      ctx.report(*pool.resource, pool.path_of("nodeTaints"), inline_profile ? pool.profile : nullptr,
                 fmt::format("System node pool '{}' also schedules application pods; set "
                             "only_critical_addons_enabled or the taint {}.",
                             pool.name, kTaint));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_system_pool_without_critical_taint() {
  return std::make_unique<SystemPoolWithoutCriticalTaintRule>();
}

}  // namespace akslint
