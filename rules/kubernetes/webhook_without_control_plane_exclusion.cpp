// AKS501: an admission webhook should leave AKS's control-plane namespaces alone.
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
    "https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#matching-requests-namespaceselector",
};

constexpr RuleMetadata kMeta{
    .id = "AKS501",
    .slug = "webhook-without-control-plane-exclusion",
    .title = "An admission webhook does not exclude the namespaces labelled control-plane.",
    .summary = "Flags admission webhooks (validating or mutating) whose namespaceSelector has no match expression "
               "with key `control-plane` and operator `DoesNotExist`.",
    .why = "AKS labels its internal namespaces `control-plane`. A webhook that also intercepts requests there can "
           "block or alter the objects AKS itself manages; when the webhook is down or rejects them, cluster "
           "components stop being updated. AKS's Admissions Enforcer removes such namespaces from most webhooks, "
           "but the webhook should say so itself, so that its behaviour does not depend on that safety net.",
    .fix = "Add to each webhook's `namespaceSelector.matchExpressions` the expression "
           "`{key: control-plane, operator: DoesNotExist}`.",
    .noncompliant_example = R"(webhooks:
  - name: policy.example.com
    namespaceSelector: {}
)",
    .compliant_example = R"(webhooks:
  - name: policy.example.com
    namespaceSelector:
      matchExpressions:
        - key: control-plane
          operator: DoesNotExist
)",
    .level = Level::Warning,
    .precision = Precision::High,
    .formats = kKubernetesFormats,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

enum class Exclusion { Present, Absent, Unknown };

bool is_text(const Value* v, std::string_view text) {
  const auto s = v != nullptr ? v->as_string() : std::nullopt;
  return s && *s == text;
}

Exclusion control_plane_exclusion(const Value* selector) {
  if (selector == nullptr || selector->is_null()) return Exclusion::Absent;
  if (!selector->is_object()) return Exclusion::Unknown;
  const Value* expressions = selector->find("matchExpressions");
  if (expressions == nullptr || expressions->is_null()) return Exclusion::Absent;
  const auto* items = expressions->as_array();
  if (items == nullptr) return Exclusion::Unknown;
  bool unknown = false;
  for (const Value& e : *items) {
    const Value* key = e.is_object() ? e.find("key") : nullptr;
    const Value* op = e.is_object() ? e.find("operator") : nullptr;
    if (is_text(key, "control-plane") && is_text(op, "DoesNotExist")) return Exclusion::Present;
    unknown = unknown || !e.is_known();
  }
  return unknown ? Exclusion::Unknown : Exclusion::Absent;
}

class WebhookWithoutControlPlaneExclusionRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const Webhook& hook : admission_webhooks(ctx.graph())) {
      const Value* selector = hook.field("namespaceSelector");
      if (control_plane_exclusion(selector) != Exclusion::Absent) continue;
      const bool has_selector = selector != nullptr && !selector->is_null();
      Finding& finding = ctx.report(
          *hook.resource, hook.path_of(has_selector ? "namespaceSelector" : "name"),
          has_selector ? selector : hook.field("name"),
          fmt::format("Webhook '{}' does not exclude the namespaces labelled control-plane; add "
                      "{{key: control-plane, operator: DoesNotExist}} to its namespaceSelector.",
                      hook.name));
      // A block selector's value starts on the line below its key; the key is what to point at.
      const Value::Member* member = hook.webhook->find_member("namespaceSelector");
      if (has_selector && member->key_span.valid()) finding.primary = member->key_span;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_webhook_without_control_plane_exclusion() {
  return std::make_unique<WebhookWithoutControlPlaneExclusionRule>();
}

}  // namespace akslint
