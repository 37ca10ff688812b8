#include "terraform/KubernetesResources.h"

#include "kubernetes/KubernetesObject.h"

#include <array>
#include <charconv>
#include <string>

namespace akslint::terraform {

namespace {

struct TypedResource {
  std::string_view tf_type;  // without the "_v1" suffix
  std::string_view api_version;
  std::string_view kind;
};

constexpr std::array<TypedResource, 10> kTypedResources{{
    {"kubernetes_pod", "v1", "Pod"},
    {"kubernetes_deployment", "apps/v1", "Deployment"},
    {"kubernetes_stateful_set", "apps/v1", "StatefulSet"},
    {"kubernetes_daemon_set", "apps/v1", "DaemonSet"},
    {"kubernetes_daemonset", "apps/v1", "DaemonSet"},
    {"kubernetes_replication_controller", "v1", "ReplicationController"},
    {"kubernetes_job", "batch/v1", "Job"},
    {"kubernetes_cron_job", "batch/v1", "CronJob"},
    {"kubernetes_validating_webhook_configuration", "admissionregistration.k8s.io/v1",
     "ValidatingWebhookConfiguration"},
    {"kubernetes_mutating_webhook_configuration", "admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration"},
}};

// Blocks that repeat, and the list field each instance joins; every other block occurs at
// most once and becomes an object.
constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kRepeatedBlocks{{
    {"container", "containers"},
    {"init_container", "initContainers"},
    {"volume", "volumes"},
    {"volume_mount", "volumeMounts"},
    {"webhook", "webhooks"},
    {"rule", "rules"},
    {"port", "ports"},
    {"env", "env"},
    {"env_from", "envFrom"},
    {"toleration", "tolerations"},
    {"match_expressions", "matchExpressions"},
    {"image_pull_secrets", "imagePullSecrets"},
    {"host_aliases", "hostAliases"},
}};

// The provider keeps these integer fields as strings; Kubernetes has them as numbers.
constexpr std::string_view kNumericStrings[] = {"fsGroup", "runAsUser", "runAsGroup"};

std::string camel_case(std::string_view snake) {
  std::string out;
  bool upper = false;
  for (const char c : snake) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

const TypedResource* find_typed(std::string_view tf_type) {
  if (tf_type.ends_with("_v1") || tf_type.ends_with("_v2")) tf_type.remove_suffix(3);
  for (const auto& t : kTypedResources) {
    if (t.tf_type == tf_type) return &t;
  }
  return nullptr;
}

Value object_shape(const Value& block);

// A field's value: nested blocks (arrays of objects) as the object shape, numbers kept as
// the provider's strings converted back.
Value field_value(std::string_view key, const Value& v, bool repeated) {
  const auto* items = v.as_array();
  const bool blocks = items != nullptr && !items->empty() && (*items)[0].is_object();
  if (blocks) {
    if (!repeated && items->size() == 1) return object_shape((*items)[0]);
    Value::Array out;
    for (const Value& item : *items) out.push_back(object_shape(item));
    return Value::array(std::move(out), v.span());
  }
  for (const std::string_view numeric : kNumericStrings) {
    const auto text = v.as_string();
    double n = 0;
    if (key != numeric || !text) continue;
    const auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
    if (ec == std::errc{} && ptr == text->data() + text->size()) {
      Value number = Value::number(n, v.span());
      number.set_provenance(v.provenance());
      return number;
    }
  }
  return v;
}

Value object_shape(const Value& block) {
  const auto* members = block.as_object();
  if (members == nullptr) return block;
  Value out = Value::object({}, block.span());
  for (const auto& m : *members) {
    if (m.value.is_null()) continue;  // plan JSON lists unset attributes as null
    std::string key = camel_case(m.key);
    bool repeated = false;
    for (const auto& [block_name, list_name] : kRepeatedBlocks) {
      if (m.key == block_name) {
        key = std::string(list_name);
        repeated = true;
      }
    }
    out.set(key, field_value(key, m.value, repeated), m.key_span);
  }
  return out;
}

Origin origin_of(const TerraformResource& tf) {
  Origin o;
  o.kind = tf.kind;
  o.file = tf.file;
  o.address = tf.address;
  o.source_type = std::string(tf.tf_type);
  o.span = tf.span;
  o.header_span = tf.header_span;
  return o;
}

}  // namespace

bool is_kubernetes_type(std::string_view tf_type) {
  return tf_type == "kubernetes_manifest" || find_typed(tf_type) != nullptr;
}

std::optional<Resource> kubernetes_to_canonical(const TerraformResource& tf) {
  if (tf.tf_type == "kubernetes_manifest") {
    const Value* manifest = tf.attributes->find("manifest");
    if (manifest == nullptr || !manifest->is_object()) return std::nullopt;
    return kubernetes_resource(*manifest, origin_of(tf));
  }
  const TypedResource* typed = find_typed(tf.tf_type);
  if (typed == nullptr) return std::nullopt;
  Value object = object_shape(*tf.attributes);
  object.set("apiVersion", Value::string(std::string(typed->api_version), tf.header_span));
  object.set("kind", Value::string(std::string(typed->kind), tf.header_span));
  return kubernetes_resource(std::move(object), origin_of(tf));
}

}  // namespace akslint::terraform
