// AKS106: a node resource group name AKS rejects, or that breaks CNI overlay.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "node-resource-group", "naming"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/faq#can-i-provide-my-own-name-for-the-aks-node-resource-group",
    "https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftresources",
};

constexpr RuleMetadata kMeta{
    .id = "AKS106",
    .slug = "node-rg-name-invalid",
    .title = "The node resource group name is too long or holds characters a resource group cannot.",
    .summary = "Flags node resource group names over 80 characters, including the derived default "
               "`MC_<resource group>_<cluster>_<location>` when none is set, names with characters a resource "
               "group name cannot hold, and (as a warning) names over 63 characters on Azure CNI overlay.",
    .why = "AKS creates the node resource group when it creates the cluster and rejects names longer than 80 "
           "characters. When no name is set it derives one from the cluster's resource group, name and "
           "location, so long names there make cluster creation fail. Resource group names may only hold "
           "letters, digits, `_`, `-`, `.` and parentheses, and cannot end with a period. With Azure CNI "
           "overlay the name also becomes a node label value, which Kubernetes limits to 63 characters.",
    .fix = "Set `nodeResourceGroup` (Terraform `node_resource_group`) to a short valid name at creation, or "
           "shorten the cluster's resource group or cluster name so that the default fits.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-platform-shared-production-westeurope-01"
  resource_group_name = "rg-platform-shared-kubernetes-production-westeurope"
  location            = "westeurope"
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-platform-shared-production-westeurope-01"
  resource_group_name = "rg-platform-shared-kubernetes-production-westeurope"
  location            = "westeurope"
  node_resource_group = "rg-aks-prod-nodes"
})",
    .level = Level::Error,
    .precision = Precision::VeryHigh,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

constexpr std::size_t kMaxLength = 80;
constexpr std::size_t kMaxOverlayLength = 63;  // a Kubernetes label value

// The first character a resource group name cannot hold (non-ASCII letters are allowed).
std::optional<char> invalid_character(std::string_view name) {
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u) != 0 || c == '_' || c == '-' || c == '.' || c == '(' || c == ')') continue;
    return c;
  }
  return std::nullopt;
}

bool uses_overlay(const Resource& cluster) {
  const Value* mode = cluster.at("properties.networkProfile.networkPluginMode");
  const auto text = mode != nullptr ? mode->as_string() : std::nullopt;
  return text && iequals(*text, "overlay");
}

std::string problem(std::string_view name) {
  if (name.empty()) return "is empty";
  if (name.size() > kMaxLength) return fmt::format("is {} characters long; AKS allows at most {}", name.size(), kMaxLength);
  if (const auto c = invalid_character(name)) return fmt::format("holds '{}', which a resource group name cannot", *c);
  if (name.back() == '.') return "ends with a period, which a resource group name cannot";
  return {};
}

class NodeRgNameInvalidRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const VertexId v : ctx.graph().resources_of(kManagedClusterType)) {
      const Resource& cluster = ctx.graph().resource(v);
      const auto nrg = node_resource_group(cluster);
      if (cluster.existing || !nrg) continue;
      const std::string what = nrg->derived() ? fmt::format("The default node resource group name '{}' of cluster "
                                                            "'{}'",
                                                            nrg->name, display_name(cluster))
                                              : fmt::format("Node resource group name '{}' of cluster '{}'",
                                                            nrg->name, display_name(cluster));
      const std::string remedy = nrg->derived()
                                     ? "set a shorter node resource group name, or shorten the resource group or "
                                       "cluster name"
                                     : "choose a valid name of at most 80 characters";
      if (const std::string p = problem(nrg->name); !p.empty()) {
        report(ctx, cluster, *nrg, fmt::format("{} {}; {}.", what, p, remedy));
      } else if (nrg->name.size() > kMaxOverlayLength && uses_overlay(cluster)) {
        report(ctx, cluster, *nrg,
               fmt::format("{} is {} characters long; with Azure CNI overlay it becomes a node label, which allows "
                           "at most {}; {}.",
                           what, nrg->name.size(), kMaxOverlayLength, remedy))
            .level = Level::Warning;
      }
    }
  }

 private:
  static Finding& report(RuleContext& ctx, const Resource& cluster, const NodeResourceGroup& nrg, std::string message) {
    Finding& f = ctx.report(cluster, "properties.nodeResourceGroup", nrg.written, std::move(message));
    if (nrg.derived()) f.offending_value = nrg.name;
    return f;
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_node_rg_name_invalid() { return std::make_unique<NodeRgNameInvalidRule>(); }

}  // namespace akslint
