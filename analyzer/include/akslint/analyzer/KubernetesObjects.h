#pragma once
// Kubernetes objects of the estate seen through uniform shapes, whichever format wrote
// them: every workload's pod spec (a Pod's own, a Deployment's template, a CronJob's job
// template, ...) with its security contexts, and every admission webhook of a webhook
// configuration. Canonical types are "Kubernetes/<group>/<Kind>".
#include <akslint/analyzer/ResourceGraph.h>
#include <akslint/analyzer/RuleMetadata.h>

#include <string>
#include <vector>

namespace akslint {

// The formats that can write Kubernetes objects, for the metadata of Kubernetes rules.
inline constexpr FormatSet kKubernetesFormats = static_cast<FormatSet>(
    static_cast<unsigned>(InputFormat::KubernetesYaml) | static_cast<unsigned>(InputFormat::Terraform) |
    static_cast<unsigned>(InputFormat::Bicep));

// Whether `resource` is a Kubernetes object of `kind` (any group or version).
[[nodiscard]] bool is_kubernetes_kind(const Resource& resource, std::string_view kind);
// The graph's resources whose type is that of a Kubernetes object in any case ("Kubernetes/..."),
// in insertion order: what is_kubernetes_kind can hold for.
[[nodiscard]] std::vector<VertexId> kubernetes_objects(const ResourceGraph& graph);

struct Workload {
  const Resource* resource = nullptr;
  const Value* pod_spec = nullptr;  // the pod spec object: securityContext, containers, volumes
  std::string pod_spec_path;        // its canonical path ("spec.template.spec")

  // The pod-level securityContext, null when absent.
  [[nodiscard]] const Value* pod_security_context() const { return pod_spec->find("securityContext"); }
  [[nodiscard]] std::string path_of(std::string_view relative) const {
    return pod_spec_path + "." + std::string(relative);
  }
};

// A container of a workload (containers, initContainers, ephemeralContainers).
struct Container {
  const Value* container = nullptr;
  std::string path;  // canonical path of the container object
  std::string name;  // as written, empty when not a known string

  [[nodiscard]] const Value* security_context() const { return container->find("securityContext"); }
};

// Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job and CronJob objects whose pod spec
// is an object.
[[nodiscard]] std::vector<Workload> workloads(const ResourceGraph& graph);
[[nodiscard]] std::vector<Container> containers(const Workload& workload);

struct Webhook {
  const Resource* resource = nullptr;  // the Validating- or MutatingWebhookConfiguration
  const Value* webhook = nullptr;      // one item of `webhooks`
  std::string path;                    // "webhooks[0]"
  std::string name;                    // its name, empty when not a known string

  [[nodiscard]] const Value* field(std::string_view key) const { return webhook->find(key); }
  [[nodiscard]] std::string path_of(std::string_view relative) const { return path + "." + std::string(relative); }
};

[[nodiscard]] bool is_webhook_configuration(const Resource& resource);
[[nodiscard]] std::vector<Webhook> admission_webhooks(const ResourceGraph& graph);

}  // namespace akslint
