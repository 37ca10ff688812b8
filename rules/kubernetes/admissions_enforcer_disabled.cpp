// AKS503: a webhook configuration opted out of AKS's Admissions Enforcer.
#include <akslint/analyzer/KubernetesObjects.h>
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "kubernetes", "admission-webhook"};
constexpr std::string_view kTypes[] = {"Kubernetes/admissionregistration.k8s.io/ValidatingWebhookConfiguration",
                                       "Kubernetes/admissionregistration.k8s.io/MutatingWebhookConfiguration"};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/faq#can-admission-controller-webhooks-impact-kube-system-and-internal-aks-namespaces",
};
constexpr std::string_view kOptOut = "admissions.enforcer/disabled";

constexpr RuleMetadata kMeta{
    .id = "AKS503",
    .slug = "admissions-enforcer-disabled",
    .title = "A webhook configuration opts out of the AKS Admissions Enforcer.",
    .summary = "Flags validating and mutating webhook configurations with the label or annotation "
               "`admissions.enforcer/disabled: \"true\"`.",
    .why = "AKS's Admissions Enforcer keeps custom admission webhooks away from kube-system and AKS's internal "
           "namespaces, so that a failing or over-eager webhook cannot stop the cluster's own components. The "
           "opt-out lets the webhook intercept them again: a webhook outage can then break DNS, networking or "
           "upgrades.",
    .fix = "Remove the `admissions.enforcer/disabled` label or annotation, and deploy workloads that need the "
           "webhook's policy into namespaces of your own rather than kube-system.",
    .noncompliant_example = R"(metadata:
  name: policy
  labels:
    admissions.enforcer/disabled: "true"
)",
    .compliant_example = R"(metadata:
  name: policy
)",
    .level = Level::Warning,
    .precision = Precision::VeryHigh,
    .formats = kKubernetesFormats,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

bool is_true(const Value& v) {
  if (const auto b = v.as_bool()) return *b;
  const auto s = v.as_string();
  return s && iequals(*s, "true");
}

class AdmissionsEnforcerDisabledRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const VertexId v : kubernetes_objects(ctx.graph())) {
      const Resource& r = ctx.graph().resource(v);
      if (!is_webhook_configuration(r)) continue;
      for (const std::string_view map : {std::string_view("labels"), std::string_view("annotations")}) {
        const Value* entries = r.at(fmt::format("metadata.{}", map));
        const Value* opt_out = entries != nullptr && entries->is_object() ? entries->find(kOptOut) : nullptr;
        if (opt_out == nullptr || !is_true(*opt_out)) continue;
        ctx.report(r, fmt::format("metadata.{}.{}", map, kOptOut), opt_out,
                   fmt::format("'{}' sets the {} {}: \"true\", which lets its webhooks intercept kube-system and "
                               "AKS's internal namespaces; remove it.",
                               r.origin.address, map == "labels" ? "label" : "annotation", kOptOut));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_admissions_enforcer_disabled() {
  return std::make_unique<AdmissionsEnforcerDisabledRule>();
}

}  // namespace akslint
