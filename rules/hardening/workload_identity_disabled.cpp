// AKS732: identities trust a cluster's service account tokens that the cluster does not issue.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "identity"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/workload-identity-overview",
    "https://learn.microsoft.com/azure/aks/workload-identity-deploy-cluster",
};
constexpr PeerRule kPeers[] = {{"PSRule", "Azure.AKS.UseWorkloadIdentity"}};
constexpr std::string_view kFederatedCredentialType =
    "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials";
constexpr std::string_view kOidcPath = "properties.oidcIssuerProfile.enabled";
constexpr std::string_view kWorkloadIdentityPath = "properties.securityProfile.workloadIdentity.enabled";

constexpr RuleMetadata kMeta{
    .id = "AKS732",
    .slug = "workload-identity-disabled",
    .title = "Pods are meant to use workload identity, but the cluster does not enable it.",
    .summary = "Flags clusters named as the issuer of a federated identity credential while their OIDC issuer "
               "or workload identity is off.",
    .why = "A federated identity credential lets pods exchange their service account token for an Entra ID "
           "token. That needs the cluster's OIDC issuer (which publishes the keys the token is checked "
           "against) and the workload identity webhook (which gives pods the token). With either off, the "
           "issuer URL is empty or the pods get no token, and every call the workload makes to Azure fails.",
    .fix = "Enable both: `oidcIssuerProfile.enabled` and `securityProfile.workloadIdentity.enabled` (Terraform "
           "`oidc_issuer_enabled = true` and `workload_identity_enabled = true`).",
    .noncompliant_example = R"(resource "azurerm_federated_identity_credential" "app" {
  issuer = azurerm_kubernetes_cluster.aks.oidc_issuer_url
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  oidc_issuer_enabled       = true
  workload_identity_enabled = true
})",
    .level = Level::Error,
    .security_severity = 3.0,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

// A federated credential whose issuer is this cluster's.
const Resource* federated_credential(const ResourceGraph& g, VertexId cluster) {
  for (const Edge& e : g.in_edges(cluster, EdgeKind::References)) {
    if (g.is_resource(e.source) && g.resource(e.source).is(kFederatedCredentialType) &&
        e.from_path.starts_with("properties.issuer")) {
      return &g.resource(e.source);
    }
  }
  return nullptr;
}

// The first of the two switches that is known off (false, or absent: off is the default).
std::optional<std::pair<std::string_view, const Value*>> switched_off(const Resource& cluster) {
  for (const std::string_view path : {kOidcPath, kWorkloadIdentityPath}) {
    const Value* value = cluster.at(path);
    if (value != nullptr ? value->as_bool() == false : known_absent(cluster.body, path)) return std::pair{path, value};
  }
  return std::nullopt;
}

class WorkloadIdentityDisabledRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    const ResourceGraph& g = ctx.graph();
    for (const VertexId v : g.resources_of(kManagedClusterType)) {
      const Resource& cluster = g.resource(v);
      const Resource* credential = cluster.existing ? nullptr : federated_credential(g, v);
      const auto off = credential != nullptr ? switched_off(cluster) : std::nullopt;
      if (!off) continue;
      const bool oidc = off->first == kOidcPath;
      Finding& f = ctx.report(cluster, off->first, off->second,
                              fmt::format("Federated credential '{}' trusts tokens of cluster '{}', but the cluster's "
                                          "{} is off, so pods get no Entra ID token; enable the OIDC issuer and "
                                          "workload identity.",
                                          display_name(*credential), display_name(cluster),
                                          oidc ? "OIDC issuer" : "workload identity"));
      f.related.push_back(related_to(*credential, "the federated identity credential"));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_workload_identity_disabled() {
  return std::make_unique<WorkloadIdentityDisabledRule>();
}

}  // namespace akslint
