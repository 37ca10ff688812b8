// Kubernetes objects written through Terraform's kubernetes provider and Bicep's Kubernetes
// extension: the same canonical objects as in YAML.
#include "Frontends.h"

#include <catch2/catch.hpp>

using namespace akslint;

namespace {

UnitModel read_one(FileTable& files, const std::string& path, FileFormat format, UnitKind kind, std::string text) {
  const FileId id = files.add({path, format, std::move(text)});
  const DeploymentUnit unit{kind, kind == UnitKind::TerraformModule ? "." : path, {id}};
  return kind == UnitKind::TerraformModule ? read_terraform_module(unit, files) : read_bicep(unit, files);
}

const Resource* find_type(const UnitModel& model, std::string_view type) {
  for (const auto& r : model.resources) {
    if (r.type == type) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("Terraform typed kubernetes resources become Kubernetes objects") {
  FileTable files;
  const auto model = read_one(files, "main.tf", FileFormat::Terraform, UnitKind::TerraformModule, R"(
resource "kubernetes_deployment_v1" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
  }
  spec {
    template {
      spec {
        security_context {
          fs_group = "2000"
        }
        container {
          name  = "web"
          image = "nginx:1.25"
        }
      }
    }
  }
}
)");
  const Resource* web = find_type(model, "Kubernetes/apps/Deployment");
  REQUIRE(web != nullptr);
  CHECK(web->origin.address == "kubernetes_deployment_v1.web");
  CHECK(web->name.as_string() == "web");
  CHECK(web->at("apiVersion")->as_string() == "apps/v1");
  CHECK(web->at("metadata.namespace")->as_string() == "shop");
  const Value* fs_group = web->at("spec.template.spec.securityContext.fsGroup");
  REQUIRE(fs_group != nullptr);
  CHECK(fs_group->as_number() == 2000);  // the provider's string, as Kubernetes' number
  CHECK(files.start(fs_group->span()).row == 10);
  CHECK(web->at("spec.template.spec.containers[0].image")->as_string() == "nginx:1.25");
}

TEST_CASE("Terraform kubernetes_manifest is the object it holds; an expression is not guessed") {
  FileTable files;
  const auto model = read_one(files, "main.tf", FileFormat::Terraform, UnitKind::TerraformModule, R"(
variable "manifest" {
  type = any
}
resource "kubernetes_manifest" "policy" {
  manifest = {
    apiVersion = "admissionregistration.k8s.io/v1"
    kind       = "ValidatingWebhookConfiguration"
    metadata   = { name = "policy" }
    webhooks   = [{ name = "policy.example.com" }]
  }
}
resource "kubernetes_manifest" "unknown" {
  manifest = var.manifest
}
)");
  const Resource* policy = find_type(model, "Kubernetes/admissionregistration.k8s.io/ValidatingWebhookConfiguration");
  REQUIRE(policy != nullptr);
  CHECK(policy->api_version == "v1");
  CHECK(policy->at("webhooks[0].name")->as_string() == "policy.example.com");
  std::size_t kubernetes_objects = 0;
  for (const auto& r : model.resources) kubernetes_objects += r.type.starts_with("Kubernetes/") ? 1U : 0U;
  CHECK(kubernetes_objects == 1);
}

TEST_CASE("Bicep Kubernetes extension resources become Kubernetes objects") {
  FileTable files;
  const auto model = read_one(files, "main.bicep", FileFormat::Bicep, UnitKind::Bicep, R"(
extension kubernetes with {
  namespace: 'default'
  kubeConfig: ''
}

resource pod 'core/Pod@v1' = {
  metadata: {
    name: 'tool'
  }
  spec: {
    securityContext: {
      runAsUser: 0
    }
  }
}

resource hooks 'admissionregistration.k8s.io/MutatingWebhookConfiguration@v1' = {
  metadata: {
    name: 'defaults'
  }
  webhooks: []
}
)");
  const Resource* pod = find_type(model, "Kubernetes/core/Pod");
  REQUIRE(pod != nullptr);
  CHECK(pod->name.as_string() == "tool");
  CHECK(pod->at("apiVersion")->as_string() == "v1");
  CHECK(pod->at("kind")->as_string() == "Pod");
  CHECK(pod->at("spec.securityContext.runAsUser")->as_number() == 0);
  const Resource* hooks = find_type(model, "Kubernetes/admissionregistration.k8s.io/MutatingWebhookConfiguration");
  REQUIRE(hooks != nullptr);
  CHECK(hooks->at("apiVersion")->as_string() == "admissionregistration.k8s.io/v1");
}

TEST_CASE("without the Kubernetes extension, Bicep types are left as written") {
  FileTable files;
  const auto model = read_one(files, "main.bicep", FileFormat::Bicep, UnitKind::Bicep, R"(
resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'sa'
  location: 'westeurope'
}
)");
  REQUIRE(model.resources.size() == 1);
  CHECK(model.resources[0].type == "Microsoft.Storage/storageAccounts");
}

TEST_CASE("helm_release is kept as a release with the chart values Helm would compute") {
  FileTable files;
  const auto model = read_one(files, "main.tf", FileFormat::Terraform, UnitKind::TerraformModule, R"(
resource "helm_release" "ingress" {
  name       = "ingress-nginx"
  namespace  = "ingress"
  repository = "https://kubernetes.github.io/ingress-nginx"
  chart      = "ingress-nginx"
  version    = "4.11.3"
  values = [<<-EOT
    controller:
      replicaCount: 2
      admissionWebhooks:
        failurePolicy: Fail
    EOT
  , "controller: {replicaCount: 3}"]

  set {
    name  = "controller.service.type"
    value = "LoadBalancer"
  }
}

resource "helm_release" "templated" {
  name   = "app"
  chart  = "./chart"
  values = [templatefile("values.yaml", {})]
}
)");
  CHECK(model.diagnostics.empty());
  const Resource* release = find_type(model, "Kubernetes/helm.sh/Release");
  REQUIRE(release != nullptr);
  CHECK(release->origin.address == "helm_release.ingress");
  CHECK(release->at("spec.chart")->as_string() == "ingress-nginx");
  // The later values document wins key by key; the earlier one's other keys stay.
  CHECK(release->at("spec.values.controller.replicaCount")->as_number() == 3.0);
  CHECK(release->at("spec.values.controller.admissionWebhooks.failurePolicy")->as_string() == "Fail");
  CHECK(release->at("spec.values.controller.service.type")->as_string() == "LoadBalancer");
  // Spans point into the .tf file, at the attribute that wrote them.
  CHECK(release->at("spec.values.controller.replicaCount")->span().file == 0);
  // Values that are not literal stay unknown.
  const Resource* templated = nullptr;
  for (const auto& r : model.resources) {
    if (r.origin.address == "helm_release.templated") templated = &r;
  }
  REQUIRE(templated != nullptr);
  CHECK(templated->at("spec.values")->is_unknown());
}
