// AKS601: a plan replaces a cluster because its name, resource group or location changes.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "lifecycle"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/faq#can-i-move-or-migrate-my-cluster-between-azure-tenants",
    "https://learn.microsoft.com/azure/aks/faq#can-i-move-my-cluster-to-a-different-subscription-or-my-subscription-with-my-cluster-to-a-new-tenant",
};

constexpr RuleMetadata kMeta{
    .id = "AKS601",
    .slug = "cluster-move-or-rename",
    .title = "A plan destroys and recreates a cluster to rename or move it.",
    .summary = "Flags Terraform plans that replace a cluster because its name, resource group or location "
               "changes.",
    .why = "AKS does not support renaming a cluster or moving it to another resource group, subscription, "
           "tenant or region. Terraform carries out such a change by deleting the cluster (its nodes, "
           "workloads, node resource group and the disks in it) and creating a new, empty one.",
    .fix = "Keep the cluster's name, resource group, subscription and location. To move workloads, create a "
           "new cluster beside the old one, migrate the workloads and data, then remove the old cluster in a "
           "separate, deliberate change.",
    .noncompliant_example = R"(# before: name = "aks-prod", resource_group_name = "rg-aks"
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  resource_group_name = "rg-platform"
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  resource_group_name = "rg-aks"
})",
    .level = Level::Error,
    .precision = Precision::VeryHigh,
    .formats = static_cast<FormatSet>(InputFormat::TerraformPlan),
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

// The identity attributes whose change AKS cannot apply in place, as the plan's canonical
// replace paths name them, and the key of their value in PlannedChange before/after.
struct Identity {
  std::string_view replace_path;
  std::string_view side_key;
  std::string_view noun;
};
constexpr Identity kIdentity[] = {
    {"@name", "name", "name"},
    {"@resourceGroup", "resourceGroup", "resource group"},
    {"location", "location", "location"},
};

const Value* current_value(const Resource& cluster, std::string_view replace_path) {
  if (replace_path == "@name") return &cluster.name;
  if (replace_path == "@resourceGroup") return &cluster.scope.resource_group;
  return cluster.at(replace_path);
}

std::string shown(const Value& side, std::string_view key) {
  const Value* v = side.find(key);
  const auto text = v != nullptr ? v->as_string() : std::nullopt;
  return text ? fmt::format("'{}'", *text) : std::string("another value");
}

class ClusterMoveOrRenameRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const VertexId v : ctx.graph().resources_of(kManagedClusterType)) {
      const Resource& cluster = ctx.graph().resource(v);
      if (!cluster.change || cluster.change->action != ChangeAction::Replace) continue;
      for (const auto& path : cluster.change->replace_paths) {
        for (const Identity& id : kIdentity) {
          if (path.canonical != id.replace_path) continue;
          const Value* value = current_value(cluster, id.replace_path);
          ctx.report(cluster, id.replace_path, value != nullptr && value->span().valid() ? value : nullptr,
                     fmt::format("This plan destroys and recreates cluster '{}' because its {} changes from {} to "
                                 "{}; AKS clusters cannot be renamed or moved. Keep the {} and migrate to a new "
                                 "cluster instead.",
                                 display_name(cluster), id.noun, shown(cluster.change->before, id.side_key),
                                 shown(cluster.change->after, id.side_key), id.noun));
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_cluster_move_or_rename() { return std::make_unique<ClusterMoveOrRenameRule>(); }

}  // namespace akslint
