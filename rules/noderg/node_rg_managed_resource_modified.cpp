// AKS105: declaring or changing a resource AKS created in the node resource group.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "node-resource-group", "supportability"};
constexpr std::string_view kTypes[] = {kScaleSetType, kNsgType, kRouteTableType, "Microsoft.Network/loadBalancers",
                                       kVirtualNetworkType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/faq#can-i-modify-tags-and-other-properties-of-the-aks-resources-in-the-node-resource-group",
    "https://learn.microsoft.com/azure/aks/node-resource-group-lockdown",
};

constexpr RuleMetadata kMeta{
    .id = "AKS105",
    .slug = "node-rg-managed-resource-modified",
    .title = "A resource AKS created in the node resource group is declared or changed.",
    .summary = "Flags deployments that declare, or change (properties, child resources, tags) the resources AKS "
               "creates in a node resource group: node scale sets, the `kubernetes` load balancers, the "
               "`aks-agentpool-*` NSG and route table, the `aks-vnet-*` network and the `<cluster>-agentpool` "
               "identity, and any resource carrying the Azure-created `aks-managed-*` tags.",
    .why = "AKS reconciles these resources itself. Changes made outside the AKS API are overwritten, or they "
           "make scaling, upgrades and node image updates fail; changing or removing the `aks-managed-*` tags "
           "breaks AKS's own bookkeeping. Such changes are unsupported.",
    .fix = "Make the change through the AKS API: node pool settings, `tags` on the cluster or node pools (they "
           "propagate to the node resources), or an Azure Policy assignment scoped to the node resource group. "
           "Reference AKS-created resources read-only (`existing`, data sources) instead of declaring them.",
    .noncompliant_example = R"(resource "azurerm_network_security_group" "aks" {
  name                = "aks-agentpool-12345678-nsg"
  resource_group_name = "MC_rg-aks_aks-prod_westeurope"
})",
    .compliant_example = R"(data "azurerm_network_security_group" "aks" {
  name                = "aks-agentpool-12345678-nsg"
  resource_group_name = "MC_rg-aks_aks-prod_westeurope"
})",
    .level = Level::Error,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

std::optional<std::string> node_resource_group_of(const ResourceGraph& g, VertexId v) {
  for (const VertexId scope : g.targets(v, EdgeKind::DeployedInto)) {
    if (is_node_resource_group(g.scope(scope))) return g.scope(scope).name;
  }
  return std::nullopt;
}

// The AKS-created resource `v` is or changes: itself, or the parent it is a child of.
const Resource* aks_created_subject(const ResourceGraph& g, VertexId v) {
  if (is_aks_created(g.resource(v))) return &g.resource(v);
  for (const VertexId parent : g.sources(v, EdgeKind::ParentOf)) {
    if (g.is_resource(parent) && is_aks_created(g.resource(parent))) return &g.resource(parent);
  }
  return nullptr;
}

class NodeRgManagedResourceModifiedRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    const ResourceGraph& g = ctx.graph();
    for (const VertexId v : g.resources()) {
      const Resource& r = g.resource(v);
      // Extensions on node scale sets are AKS203's finding, not a second one here.
      if (r.existing || g.declared_inline(v) || r.is(kManagedClusterType) || r.is(kAgentPoolType) ||
          r.is(kScaleSetExtensionType)) {
        continue;
      }
      // The group first: few resources are deployed into a node resource group.
      const auto group = node_resource_group_of(g, v);
      const Resource* subject = group ? aks_created_subject(g, v) : nullptr;
      if (subject == nullptr) continue;
      const std::string what = subject == &r ? fmt::format("declares '{}', a resource AKS created", display_name(r))
                                             : fmt::format("changes '{}', a resource AKS created, through '{}'",
                                                           display_name(*subject), display_name(r));
      Finding& f = ctx.report(r, "", nullptr,
                              fmt::format("This deployment {} in node resource group '{}'; AKS manages it, and "
                                          "changes outside the AKS API are unsupported. Use node pool settings, "
                                          "cluster tags or an Azure Policy assignment instead.",
                                          what, *group));
      if (subject != &r) f.related.push_back(related_to(*subject, "the AKS-created resource"));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_node_rg_managed_resource_modified() {
  return std::make_unique<NodeRgManagedResourceModifiedRule>();
}

}  // namespace akslint
