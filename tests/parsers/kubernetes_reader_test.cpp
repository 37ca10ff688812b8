// The Kubernetes YAML reader: documents, Lists, anchors, scalar styles, spans, Helm
// templates and bad input.
#include "Frontends.h"
#include "kubernetes/YamlScalars.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace akslint;

namespace {

struct ReadYaml {
  FileTable files;
  UnitModel model;

  const Resource* find(std::string_view address) const {
    for (const auto& r : model.resources) {
      if (r.origin.address == address) return &r;
    }
    return nullptr;
  }
  std::string_view text_at(const SourceSpan& span) const {
    return std::string_view(files[span.file].text).substr(span.begin_byte, span.end_byte - span.begin_byte);
  }
};

ReadYaml read_text(std::string text) {
  ReadYaml out;
  const FileId id = out.files.add({"objects.yaml", FileFormat::KubernetesYaml, std::move(text)});
  out.model = read_kubernetes_yaml({UnitKind::KubernetesYaml, "objects.yaml", {id}}, out.files);
  return out;
}

std::string data_file(const std::string& name) {
  std::ifstream in(std::string(AKSLINT_TESTS_DIR) + "/parsers/data/kubernetes/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string string_at(const Resource& r, std::string_view path) {
  const Value* v = r.at(path);
  REQUIRE(v != nullptr);
  REQUIRE(v->as_string());
  return std::string(*v->as_string());
}

}  // namespace

TEST_CASE("Kubernetes YAML: every document and List item becomes a resource") {
  const auto read = read_text(data_file("objects.yaml"));
  CHECK(read.model.diagnostics.empty());
  REQUIRE(read.model.resources.size() == 3);
  const Resource* web = read.find("Deployment/shop/web");
  REQUIRE(web != nullptr);
  CHECK(web->type == "Kubernetes/apps/Deployment");
  CHECK(web->api_version == "v1");
  CHECK(web->name.as_string() == "web");
  CHECK(web->origin.kind == SourceKind::Kubernetes);
  CHECK(read.text_at(web->origin.header_span) == "Deployment");
  REQUIRE(read.find("ConfigMap/settings") != nullptr);
  CHECK(read.find("ConfigMap/settings")->type == "Kubernetes/core/ConfigMap");
  CHECK(read.find("ValidatingWebhookConfiguration/policy")->type ==
        "Kubernetes/admissionregistration.k8s.io/ValidatingWebhookConfiguration");
}

TEST_CASE("Kubernetes YAML: scalars are typed as Kubernetes decodes them, with their spans") {
  const auto read = read_text(data_file("objects.yaml"));
  const Resource& web = *read.find("Deployment/shop/web");
  const Value* fs_group = web.at("spec.template.spec.securityContext.fsGroup");
  REQUIRE(fs_group != nullptr);
  CHECK(fs_group->as_number() == 2000);
  CHECK(read.text_at(fs_group->span()) == "2000");
  CHECK(read.files.start(fs_group->span()).row == 16);
  CHECK(web.at("spec.template.spec.securityContext.runAsNonRoot")->as_bool() == true);
  CHECK(string_at(web, "spec.template.spec.containers[0].image") == "nginx:1.25");
  CHECK(string_at(web, "spec.template.spec.containers[0].args[1]") == "8080");
  CHECK(string_at(web, "spec.template.spec.containers[0].command[0]") == "sh");
  CHECK(web.at("spec.template.spec.containers[0].env[0].value")->is_null());
  CHECK(string_at(web, "metadata.labels.tier") == "front");

  const Resource& settings = *read.find("ConfigMap/settings");
  CHECK(string_at(settings, "data.script") == "echo one\necho two\n");
  CHECK(string_at(settings, "data.folded") == "a b");
  const Resource& policy = *read.find("ValidatingWebhookConfiguration/policy");
  CHECK(string_at(policy, "webhooks[0].clientConfig.url") == "https://policy.example.com/validate!");
}

TEST_CASE("Kubernetes YAML: an alias is the anchored value, at the alias's place") {
  const auto read = read_text(data_file("objects.yaml"));
  const Resource& web = *read.find("Deployment/shop/web");
  const Value* labels = web.at("spec.template.metadata.labels");
  REQUIRE(labels != nullptr);
  CHECK(labels->find("app")->as_string() == "web");
  CHECK(read.text_at(labels->span()) == "*labels");
}

TEST_CASE("Kubernetes YAML: merge keys add what the mapping does not set") {
  const auto read = read_text(
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nbase: &base {a: 1, b: 2}\nspec:\n  <<: *base\n  b: 3\n");
  REQUIRE(read.model.resources.size() == 1);
  const Resource& pod = read.model.resources[0];
  CHECK(pod.at("spec.a")->as_number() == 1);
  CHECK(pod.at("spec.b")->as_number() == 3);
  CHECK(pod.at("spec.<<") == nullptr);
}

TEST_CASE("Kubernetes YAML: Helm templates are reported, not read") {
  const auto read = read_text("apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n");
  CHECK(read.model.resources.empty());
  REQUIRE(read.model.diagnostics.size() == 1);
  CHECK(read.model.diagnostics[0].code == "helm-template-not-analysed");
  CHECK(read.model.diagnostics[0].level == DiagnosticLevel::Warning);

  const auto commented = read_text("# render with {{ helm }}\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n");
  CHECK(commented.model.diagnostics.empty());
  CHECK(commented.model.resources.size() == 1);
}

TEST_CASE("Kubernetes YAML: a syntax error stops the file, never half-read") {
  const auto read = read_text("apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: [unclosed\n");
  CHECK(read.model.resources.empty());
  REQUIRE(read.model.diagnostics.size() == 1);
  CHECK(read.model.diagnostics[0].code == "syntax-error");
  CHECK(read.model.diagnostics[0].makes_scan_partial());
}

TEST_CASE("Kubernetes YAML: documents without apiVersion and kind are skipped") {
  const auto read = read_text("just: data\n---\n- 1\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n");
  CHECK(read.model.diagnostics.empty());
  REQUIRE(read.model.resources.size() == 1);
  CHECK(read.model.resources[0].type == "Kubernetes/core/Namespace");
}

TEST_CASE("YAML scalars: core schema types and quoting") {
  CHECK(yaml::typed_plain("0x1F", {}).as_number() == 31);
  CHECK(yaml::typed_plain("-1.5", {}).as_number() == -1.5);
  CHECK(yaml::typed_plain("1.2.3", {}).as_string() == "1.2.3");
  CHECK(yaml::typed_plain("yes", {}).as_string() == "yes");
  CHECK(yaml::typed_plain("False", {}).as_bool() == false);
  CHECK(yaml::double_quoted(R"("a\tb\"c\u00e9")") == "a\tb\"c\xC3\xA9");
  CHECK(yaml::single_quoted("'it''s'") == "it's");
  CHECK(yaml::block("|-\n  x\n  y\n") == "x\ny");
  CHECK(yaml::block(">\n  a\n  b\n\n  c\n") == "a b\nc\n");
}
