// AKS202: an AKS-owned scale set scaled through the scale set API.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "scaling", "supportability"};
constexpr std::string_view kTypes[] = {kAutoscaleSettingType, kScaleSetType, kResourceActionType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/faq#can-i-scale-my-aks-cluster-to-zero",
    "https://learn.microsoft.com/azure/aks/cluster-autoscaler",
};

constexpr RuleMetadata kMeta{
    .id = "AKS202",
    .slug = "vmss-scaled-directly",
    .title = "An AKS-owned virtual machine scale set is scaled outside the AKS API.",
    .summary = "Flags autoscale settings and actions (Terraform `azapi_resource_action`: deallocate, power "
               "off, restart, ...) that target an AKS node scale set, and capacity set on scale set resources "
               "in a node resource group. A scale set is AKS-owned when it sits in a node resource "
               "group or carries AKS's name (`aks-<pool>-<n>-vmss`) or `aks-managed-*` tags.",
    .why = "AKS keeps the node count of each pool in its own model. Scaling, autoscaling, stopping or "
           "deallocating the scale set through the Compute API makes that model wrong: AKS scales it back, "
           "upgrades and node image updates fail, and the cluster autoscaler and an Azure autoscale setting "
           "fight each other.",
    .fix = "Scale through the AKS API: set the node pool's `count`, or enable the cluster autoscaler on the "
           "pool (`enableAutoScaling`, `minCount`, `maxCount`). To stop paying for nodes, scale a User pool to "
           "zero or stop the cluster (`az aks stop`). Remove the autoscale setting or the capacity change.",
    .noncompliant_example = R"(resource "azurerm_monitor_autoscale_setting" "nodes" {
  target_resource_id = "/subscriptions/.../resourceGroups/MC_rg_aks_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-system-12345678-vmss"
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster_node_pool" "user" {
  auto_scaling_enabled = true
  min_count            = 1
  max_count            = 10
})",
    .level = Level::Error,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

constexpr std::string_view kAutoscaleTarget = "properties.targetResourceUri";
constexpr std::string_view kActionTarget = "properties.targetResourceId";

class VmssScaledDirectlyRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    const ResourceGraph& g = ctx.graph();
    for (const VertexId v : g.resources_of(kAutoscaleSettingType)) {
      check_target(ctx, v, kAutoscaleTarget, [&](std::string_view scale_set) {
        return fmt::format("Autoscale setting '{}' targets AKS node scale set '{}'; AKS does not support scaling its "
                           "scale sets directly. Enable the cluster autoscaler on the node pool instead.",
                           display_name(g.resource(v)), scale_set);
      });
    }
    for (const VertexId v : g.resources_of(kResourceActionType)) {
      const Value* action = g.resource(v).at("properties.action");
      const std::string called = action != nullptr && action->as_string() ? std::string(*action->as_string()) : "an action";
      check_target(ctx, v, kActionTarget, [&](std::string_view scale_set) {
        return fmt::format("'{}' calls '{}' on AKS node scale set '{}'; AKS does not support operating its scale "
                           "sets directly. Scale the node pool, or stop the cluster, through AKS instead.",
                           display_name(g.resource(v)), called, scale_set);
      });
    }
    for (const VertexId v : g.resources_of(kScaleSetType)) {
      const Resource& vmss = g.resource(v);
      const Value* capacity = vmss.at("sku.capacity");
      if (vmss.existing || capacity == nullptr || !capacity->as_number() || !is_aks_scale_set(g, v)) continue;
      ctx.report(vmss, "sku.capacity", capacity,
                 fmt::format("'{}' sets the capacity of AKS node scale set '{}' to {}; scale the node pool through "
                             "AKS (its count or the cluster autoscaler) instead.",
                             display_name(vmss), vmss.name.to_display(), capacity->to_display()));
    }
  }

 private:
  // A resource that acts on the scale set at `path`: resolved to a declared scale set, or named by id.
  template <class Message>
  static void check_target(RuleContext& ctx, VertexId v, std::string_view path, const Message& message) {
    const ResourceGraph& g = ctx.graph();
    const Resource& source = g.resource(v);
    const Value* target = source.at(path);
    if (source.existing || target == nullptr) return;
    for (const VertexId t : g.targets(v, EdgeKind::Targets)) {
      if (!is_aks_scale_set(g, t)) return;
      Finding& f = ctx.report(source, path, target, message(display_name(g.resource(t))));
      f.related.push_back(related_to(g.resource(t), "the AKS node scale set"));
      return;
    }
    const auto text = target->as_string();
    const auto id = text ? parse_resource_id(*text) : std::nullopt;
    if (id && is_aks_scale_set(g, *id)) ctx.report(source, path, target, message(id->name));
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_vmss_scaled_directly() { return std::make_unique<VmssScaledDirectlyRule>(); }

}  // namespace akslint
