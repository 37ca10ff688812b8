// AKS504: fsGroup without fsGroupChangePolicy: OnRootMismatch.
#include <akslint/analyzer/KubernetesObjects.h>
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"performance", "kubernetes", "storage"};
constexpr std::string_view kTypes[] = {"Kubernetes/core/Pod",        "Kubernetes/apps/Deployment",
                                       "Kubernetes/apps/StatefulSet", "Kubernetes/apps/DaemonSet",
                                       "Kubernetes/apps/ReplicaSet",  "Kubernetes/batch/Job",
                                       "Kubernetes/batch/CronJob"};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/faq",
    "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"
    "#configure-volume-permission-and-ownership-change-policy-for-pods",
};

constexpr RuleMetadata kMeta{
    .id = "AKS504",
    .slug = "fsgroup-without-change-policy",
    .title = "A pod sets fsGroup without fsGroupChangePolicy: OnRootMismatch.",
    .summary = "Flags workloads whose pod securityContext sets `fsGroup` while `fsGroupChangePolicy` is absent "
               "or `Always`.",
    .why = "With `fsGroup` and the default policy (`Always`), the kubelet changes the group and permissions of "
           "every file of every volume each time the pod mounts it. On large volumes (Azure Files, Azure Disks "
           "with many files) pod starts take minutes or time out.",
    .fix = "Set `fsGroupChangePolicy: OnRootMismatch` beside `fsGroup`, so ownership is only changed when the "
           "volume's root does not already match.",
    .noncompliant_example = R"(securityContext:
  fsGroup: 2000
)",
    .compliant_example = R"(securityContext:
  fsGroup: 2000
  fsGroupChangePolicy: OnRootMismatch
)",
    .level = Level::Note,
    .precision = Precision::High,
    .formats = kKubernetesFormats,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

class FsgroupWithoutChangePolicyRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const Workload& w : workloads(ctx.graph())) {
      const Value* context = w.pod_security_context();
      if (context == nullptr || !context->is_object()) continue;
      const Value* fs_group = context->find("fsGroup");
      if (fs_group == nullptr || !fs_group->as_number()) continue;  // absent, null or unknown: silent
      const Value* policy = context->find("fsGroupChangePolicy");
      if (policy != nullptr && !policy->is_null()) {
        const auto text = policy->as_string();
        if (!text || *text == "OnRootMismatch") continue;
      }
      ctx.report(*w.resource, w.path_of("securityContext.fsGroup"), fs_group,
                 fmt::format("'{}' sets fsGroup without fsGroupChangePolicy: OnRootMismatch; every mount "
                             "re-applies ownership to every file of its volumes.",
                             w.resource->origin.address));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_fsgroup_without_change_policy() {
  return std::make_unique<FsgroupWithoutChangePolicyRule>();
}

}  // namespace akslint
