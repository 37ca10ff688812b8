// AKS102: the node resource group is expected in another subscription than the cluster.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

#include <string>
#include <unordered_map>
#include <vector>

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

// Every place a resource group is expected in a subscription, by lower-case group name, in
// graph order: resource group declarations, and resources deployed into a named group. Built
// once, so that each cluster looks up its node resource group instead of visiting every
// resource.
class Placements {
 public:
  explicit Placements(const ResourceGraph& g) {
    for (const VertexId v : g.resources()) {
      const Resource& r = g.resource(v);
      if (const auto rg_name = r.name.as_string(); r.is(kResourceGroupType) && rg_name) {
        by_name_[ascii_lowercase(*rg_name)].push_back({&r, known_subscription(r)});
      }
      for (const VertexId target : g.targets(v, EdgeKind::DeployedInto)) {
        const ScopeVertex& s = g.scope(target);
        if (s.kind != ScopeKind::Subscription) by_name_[ascii_lowercase(s.name)].push_back({&r, s.subscription});
      }
    }
  }

  // The first place that expects group `name` in a subscription other than the cluster's.
  [[nodiscard]] std::optional<Elsewhere> elsewhere(std::string_view name, std::string_view cluster_sub) const {
    const auto it = by_name_.find(ascii_lowercase(name));
    if (it == by_name_.end()) return std::nullopt;
    for (const Elsewhere& place : it->second) {
      if (other_subscription(place.subscription, cluster_sub)) return place;
    }
    return std::nullopt;
  }

 private:
  std::unordered_map<std::string, std::vector<Elsewhere>> by_name_;
};

class NodeRgCrossSubscriptionRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    const ResourceGraph& g = ctx.graph();
    const Placements placements(g);
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
      if (const auto other = placements.elsewhere(*text, sub)) {
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
