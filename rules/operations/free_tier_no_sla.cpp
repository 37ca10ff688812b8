// AKS404: a cluster on the Free tier, which has no SLA.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "operations"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers",
};
constexpr PeerRule kPeers[] = {{"Checkov", "CKV_AZURE_170"}, {"PSRule", "Azure.AKS.UptimeSLA"}};

constexpr RuleMetadata kMeta{
    .id = "AKS404",
    .slug = "free-tier-no-sla",
    .title = "A cluster runs on the Free tier, without an uptime SLA.",
    .summary = "Flags clusters whose pricing tier (`sku.tier`, Terraform `sku_tier`) is `Free` or not set, "
               "which means Free.",
    .why = "The Free tier has no financially backed SLA (its API server objective is 99.5%) and its control "
           "plane gets fewer resources; API server restarts and throttling hit workloads that call it, "
           "operators, and deployments.",
    .fix = "Use the Standard tier (`sku: { name: 'Base', tier: 'Standard' }`, Terraform "
           "`sku_tier = \"Standard\"`) for clusters whose workloads cannot tolerate API server outages; keep "
           "Free for development clusters.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  sku_tier = "Free"
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  sku_tier = "Standard"
})",
    .level = Level::Note,
    .precision = Precision::Medium,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

class FreeTierNoSlaRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const VertexId v : ctx.graph().resources_of(kManagedClusterType)) {
      const Resource& cluster = ctx.graph().resource(v);
      if (cluster.existing) continue;
      const Value* tier = cluster.at("sku.tier");
      const auto text = tier != nullptr ? tier->as_string() : std::nullopt;
      const bool free = text ? iequals(*text, "Free") : (tier == nullptr && known_absent(cluster.body, "sku.tier"));
      if (!free) continue;  // another tier, or not known
      Finding& f = ctx.report(cluster, "sku.tier", tier,
                              fmt::format("Cluster '{}' runs on the Free tier, which has no uptime SLA; use the "
                                          "Standard tier for workloads that cannot tolerate API server outages.",
                                          display_name(cluster)));
      if (tier != nullptr) f.fix = replace_literal(cluster, *tier, "Standard", "Use the Standard tier");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_free_tier_no_sla() { return std::make_unique<FreeTierNoSlaRule>(); }

}  // namespace akslint
