// AKS301: a cluster uses a network, placement group or encryption set in another region.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "network", "region"};
constexpr std::string_view kTypes[] = {kManagedClusterType, kSubnetType, kVirtualNetworkType,
                                       kProximityPlacementGroupType, kDiskEncryptionSetType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/faq#can-i-deploy-aks-across-regions",
    "https://learn.microsoft.com/azure/aks/configure-azure-cni#prerequisites",
};

constexpr RuleMetadata kMeta{
    .id = "AKS301",
    .slug = "cluster-spans-regions",
    .title = "A cluster uses a subnet, proximity placement group or disk encryption set in another region.",
    .summary = "Flags clusters whose node or pod subnet (through its virtual network), proximity placement group "
               "or disk encryption set is declared in a location other than the cluster's.",
    .why = "An AKS cluster is a regional resource: its nodes must sit in a virtual network, proximity placement "
           "group and disk encryption set of the same region, and Azure rejects the deployment otherwise. "
           "Running in several regions takes one cluster per region.",
    .fix = "Use a virtual network, placement group and disk encryption set in the cluster's region, or deploy "
           "one cluster per region, each with its own network, and spread traffic across them (Azure Front "
           "Door, Traffic Manager).",
    .noncompliant_example = R"(resource "azurerm_virtual_network" "net" {
  location = "northeurope"
}

resource "azurerm_kubernetes_cluster" "aks" {
  location = "westeurope"
  default_node_pool {
    vnet_subnet_id = azurerm_subnet.nodes.id
  }
})",
    .compliant_example = R"(resource "azurerm_virtual_network" "net" {
  location = "westeurope"
})",
    .level = Level::Error,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

std::optional<std::string> location_of(const Resource& r) {
  const Value* location = r.at("location");
  const auto text = location != nullptr ? location->as_string() : std::nullopt;
  if (!text) return std::nullopt;
  return normalized_location(*text);
}

// The resource whose location decides for `v`: a subnet's virtual network, else itself.
const Resource& located(const ResourceGraph& g, VertexId v) {
  if (g.resource(v).is(kSubnetType)) {
    for (const Edge& e : g.in_edges(v, EdgeKind::ParentOf)) {
      if (g.is_resource(e.source) && g.resource(e.source).is(kVirtualNetworkType)) return g.resource(e.source);
    }
  }
  return g.resource(v);
}

std::string_view what(const Resource& r) {
  if (r.is(kVirtualNetworkType)) return "virtual network";
  if (r.is(kProximityPlacementGroupType)) return "proximity placement group";
  return "disk encryption set";
}

class ClusterSpansRegionsRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    const ResourceGraph& g = ctx.graph();
    for (const VertexId v : g.resources_of(kManagedClusterType)) {
      const Resource& cluster = g.resource(v);
      const auto region = location_of(cluster);
      if (cluster.existing || !region) continue;
      for (const Edge& e : g.out_edges(v)) {
        if (e.kind != EdgeKind::SubnetOf && e.kind != EdgeKind::PlacedIn && e.kind != EdgeKind::EncryptedWith) continue;
        const Resource& other = located(g, e.target);
        const auto other_region = location_of(other);
        if (!other_region || *other_region == *region || other.is(kSubnetType)) continue;
        Finding& f = ctx.report(cluster, e.from_path, cluster.at(e.from_path),
                                fmt::format("Cluster '{}' in '{}' uses {} '{}' in '{}'; a cluster and its network, "
                                            "placement group and disk encryption set must share one region. Use "
                                            "one in '{}', or one cluster per region.",
                                            display_name(cluster), *region, what(other), display_name(other),
                                            *other_region, *region));
        if (e.span.valid()) f.primary = e.span;
        f.related.push_back(related_to(other, fmt::format("{} in '{}'", what(other), *other_region)));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_cluster_spans_regions() { return std::make_unique<ClusterSpansRegionsRule>(); }

}  // namespace akslint
