// AKS403: a cluster authenticates with a service principal instead of a managed identity.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "reliability", "identity"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/use-managed-identity",
    "https://learn.microsoft.com/azure/aks/update-credentials",
};
constexpr PeerRule kPeers[] = {{"PSRule", "Azure.AKS.ManagedIdentity"}};
constexpr std::string_view kPath = "properties.servicePrincipalProfile.clientId";

constexpr RuleMetadata kMeta{
    .id = "AKS403",
    .slug = "service-principal-credentials",
    .title = "A cluster uses service principal credentials instead of a managed identity.",
    .summary = "Flags clusters with a service principal (`servicePrincipalProfile.clientId` other than `msi`, "
               "Terraform `service_principal`).",
    .why = "A service principal's secret expires. When it does, the cluster can no longer manage load "
           "balancers, attach volumes or pull from the registry, and upgrades fail until the credentials are "
           "reset by hand. Managed identities have no secret to rotate.",
    .fix = "Use a managed identity: `identity: { type: 'SystemAssigned' }` (or a user-assigned identity) "
           "instead of `servicePrincipalProfile`; in Terraform an `identity` block instead of "
           "`service_principal`. Existing clusters can be updated in place (`az aks update --enable-managed-identity`).",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  service_principal {
    client_id     = var.client_id
    client_secret = var.client_secret
  }
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  identity {
    type = "SystemAssigned"
  }
})",
    .level = Level::Warning,
    .security_severity = 5.0,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

class ServicePrincipalCredentialsRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const VertexId v : ctx.graph().resources_of(kManagedClusterType)) {
      const Resource& cluster = ctx.graph().resource(v);
      const Value* client = cluster.at(kPath);
      if (client == nullptr || client->is_null()) continue;
      const auto text = client->as_string();
      if (text && iequals(*text, "msi")) continue;  // the placeholder of a managed-identity cluster
      // Any other client id, known or not, is a service principal with a secret.
      ctx.report(cluster, kPath, client,
                 fmt::format("Cluster '{}' authenticates with a service principal, whose expiring secret later "
                             "breaks load balancers, volume mounts and upgrades; use a managed identity.",
                             display_name(cluster)));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_service_principal_credentials() {
  return std::make_unique<ServicePrincipalCredentialsRule>();
}

}  // namespace akslint
