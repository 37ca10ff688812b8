// AKS902: a suppression that does not say why.
#include <akslint/analyzer/Rule.h>

namespace akslint {
namespace {

// Every format with comments or resource metadata; plan JSON has neither.
constexpr FormatSet kCommentFormats = static_cast<FormatSet>((InputFormat::Terraform | InputFormat::Arm) |
                                                             (InputFormat::Bicep | InputFormat::KubernetesYaml));
constexpr std::string_view kTags[] = {"suppression", "maintainability"};
constexpr std::string_view kReferences[] = {
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/sarif-v2.1.0-os.html#_Toc34317900"};

constexpr RuleMetadata kMeta{
    .id = "AKS902",
    .slug = "suppression-without-reason",
    .title = "A suppression gives no reason.",
    .summary = "Flags `akslint-ignore` comments, Bicep `#disable-next-line` directives and JSON `metadata` "
               "entries that suppress a rule without a justification.",
    .why = "The reason is what a reviewer, an auditor or the next maintainer reads to decide whether the "
           "suppression still holds; GitHub code scanning shows it as the SARIF suppression's justification. "
           "The suppression still applies; only the missing reason is reported.",
    .fix = "Write the reason after a colon: `# akslint-ignore AKS201: scaled to zero only in the sandbox "
           "subscription`. Bicep: `#disable-next-line AKS201 // reason`. JSON: the reason is the value, "
           "`\"metadata\": {\"akslint-ignore\": {\"AKS201\": \"reason\"}}`.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  default_node_pool {
    name       = "system"
    node_count = 0 # akslint-ignore AKS201
  }
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  default_node_pool {
    name       = "system"
    node_count = 0 # akslint-ignore AKS201: sandbox cluster, stopped outside office hours
  }
})",
    .level = Level::Warning,
    .precision = Precision::VeryHigh,
    .formats = kCommentFormats,
    .tags = kTags,
    .references = kReferences,
};

// The suppression pass reports this rule: it reads comments, which the graph does not hold.
class SuppressionWithoutReasonRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }
  void check(RuleContext&) const override {}
};

}  // namespace

std::unique_ptr<Rule> make_rule_suppression_without_reason() {
  return std::make_unique<SuppressionWithoutReasonRule>();
}

}  // namespace akslint
