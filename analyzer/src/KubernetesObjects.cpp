#include <akslint/analyzer/KubernetesObjects.h>

#include <fmt/format.h>

#include <array>
#include <utility>

namespace akslint {

namespace {

constexpr std::string_view kPrefix = "Kubernetes/";

// Where each workload kind keeps its pod spec.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kPodSpecPaths{{
    {"Pod", "spec"},
    {"Deployment", "spec.template.spec"},
    {"StatefulSet", "spec.template.spec"},
    {"DaemonSet", "spec.template.spec"},
    {"ReplicaSet", "spec.template.spec"},
    {"Job", "spec.template.spec"},
    {"CronJob", "spec.jobTemplate.spec.template.spec"},
}};

constexpr std::string_view kContainerLists[] = {"initContainers", "containers", "ephemeralContainers"};

std::string known_string(const Value* v) {
  const auto s = v != nullptr ? v->as_string() : std::nullopt;
  return s ? std::string(*s) : std::string();
}

}  // namespace

bool is_kubernetes_kind(const Resource& resource, std::string_view kind) {
  const std::string_view type = resource.type;
  if (type.size() <= kPrefix.size() + kind.size() || !type.starts_with(kPrefix)) return false;
  const auto tail = type.substr(type.size() - kind.size());
  return type[type.size() - kind.size() - 1] == '/' && tail == kind;
}

std::vector<VertexId> kubernetes_objects(const ResourceGraph& graph) {
  return graph.resources_where([](std::string_view type) { return iequals(type.substr(0, kPrefix.size()), kPrefix); });
}

std::vector<Workload> workloads(const ResourceGraph& graph) {
  std::vector<Workload> out;
  for (const VertexId v : kubernetes_objects(graph)) {
    const Resource& r = graph.resource(v);
    for (const auto& [kind, path] : kPodSpecPaths) {
      if (!is_kubernetes_kind(r, kind)) continue;
      const Value* spec = r.at(path);
      if (spec != nullptr && spec->is_object()) out.push_back({&r, spec, std::string(path)});
    }
  }
  return out;
}

std::vector<Container> containers(const Workload& workload) {
  std::vector<Container> out;
  for (const std::string_view list_name : kContainerLists) {
    const Value* list = workload.pod_spec->find(list_name);
    const auto* items = list != nullptr ? list->as_array() : nullptr;
    if (items == nullptr) continue;
    for (std::size_t i = 0; i < items->size(); ++i) {
      const Value& c = (*items)[i];
      if (!c.is_object()) continue;
      out.push_back({&c, fmt::format("{}.{}[{}]", workload.pod_spec_path, list_name, i), known_string(c.find("name"))});
    }
  }
  return out;
}

bool is_webhook_configuration(const Resource& resource) {
  return is_kubernetes_kind(resource, "ValidatingWebhookConfiguration") ||
         is_kubernetes_kind(resource, "MutatingWebhookConfiguration");
}

std::vector<Webhook> admission_webhooks(const ResourceGraph& graph) {
  std::vector<Webhook> out;
  for (const VertexId v : kubernetes_objects(graph)) {
    const Resource& r = graph.resource(v);
    if (!is_webhook_configuration(r)) continue;
    const Value* list = r.at("webhooks");
    const auto* items = list != nullptr ? list->as_array() : nullptr;
    if (items == nullptr) continue;
    for (std::size_t i = 0; i < items->size(); ++i) {
      const Value& w = (*items)[i];
      if (w.is_object()) out.push_back({&r, &w, fmt::format("webhooks[{}]", i), known_string(w.find("name"))});
    }
  }
  return out;
}

}  // namespace akslint
