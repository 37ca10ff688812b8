// AKS103: a plan changes the node resource group name of an existing cluster.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "node-resource-group", "lifecycle"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/faq#can-i-provide-my-own-name-for-the-aks-node-resource-group",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#node_resource_group",
};

constexpr RuleMetadata kMeta{
    .id = "AKS103",
    .slug = "node-rg-renamed",
    .title = "A plan changes the node resource group name of an existing cluster.",
    .summary = "Flags Terraform plans in which an existing cluster's `node_resource_group` differs before and "
               "after the change. The name can only be set when the cluster is created, so the plan destroys "
               "and recreates the cluster.",
    .why = "AKS fixes the node resource group name at creation. Changing it afterwards is not an update: "
           "Terraform replaces the cluster, deleting its nodes, workloads, persistent disks in the node "
           "resource group and its identity, then builds a new empty cluster.",
    .fix = "Keep the node resource group name the cluster was created with (copy it from the state or "
           "`az aks show --query nodeResourceGroup`). If a new name is really wanted, create a new cluster "
           "beside the old one and migrate the workloads.",
    .noncompliant_example = R"(# before: node_resource_group = "MC_rg-aks_aks-prod_westeurope"
resource "azurerm_kubernetes_cluster" "aks" {
  node_resource_group = "rg-aks-nodes"
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  node_resource_group = "MC_rg-aks_aks-prod_westeurope"
})",
    .level = Level::Error,
    .precision = Precision::VeryHigh,
    .formats = static_cast<FormatSet>(InputFormat::TerraformPlan),
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

constexpr std::string_view kPath = "properties.nodeResourceGroup";

std::optional<std::string_view> known_at(const Value& side, std::string_view path) {
  const Value* v = side.at(path);
  return v != nullptr ? v->as_string() : std::nullopt;
}

class NodeRgRenamedRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const VertexId v : ctx.graph().resources_of(kManagedClusterType)) {
      const Resource& cluster = ctx.graph().resource(v);
      const auto& change = cluster.change;
      if (!change || (change->action != ChangeAction::Update && change->action != ChangeAction::Replace)) continue;
      const auto before = known_at(change->before, kPath);
      const auto after = known_at(change->after, kPath);
      if (!before || !after || *before == *after) continue;  // unknown after apply: silent
      ctx.report(cluster, kPath, cluster.at(kPath),
                 fmt::format("This plan changes the node resource group of existing cluster '{}' from '{}' to '{}'; "
                             "the name is fixed at creation, so the cluster would be destroyed and recreated. Keep "
                             "'{}'.",
                             display_name(cluster), *before, *after, *before));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_node_rg_renamed() { return std::make_unique<NodeRgRenamedRule>(); }

}  // namespace akslint
