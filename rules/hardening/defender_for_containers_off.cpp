// AKS727: the subscription's Defender for Containers plan is set to the Free tier.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kPricingType = "Microsoft.Security/pricings";
constexpr std::string_view kTags[] = {"security", "subscription"};
constexpr std::string_view kTypes[] = {kPricingType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-introduction",
    "https://learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-enable",
};
constexpr PeerRule kPeers[] = {{"PSRule", "Azure.Defender.Containers"}};
constexpr std::string_view kTierPath = "properties.pricingTier";
// The plan a pricing configures is its name; Terraform writes it as `resource_type`.
constexpr std::string_view kContainersPlan = "Containers";

constexpr RuleMetadata kMeta{
    .id = "AKS727",
    .slug = "defender-for-containers-off",
    .title = "The Defender for Containers plan is turned off for the subscription.",
    .summary = "Flags a Defender for Cloud pricing (`Microsoft.Security/pricings`, Terraform "
               "`azurerm_security_center_subscription_pricing`) for the `Containers` plan whose tier is `Free`.",
    .why = "Defender for Containers is what turns the clusters' security signals into protection: runtime threat "
           "detection on the nodes, vulnerability assessment of the images they run, and alerts on suspicious "
           "Kubernetes API activity. Declaring the plan at the `Free` tier turns all of that off for every "
           "cluster in the subscription, and the cluster-level Defender profile then reports to nothing.",
    .fix = "Set the `Containers` plan to the `Standard` tier (Terraform `tier = \"Standard\"`), or leave the "
           "pricing to the team that manages Defender for Cloud for the subscription instead of turning it off "
           "in the cluster's code.",
    .noncompliant_example = R"(resource "azurerm_security_center_subscription_pricing" "containers" {
  resource_type = "Containers"
  tier          = "Free"
})",
    .compliant_example = R"(resource "azurerm_security_center_subscription_pricing" "containers" {
  resource_type = "Containers"
  tier          = "Standard"
})",
    .level = Level::Warning,
    .security_severity = 6.0,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

class DefenderForContainersOffRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const VertexId v : ctx.graph().resources_of(kPricingType)) {
      const Resource& pricing = ctx.graph().resource(v);
      if (pricing.existing) continue;
      const auto plan = pricing.name.as_string();
      if (!plan || !iequals(*plan, kContainersPlan)) continue;
      const Value* tier = pricing.at(kTierPath);
      const auto text = tier != nullptr ? tier->as_string() : std::nullopt;
      if (!text || !iequals(*text, "Free")) continue;
      ctx.report(pricing, kTierPath, tier,
                 fmt::format("Defender pricing '{}' sets the Containers plan to the '{}' tier: runtime threat "
                             "detection and image vulnerability assessment are off for every cluster in the "
                             "subscription; set the tier to 'Standard'.",
                             display_name(pricing), *text));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_defender_for_containers_off() {
  return std::make_unique<DefenderForContainersOffRule>();
}

}  // namespace akslint
