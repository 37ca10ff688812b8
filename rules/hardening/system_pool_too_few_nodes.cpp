// AKS724: a System pool has fewer than three nodes.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr double kMinimumSystemNodes = 3;

constexpr std::string_view kTags[] = {"reliability", "node-pool"};
constexpr std::string_view kTypes[] = {kManagedClusterType, kAgentPoolType};
constexpr PeerRule kPeers[] = {{"PSRule", "Azure.AKS.MinNodeCount"}};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/use-system-pools"};

constexpr RuleMetadata kMeta{
    .id = "AKS724",
    .slug = "system-pool-too-few-nodes",
    .title = "A System-mode node pool has fewer than three nodes.",
    .summary = "Flags System-mode pools whose node `count` (Terraform `node_count`), or autoscaler `minCount` "
               "(`min_count`) when autoscaling, is known and below 3. A count of 0 is AKS201's finding.",
    .why = "With fewer than three System nodes, an upgrade or a single node failure leaves CoreDNS and the "
           "other critical add-ons without room to reschedule. Level note, no security severity.",
    .fix = "Run at least three nodes in System pools (`count`/`minCount` >= 3), ideally across zones.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  default_node_pool {
    node_count = 1
  }
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  default_node_pool {
    node_count = 3
  }
})",
    .level = Level::Note,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

bool too_few(const Value& v) {
  const auto n = v.as_number();
  return n && *n > 0 && *n < kMinimumSystemNodes;
}

constexpr AttributeCheck kCount{
    .target = CheckTarget::SystemPool,
    .path = "count",
    .violates = too_few,
    .message = "System node pool '{name}' has only {value} nodes; run at least 3.",
    .unless = {"enableAutoScaling", is_true},
};
constexpr AttributeCheck kMinCount{
    .target = CheckTarget::SystemPool,
    .path = "minCount",
    .violates = too_few,
    .message = "System node pool '{name}' may autoscale down to {value} nodes; keep at least 3.",
    .when = {"enableAutoScaling", is_true},
};

class SystemPoolTooFewNodesRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }
  void check(RuleContext& ctx) const override {
    run_attribute_check(ctx, kCount);
    run_attribute_check(ctx, kMinCount);
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_system_pool_too_few_nodes() { return std::make_unique<SystemPoolTooFewNodesRule>(); }

}  // namespace akslint
