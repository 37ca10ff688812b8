// AKS201: a System-mode node pool must keep at least one node.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "node-pool", "scaling"};
constexpr std::string_view kTypes[] = {kManagedClusterType, kAgentPoolType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/use-system-pools",
    "https://learn.microsoft.com/azure/aks/start-stop-cluster",
};

constexpr RuleMetadata kMeta{
    .id = "AKS201",
    .slug = "system-pool-scaled-to-zero",
    .title = "A System-mode node pool is scaled, or may autoscale, to zero nodes.",
    .summary = "Flags System-mode node pools whose node count is 0, or whose cluster autoscaler minimum is 0. "
               "System pools host CoreDNS, metrics-server and other critical add-ons; AKS rejects a System "
               "pool without nodes. User-mode pools may scale to zero and are not flagged.",
    .why = "AKS requires every cluster to keep at least one System-mode node pool with at least one node. "
           "A deployment that sets a System pool's `count` (Terraform `node_count`) or its autoscaler "
           "`minCount` (`min_count`) to 0 fails, or leaves the cluster without the nodes that run its "
           "critical add-ons.",
    .fix = "Keep at least one node in every System pool (`count`/`node_count` >= 1 and, with the autoscaler, "
           "`minCount`/`min_count` >= 1). To save cost, scale User pools to zero, or stop the whole cluster "
           "(`az aks stop`), which is the supported way to pay nothing for its nodes.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  default_node_pool {
    name       = "system"
    node_count = 0
  }
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  default_node_pool {
    name       = "system"
    node_count = 1
  }
})",
    .level = Level::Error,
    .precision = Precision::VeryHigh,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

bool is_zero(const Value* v) {
  const auto n = v != nullptr ? v->as_number() : std::nullopt;
  return n && *n == 0;
}

class SystemPoolScaledToZeroRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const AgentPool& pool : ctx.agent_pools()) {
      const Value* mode = pool.field("mode");
      const auto mode_text = mode != nullptr ? mode->as_string() : std::nullopt;
      if (!mode_text || !iequals(*mode_text, "System")) continue;  // User, absent or unknown: silent
      if (const Value* count = pool.field("count"); is_zero(count)) {
        ctx.report(*pool.resource, pool.path_of("count"), count,
                   fmt::format("System node pool '{}' has 0 nodes; System pools need at least 1. Scale a User "
                               "pool to zero or stop the cluster instead.",
                               pool.name));
      }
      const Value* autoscale = pool.field("enableAutoScaling");
      const auto autoscaling = autoscale != nullptr ? autoscale->as_bool() : std::nullopt;
      if (const Value* min = pool.field("minCount"); autoscaling.value_or(false) && is_zero(min)) {
        ctx.report(*pool.resource, pool.path_of("minCount"), min,
                   fmt::format("System node pool '{}' lets the cluster autoscaler scale it to 0 nodes "
                               "(minimum 0); set the minimum to at least 1.",
                               pool.name));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_system_pool_scaled_to_zero() {
  return std::make_unique<SystemPoolScaledToZeroRule>();
}

}  // namespace akslint
