// AKS901: a suppression that matches no finding.
#include <akslint/analyzer/Rule.h>

namespace akslint {
namespace {

// Every format with comments or resource metadata; plan JSON has neither.
constexpr FormatSet kCommentFormats = static_cast<FormatSet>((InputFormat::Terraform | InputFormat::Arm) |
                                                             (InputFormat::Bicep | InputFormat::KubernetesYaml));
constexpr std::string_view kTags[] = {"suppression", "maintainability"};
constexpr std::string_view kReferences[] = {"https://docs.astral.sh/ruff/rules/unused-noqa/"};

constexpr RuleMetadata kMeta{
    .id = "AKS901",
    .slug = "unused-suppression",
    .title = "A suppression comment or metadata entry matches no finding.",
    .summary = "Flags `akslint-ignore` comments, Bicep `#disable-next-line` directives and JSON `metadata` "
               "entries that suppress a rule where that rule reports nothing, or that name no akslint rule.",
    .why = "A suppression that no longer matches anything hides the next real finding at that place, and tells "
           "readers about a problem that is gone. Suppressions of rules that were not run (opt-in rules left "
           "off, rules disabled by configuration) are not reported.",
    .fix = "Remove the suppression, or correct the rule id or slug it names.",
    .noncompliant_example = R"(# akslint-ignore AKS201: the pool is scaled by the platform team
resource "azurerm_kubernetes_cluster" "aks" {
  default_node_pool {
    name       = "system"
    node_count = 3
  }
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  default_node_pool {
    name       = "system"
    node_count = 3
  }
})",
    .level = Level::Warning,
    .precision = Precision::VeryHigh,
    .formats = kCommentFormats,
    .tags = kTags,
    .references = kReferences,
};

// The suppression pass reports this rule: it reads comments, which the graph does not hold.
class UnusedSuppressionRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }
  void check(RuleContext&) const override {}
};

}  // namespace

std::unique_ptr<Rule> make_rule_unused_suppression() { return std::make_unique<UnusedSuppressionRule>(); }

}  // namespace akslint
