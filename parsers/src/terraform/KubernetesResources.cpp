#include "terraform/KubernetesResources.h"

#include "kubernetes/KubernetesObject.h"
#include "kubernetes/YamlReader.h"

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

// Helm merges values files key by key, the later winning; lists are replaced whole.
void merge_values(Value& into, const Value& from) {
  if (!into.is_object() || !from.is_object()) {
    into = from;
    return;
  }
  for (const auto& m : *from.as_object()) {
    if (Value* existing = into.find(m.key)) {
      merge_values(*existing, m.value);
    } else {
      into.set(m.key, m.value, m.key_span);
    }
  }
}

// Values parsed out of a string keep offsets into the string, not the file: they take the
// span of the attribute that holds them.
void respan(Value& value, const SourceSpan& span) {
  value.set_span(span);
  if (auto* items = value.as_array()) {
    for (auto& item : *items) respan(item, span);
  } else if (auto* members = value.as_object()) {
    for (auto& m : *members) {
      m.key_span = span;
      respan(m.value, span);
    }
  }
}

// A release's chart values, as Helm computes them from `values` (literal YAML documents, in
// order) and `set` blocks (dotted names). Unknown when a values entry is not literal.
Value release_values(const Value& attrs) {
  Value values = Value::object();
  if (const Value* list = attrs.find("values"); list != nullptr && !list->is_null()) {
    const auto* items = list->as_array();
    if (items == nullptr) return Value::unknown("values", list->span());
    for (const Value& item : *items) {
      const auto text = item.as_string();
      if (!text) return Value::unknown("values", item.span());
      yaml::Stream stream = yaml::read_stream(*text, item.span().file);
      if (!stream.diagnostics.empty()) return Value::unknown("values", item.span());
      for (Value& document : stream.documents) {
        respan(document, item.span());
        merge_values(values, document);
      }
    }
  }
  if (const Value* sets = attrs.find("set"); sets != nullptr && sets->as_array() != nullptr) {
    for (const Value& entry : *sets->as_array()) {
      const Value* name = entry.find("name");
      const Value* value = entry.find("value");
      if (name == nullptr || value == nullptr || !name->as_string() || !values.is_object()) continue;
      values.ensure_path(*name->as_string()) = *value;
    }
  }
  return values;
}

// helm_release: Helm has no Kubernetes kind for a release, so the model names it
// helm.sh/v3 Release, with the chart and its computed values. The chart's templates are
// never rendered (that would run the chart), so the objects it creates stay unseen.
std::optional<Resource> helm_release(const TerraformResource& tf, const Origin& origin) {
  const Value& attrs = *tf.attributes;
  Value object = Value::object();
  object.set("apiVersion", Value::string("helm.sh/v3", tf.header_span));
  object.set("kind", Value::string("Release", tf.header_span));
  Value& metadata = object.ensure_path("metadata");
  for (const char* key : {"name", "namespace"}) {
    if (const Value* v = attrs.find(key); v != nullptr && !v->is_null()) metadata.set(key, *v);
  }
  Value& spec = object.ensure_path("spec");
  for (const char* key : {"chart", "repository", "version"}) {
    if (const Value* v = attrs.find(key); v != nullptr && !v->is_null()) spec.set(key, *v);
  }
  spec.set("values", release_values(attrs));
  return kubernetes_resource(std::move(object), origin);
}

}  // namespace

bool is_kubernetes_type(std::string_view tf_type) {
  return tf_type == "kubernetes_manifest" || tf_type == "helm_release" || find_typed(tf_type) != nullptr;
}

std::optional<Resource> kubernetes_to_canonical(const TerraformResource& tf) {
  if (tf.tf_type == "helm_release") return helm_release(tf, origin_of(tf));
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
