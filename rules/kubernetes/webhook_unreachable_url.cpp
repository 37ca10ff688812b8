// AKS502: an admission webhook called through a URL outside the cluster.
#include <akslint/analyzer/KubernetesObjects.h>
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "kubernetes", "admission-webhook", "networking"};
constexpr std::string_view kTypes[] = {"Kubernetes/admissionregistration.k8s.io/ValidatingWebhookConfiguration",
                                       "Kubernetes/admissionregistration.k8s.io/MutatingWebhookConfiguration"};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/faq",
    "https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#service-reference",
};

constexpr RuleMetadata kMeta{
    .id = "AKS502",
    .slug = "webhook-unreachable-url",
    .title = "An admission webhook is called through a URL instead of an in-cluster service.",
    .summary = "Flags admission webhooks whose clientConfig gives a `url` whose host is not a cluster service "
               "name (`*.svc`, `*.svc.cluster.local`).",
    .why = "The AKS API server runs in a managed control plane whose egress AKS controls; it reaches webhooks "
           "through the cluster's tunnel to in-cluster services. A webhook at an outside URL may be unreachable "
           "from the API server, and with `failurePolicy: Fail` every matching request is then rejected.",
    .fix = "Serve the webhook from inside the cluster and point `clientConfig.service` (namespace, name, path, "
           "port) at it instead of `clientConfig.url`.",
    .noncompliant_example = R"(clientConfig:
  url: https://policy.example.com/validate
)",
    .compliant_example = R"(clientConfig:
  service:
    namespace: policy
    name: policy-webhook
    path: /validate
)",
    .level = Level::Warning,
    .precision = Precision::Medium,
    .formats = kKubernetesFormats,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

// The host of an absolute URL ("https://host:443/path" -> "host").
std::string_view host_of(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  if (const auto at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  if (!url.starts_with('[')) url = url.substr(0, url.find(':'));
  return url;
}

bool is_cluster_service_host(std::string_view host) {
  return host.ends_with(".svc") || host.ends_with(".svc.cluster.local");
}

class WebhookUnreachableUrlRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const Webhook& hook : admission_webhooks(ctx.graph())) {
      const Value* config = hook.field("clientConfig");
      const Value* url = config != nullptr ? config->find("url") : nullptr;
      const auto text = url != nullptr ? url->as_string() : std::nullopt;
      if (!text || is_cluster_service_host(host_of(*text))) continue;
      ctx.report(*hook.resource, hook.path_of("clientConfig.url"), url,
                 fmt::format("Webhook '{}' is called at '{}', outside the cluster; the API server may not reach "
                             "it. Use clientConfig.service to call an in-cluster service.",
                             hook.name, *text));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_webhook_unreachable_url() { return std::make_unique<WebhookUnreachableUrlRule>(); }

}  // namespace akslint
