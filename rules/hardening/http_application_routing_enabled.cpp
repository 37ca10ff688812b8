// AKS717: the HTTP application routing add-on is enabled.
#include <akslint/analyzer/AttributeCheck.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "network", "add-on"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr PeerRule kPeers[] = {{"PSRule", "Azure.AKS.HttpAppRouting"}};
constexpr std::string_view kReferences[] = {"https://learn.microsoft.com/azure/aks/app-routing-migration"};

constexpr RuleMetadata kMeta{
    .id = "AKS717",
    .slug = "http-application-routing-enabled",
    .title = "The HTTP application routing add-on is enabled.",
    .summary = "Flags clusters whose `addonProfiles.httpApplicationRouting.enabled` (Terraform "
               "`http_application_routing_enabled`) is true. Absent is off.",
    .why = "The add-on is meant for development only: it publishes services on a public DNS zone without TLS "
           "and is retired. Level warning, security-severity 5.0 (medium): services exposed over plain HTTP.",
    .fix = "Disable the add-on and use the application routing add-on (`ingressProfile.webAppRouting`, "
           "Terraform `web_app_routing`) or another ingress controller with TLS.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  http_application_routing_enabled = true
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  web_app_routing {
    dns_zone_ids = []
  }
})",
    .level = Level::Warning,
    .security_severity = 5.0,
    .precision = Precision::VeryHigh,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

constexpr AttributeCheck kCheck{
    .path = "properties.addonProfiles.httpApplicationRouting.enabled",
    .violates = is_true,
    .message = "Cluster '{name}' enables the HTTP application routing add-on (development only, retired).",
};

}  // namespace

std::unique_ptr<Rule> make_rule_http_application_routing_enabled() { return make_attribute_rule(kMeta, kCheck); }

}  // namespace akslint
