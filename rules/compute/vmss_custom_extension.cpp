// AKS203: a custom VM extension on an AKS node scale set.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "supportability", "node"};
constexpr std::string_view kTypes[] = {kScaleSetExtensionType, kScaleSetType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/faq#can-i-use-custom-vm-extensions",
    "https://learn.microsoft.com/azure/aks/support-policies#user-customization-of-agent-nodes",
};

constexpr RuleMetadata kMeta{
    .id = "AKS203",
    .slug = "vmss-custom-extension",
    .title = "A custom VM extension is installed on an AKS node scale set.",
    .summary = "Flags scale set extensions aimed at an AKS node scale set (in a node resource group, or named "
               "`aks-<pool>-<n>-vmss`), declared as extension resources or inline in the scale set's extension "
               "profile.",
    .why = "AKS builds nodes from its own image and extensions; extensions added to its scale sets are not "
           "supported, are lost when nodes are re-imaged, scaled or upgraded, and can make node provisioning "
           "fail.",
    .fix = "Run the node customisation as a Kubernetes DaemonSet (privileged where it must touch the host), or "
           "use the AKS features that cover it (node pool settings, custom node configuration).",
    .noncompliant_example = R"(resource "azurerm_virtual_machine_scale_set_extension" "agent" {
  name                         = "security-agent"
  virtual_machine_scale_set_id = data.azurerm_virtual_machine_scale_set.aks_nodes.id
  publisher                    = "Microsoft.Azure.Extensions"
  type                         = "CustomScript"
})",
    .compliant_example = R"(resource "kubernetes_daemonset" "agent" {
  # runs the same setup on every node
})",
    .level = Level::Error,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

constexpr std::string_view kInlinePath = "properties.virtualMachineProfile.extensionProfile.extensions";

// The AKS scale set an extension resource acts on, or the extension itself when only its
// name or scope (an `aks-...-vmss/<ext>` child, a node resource group) shows it.
std::optional<const Resource*> aks_target(const ResourceGraph& g, VertexId ext) {
  for (const VertexId t : g.targets(ext, EdgeKind::Targets)) {
    if (is_aks_scale_set(g, t)) return &g.resource(t);
    return std::nullopt;
  }
  const Resource& r = g.resource(ext);
  if (is_aks_created(r)) return nullptr;
  // A scale set named by a literal id (Terraform's virtual_machine_scale_set_id) not declared here.
  const Value* id_value = r.at("properties.virtualMachineScaleSetId");
  const auto id_text = id_value != nullptr ? id_value->as_string() : std::nullopt;
  if (const auto id = id_text ? parse_resource_id(*id_text) : std::nullopt; id && is_aks_scale_set(g, *id)) return nullptr;
  for (const Edge& e : g.out_edges(ext, EdgeKind::DeployedInto)) {
    if (is_node_resource_group(g.scope(e.target))) return nullptr;
  }
  return std::nullopt;
}

std::string extension_type(const Value& body) {
  const Value* type = body.at("properties.type");
  return type != nullptr ? type->to_display() : std::string("(unknown type)");
}

class VmssCustomExtensionRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    const ResourceGraph& g = ctx.graph();
    for (const VertexId v : g.resources_of(kScaleSetExtensionType)) {
      const Resource& ext = g.resource(v);
      const auto target = ext.existing ? std::nullopt : aks_target(g, v);
      if (!target) continue;
      Finding& f = ctx.report(ext, "", nullptr,
                              fmt::format("Extension '{}' ({}) is installed on an AKS node scale set; custom VM "
                                          "extensions on AKS nodes are unsupported. Run it as a DaemonSet instead.",
                                          display_name(ext), extension_type(ext.body)));
      if (*target != nullptr) f.related.push_back(related_to(**target, "the AKS node scale set"));
    }
    for (const VertexId v : g.resources_of(kScaleSetType)) check_inline(ctx, v);
  }

 private:
  static void check_inline(RuleContext& ctx, VertexId v) {
    const ResourceGraph& g = ctx.graph();
    const Resource& vmss = g.resource(v);
    const Value* list = vmss.at(kInlinePath);
    const auto* items = list != nullptr ? list->as_array() : nullptr;
    if (vmss.existing || items == nullptr || items->empty() || !is_aks_scale_set(g, v)) return;
    for (std::size_t i = 0; i < items->size(); ++i) {
      const Value* name = (*items)[i].find("name");
      ctx.report(vmss, fmt::format("{}[{}]", kInlinePath, i), &(*items)[i],
                 fmt::format("AKS node scale set '{}' declares extension {} ({}); custom VM extensions on AKS nodes "
                             "are unsupported. Run it as a DaemonSet instead.",
                             vmss.name.to_display(), name != nullptr ? name->to_display() : "(unnamed)",
                             extension_type((*items)[i])));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_vmss_custom_extension() { return std::make_unique<VmssCustomExtensionRule>(); }

}  // namespace akslint
