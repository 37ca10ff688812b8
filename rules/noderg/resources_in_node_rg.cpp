// AKS104: user resources deployed into a cluster's node resource group.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

#include <algorithm>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "node-resource-group"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/faq#why-are-two-resource-groups-created-with-aks",
    "https://learn.microsoft.com/azure/aks/node-resource-group-lockdown",
};

constexpr RuleMetadata kMeta{
    .id = "AKS104",
    .slug = "resources-in-node-rg",
    .title = "A resource is deployed into a cluster's node resource group.",
    .summary = "Flags resources that a deployment places into the node resource group of a cluster (written "
               "or the default `MC_...` name). Policy assignments scoped to the group are the supported way to "
               "govern it and are not flagged; resources AKS itself creates are AKS105's concern.",
    .why = "The node resource group belongs to the cluster: AKS deletes it, with everything in it, when the "
           "cluster is deleted, and node resource group lockdown denies changes to it. Only resources whose "
           "lifecycle is the cluster's belong there.",
    .fix = "Deploy the resource into another resource group, and reference it from the cluster where needed "
           "(for example a static public IP: grant the cluster identity Network Contributor on that group and "
           "set the `service.beta.kubernetes.io/azure-load-balancer-resource-group` annotation).",
    .noncompliant_example = R"(resource "azurerm_public_ip" "ingress" {
  name                = "pip-ingress"
  resource_group_name = azurerm_kubernetes_cluster.aks.node_resource_group
})",
    .compliant_example = R"(resource "azurerm_public_ip" "ingress" {
  name                = "pip-ingress"
  resource_group_name = azurerm_resource_group.network.name
})",
    .level = Level::Warning,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

// Resources that govern the group rather than live in it.
constexpr std::string_view kGoverning[] = {"Microsoft.Authorization/policyAssignments", "Microsoft.Authorization/locks",
                                           "Microsoft.Authorization/roleAssignments", kDeploymentType};

bool governs(const Resource& r) {
  return std::any_of(std::begin(kGoverning), std::end(kGoverning), [&](std::string_view t) { return r.is(t); });
}

class ResourcesInNodeRgRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    const ResourceGraph& g = ctx.graph();
    for (const VertexId c : g.resources_of(kManagedClusterType)) {
      const Resource& cluster = g.resource(c);
      for (const Edge& nrg : g.out_edges(c, EdgeKind::NodeResourceGroupOf)) {
        for (const Edge& in : g.in_edges(nrg.target, EdgeKind::DeployedInto)) {
          const Resource& r = g.resource(in.source);
          if (in.source == c || r.existing || governs(r) || is_aks_created(r) || g.declared_inline(in.source)) {
            continue;
          }
          Finding& f = ctx.report(r, "resourceGroup", nullptr,
                                  fmt::format("'{}' is deployed into '{}', the node resource group of cluster '{}'; "
                                              "it will be deleted with the cluster. Deploy it into another "
                                              "resource group.",
                                              display_name(r), g.scope(nrg.target).name, display_name(cluster)));
          if (in.span.valid()) f.primary = in.span;
          f.related.push_back({nrg.span, fmt::format("node resource group of cluster '{}'", display_name(cluster))});
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_resources_in_node_rg() { return std::make_unique<ResourcesInNodeRgRule>(); }

}  // namespace akslint
