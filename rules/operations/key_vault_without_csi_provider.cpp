// AKS406: pods are given Key Vault through the node identity instead of the CSI provider.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "operations", "secrets"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/csi-secrets-store-driver",
    "https://learn.microsoft.com/azure/aks/csi-secrets-store-identity-access",
};
constexpr PeerRule kPeers[] = {{"PSRule", "Azure.AKS.SecretStore"}};
constexpr std::string_view kAddonPath = "properties.addonProfiles.azureKeyvaultSecretsProvider.enabled";

constexpr RuleMetadata kMeta{
    .id = "AKS406",
    .slug = "key-vault-without-csi-provider",
    .title = "A cluster reaches Key Vault without the Secrets Store CSI provider.",
    .summary = "Flags clusters that are given access to a Key Vault (a role assignment or access policy for the "
               "cluster's identity) while the Azure Key Vault secrets provider add-on is off.",
    .why = "Pods reach Key Vault on AKS through the Secrets Store CSI driver's Azure provider, which the "
           "`azureKeyvaultSecretsProvider` add-on installs, keeps updated and can rotate secrets with. Giving "
           "the vault to the cluster's own (kubelet) identity instead lets every pod on every node read it "
           "through the node's metadata endpoint, and leaves each application to fetch and refresh secrets "
           "by itself.",
    .fix = "Enable the add-on (`addonProfiles.azureKeyvaultSecretsProvider.enabled`, Terraform "
           "`key_vault_secrets_provider { secret_rotation_enabled = true }`), mount secrets with a "
           "`SecretProviderClass`, and grant the vault to a workload identity or the add-on's identity "
           "rather than the kubelet identity.",
    .noncompliant_example = R"(resource "azurerm_role_assignment" "secrets" {
  scope                = azurerm_key_vault.kv.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  key_vault_secrets_provider {
    secret_rotation_enabled = true
  }
})",
    .level = Level::Note,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

bool references_vault(const ResourceGraph& g, VertexId v) {
  for (const Edge& e : g.out_edges(v)) {
    if (g.is_resource(e.target) && g.resource(e.target).is(kKeyVaultType)) return true;
  }
  return false;
}

// A resource that gives the cluster's identity a Key Vault: a vault whose access policy names
// the cluster, or a role assignment or access policy that names both.
const Resource* vault_grant(const ResourceGraph& g, VertexId cluster) {
  for (const Edge& e : g.in_edges(cluster, EdgeKind::References)) {
    if (!g.is_resource(e.source)) continue;
    const Resource& source = g.resource(e.source);
    if (source.is(kKeyVaultType) && e.from_path.starts_with("properties.accessPolicies")) return &source;
    if ((source.is(kRoleAssignmentType) || source.is("Microsoft.KeyVault/vaults/accessPolicies")) &&
        references_vault(g, e.source)) {
      return &source;
    }
  }
  return nullptr;
}

class KeyVaultWithoutCsiProviderRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    const ResourceGraph& g = ctx.graph();
    for (const VertexId v : g.resources_of(kManagedClusterType)) {
      const Resource& cluster = g.resource(v);
      const Value* enabled = cluster.at(kAddonPath);
      if (enabled != nullptr ? enabled->as_bool() != false : !known_absent(cluster.body, kAddonPath)) continue;
      const Resource* grant = vault_grant(g, v);
      if (grant == nullptr) continue;
      Finding& f = ctx.report(cluster, kAddonPath, enabled,
                              fmt::format("Cluster '{}' is given a Key Vault through '{}', but the Key Vault secrets "
                                          "provider add-on is off: every pod can read the vault through the node "
                                          "identity. Enable the add-on and mount secrets with a SecretProviderClass.",
                                          display_name(cluster), display_name(*grant)));
      f.related.push_back(related_to(*grant, "the grant of the vault"));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_key_vault_without_csi_provider() {
  return std::make_unique<KeyVaultWithoutCsiProviderRule>();
}

}  // namespace akslint
