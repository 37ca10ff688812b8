// AKS505: a pod with volumes runs as root (runAsUser: 0).
#include <akslint/analyzer/KubernetesObjects.h>
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "kubernetes", "storage"};
constexpr std::string_view kTypes[] = {"Kubernetes/core/Pod",        "Kubernetes/apps/Deployment",
                                       "Kubernetes/apps/StatefulSet", "Kubernetes/apps/DaemonSet",
                                       "Kubernetes/apps/ReplicaSet",  "Kubernetes/batch/Job",
                                       "Kubernetes/batch/CronJob"};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/faq",
    "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
};

constexpr RuleMetadata kMeta{
    .id = "AKS505",
    .slug = "run-as-root-for-volume-permissions",
    .title = "A pod with volumes runs as root (runAsUser: 0).",
    .summary = "Flags workloads that mount volumes and set `runAsUser: 0` in the pod or a container security "
               "context, the usual workaround for volume permission errors.",
    .why = "Running as root to be allowed to write a volume gives the container root in its namespace: a "
           "container escape or a mounted host path then means root on the node. Kubernetes can give the "
           "volume to a non-root user instead.",
    .fix = "Run as a non-root user (`runAsUser: 1000`, `runAsNonRoot: true`) and give the volume to its group "
           "with the pod's `fsGroup` (with `fsGroupChangePolicy: OnRootMismatch`), or the storage class's "
           "mount options (Azure Files `uid`/`gid`).",
    .noncompliant_example = R"(securityContext:
  runAsUser: 0
volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
)",
    .compliant_example = R"(securityContext:
  runAsUser: 1000
  fsGroup: 2000
  fsGroupChangePolicy: OnRootMismatch
)",
    .level = Level::Warning,
    .security_severity = 6.0,
    .precision = Precision::High,
    .formats = kKubernetesFormats,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

bool mounts_volumes(const Workload& w) {
  const Value* volumes = w.pod_spec->find("volumes");
  const auto* items = volumes != nullptr ? volumes->as_array() : nullptr;
  return items != nullptr && !items->empty();
}

// runAsUser of a security context when it is a known 0, else null.
const Value* root_user(const Value* context) {
  const Value* user = context != nullptr && context->is_object() ? context->find("runAsUser") : nullptr;
  const auto n = user != nullptr ? user->as_number() : std::nullopt;
  return n && *n == 0 ? user : nullptr;
}

class RunAsRootForVolumePermissionsRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const Workload& w : workloads(ctx.graph())) {
      if (!mounts_volumes(w)) continue;
      const std::string& address = w.resource->origin.address;
      if (const Value* user = root_user(w.pod_security_context())) {
        ctx.report(*w.resource, w.path_of("securityContext.runAsUser"), user,
                   fmt::format("'{}' mounts volumes and runs its pod as root (runAsUser: 0); run as a non-root "
                               "user and grant volume access with fsGroup.",
                               address));
      }
      for (const Container& c : containers(w)) {
        if (const Value* user = root_user(c.security_context())) {
          ctx.report(*w.resource, c.path + ".securityContext.runAsUser", user,
                     fmt::format("Container '{}' of '{}' mounts volumes and runs as root (runAsUser: 0); run as "
                                 "a non-root user and grant volume access with fsGroup.",
                                 c.name, address));
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_run_as_root_for_volume_permissions() {
  return std::make_unique<RunAsRootForVolumePermissionsRule>();
}

}  // namespace akslint
