// AKS102: the node resource group is expected in another subscription than the cluster.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "node-resource-group", "subscription"};
constexpr std::string_view kTypes[] = {kManagedClusterType, kResourceGroupType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/faq#can-i-provide-my-own-name-for-the-aks-node-resource-group",
};

constexpr RuleMetadata kMeta{
    .id = "AKS102",
    .slug = "node-rg-cross-subscription",
    .title = "The node resource group is placed in another subscription than its cluster.",
    .summary = "Flags clusters whose node resource group name is declared, or deployed into, in a subscription "
               "other than the cluster's (a provider alias, a Bicep `scope:`, an ARM nested deployment "
               "`subscriptionId`, or a resource id written as the node resource group).",
    .why = "AKS always creates the node resource group in the cluster's own subscription; it cannot live "
           "elsewhere. A deployment that expects it in another subscription creates or targets a different, "
           "unrelated resource group there.",
    .fix = "Keep the node resource group in the cluster's subscription: give `nodeResourceGroup` a plain name "
           "and deploy anything that must reference it with the cluster's subscription. Put shared resources "
           "for other subscriptions in their own resource groups.",
    .noncompliant_example = R"(resource "azurerm_resource_group" "nodes" {
  provider = azurerm.other_subscription
  name     = "rg-aks-nodes"
}

resource "azurerm_kubernetes_cluster" "aks" {
  node_resource_group = "rg-aks-nodes"
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  node_resource_group = "rg-aks-nodes"
})",
    .level = Level::Error,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

struct Elsewhere {
  const Resource* resource;
  std::string subscription;
};

bool other_subscription(std::string_view sub, std::string_view cluster_sub) {
  return !sub.empty() && !cluster_sub.empty() && !iequals(sub, cluster_sub);
}

// A declaration of, or a deployment into, resource group `name` in another known subscription.
std::optional<Elsewhere> find_elsewhere(const ResourceGraph& g, std::string_view name, std::string_view cluster_sub) {
  for (const VertexId v : g.resources()) {
    const Resource& r = g.resource(v);
    const auto rg_name = r.name.as_string();
    if (r.is(kResourceGroupType) && rg_name && iequals(*rg_name, name) &&
        other_subscription(known_subscription(r), cluster_sub)) {
      return Elsewhere{&r, known_subscription(r)};
    }
    for (const Edge& e : g.out_edges(v, EdgeKind::DeployedInto)) {
      const ScopeVertex& s = g.scope(e.target);
      if (s.kind != ScopeKind::Subscription && iequals(s.name, name) && other_subscription(s.subscription, cluster_sub)) {
        return Elsewhere{&r, s.subscription};
      }
    }
  }
  return std::nullopt;
}

class NodeRgCrossSubscriptionRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    const ResourceGraph& g = ctx.graph();
    for (const VertexId v : g.resources_of(kManagedClusterType)) {
      const Resource& cluster = g.resource(v);
      const Value* written = cluster.at("properties.nodeResourceGroup");
      const auto text = written != nullptr ? written->as_string() : std::nullopt;
      if (cluster.existing || !text) continue;
      const std::string sub = known_subscription(cluster);
      if (const auto id = parse_resource_id(*text); id && other_subscription(id->subscription, sub)) {
        ctx.report(cluster, "properties.nodeResourceGroup", written,
                   fmt::format("Cluster '{}' names its node resource group in subscription '{}', but AKS creates it "
                               "in the cluster's subscription '{}'; give a plain resource group name.",
                               display_name(cluster), id->subscription, sub));
        continue;
      }
      if (const auto other = find_elsewhere(g, *text, sub)) {
        Finding& f = ctx.report(
            cluster, "properties.nodeResourceGroup", written,
            fmt::format("Cluster '{}' uses node resource group '{}', which AKS creates in the cluster's subscription "
                        "'{}', but '{}' expects it in subscription '{}'; keep the node resource group and what "
                        "references it in the cluster's subscription.",
                        display_name(cluster), *text, sub, display_name(*other->resource), other->subscription));
        f.related.push_back(related_to(*other->resource, fmt::format("in subscription '{}'", other->subscription)));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_node_rg_cross_subscription() { return std::make_unique<NodeRgCrossSubscriptionRule>(); }

}  // namespace akslint
