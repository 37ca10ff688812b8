// AKS730: a node pool's Kubernetes version is ahead of the control plane or too far behind it.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

#include <charconv>

namespace akslint {
namespace {

// How many minor versions a node pool may trail the control plane. The AKS API reference for
// agentPools `orchestratorVersion` says the pool's minor version must be within two minor versions
// of the control plane's (stricter than upstream Kubernetes, whose kubelet skew became three minor
// versions from kubelet 1.25 on).
constexpr int kMaxMinorVersionsBehind = 2;

constexpr std::string_view kTags[] = {"reliability", "upgrades", "node-pool"};
constexpr std::string_view kTypes[] = {kManagedClusterType, kAgentPoolType};
constexpr PeerRule kPeers[] = {{"PSRule", "Azure.AKS.PoolVersion"}};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/templates/microsoft.containerservice/managedclusters/agentpools",
    "https://learn.microsoft.com/azure/aks/upgrade-node-pools",
    "https://learn.microsoft.com/azure/aks/supported-kubernetes-versions",
};
constexpr std::string_view kClusterVersion = "properties.kubernetesVersion";

constexpr RuleMetadata kMeta{
    .id = "AKS730",
    .slug = "node-pool-version-skew",
    .title = "A node pool's Kubernetes version is outside the skew AKS allows against the control plane.",
    .summary = "Compares each node pool's `orchestratorVersion` (Terraform `orchestrator_version`) with the "
               "cluster's `kubernetesVersion` (`kubernetes_version`) when both are known `major.minor` or "
               "`major.minor.patch` versions: a pool on a newer minor version than the control plane is an "
               "error, a pool more than two minor versions behind it a warning.",
    .why = "AKS rejects a node pool whose version is newer than the control plane's, so the deployment "
           "fails. The AKS API also requires a pool's minor version to be within two of the control plane's: "
           "a pool further behind runs a kubelet outside the supported skew, and every control plane upgrade "
           "widens the gap.",
    .fix = "Keep every pool on the control plane's minor version (set `orchestrator_version` to the "
           "cluster's `kubernetes_version`, or leave it out); upgrade lagging pools one minor version at a "
           "time before the control plane moves on.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  kubernetes_version = "1.30"
}
resource "azurerm_kubernetes_cluster_node_pool" "user" {
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  orchestrator_version  = "1.31"
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  kubernetes_version = "1.31"
}
resource "azurerm_kubernetes_cluster_node_pool" "user" {
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  orchestrator_version  = "1.31.2"
})",
    .level = Level::Error,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

struct MinorVersion {
  int major = 0;
  int minor = 0;
};

// Reads one decimal number at `pos`; nullopt when there is none.
std::optional<int> read_number(std::string_view text, std::size_t& pos) {
  int number = 0;
  const char* first = text.data() + pos;
  const auto [end, ec] = std::from_chars(first, text.data() + text.size(), number);
  if (ec != std::errc{}) return std::nullopt;
  pos += static_cast<std::size_t>(end - first);
  return number;
}

// "1.29" or "1.29.4"; anything else (aliases, previews, expressions) is not a version to compare.
std::optional<MinorVersion> parse_version(const Value* value) {
  const auto text = value != nullptr ? value->as_string() : std::nullopt;
  if (!text) return std::nullopt;
  std::size_t pos = 0;
  const auto major = read_number(*text, pos);
  if (!major || pos >= text->size() || (*text)[pos] != '.') return std::nullopt;
  ++pos;
  const auto minor = read_number(*text, pos);
  if (!minor) return std::nullopt;
  if (pos < text->size()) {
    if ((*text)[pos] != '.') return std::nullopt;
    ++pos;
    if (!read_number(*text, pos) || pos != text->size()) return std::nullopt;
  }
  return MinorVersion{*major, *minor};
}

class NodePoolVersionSkewRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const AgentPool& pool : ctx.agent_pools()) {
      if (pool.cluster == nullptr || pool.resource->existing) continue;
      check_pool(ctx, pool);
    }
  }

 private:
  static void check_pool(RuleContext& ctx, const AgentPool& pool) {
    const Value* pool_value = pool.field("orchestratorVersion");
    const Value* cluster_value = pool.cluster->at(kClusterVersion);
    const auto pool_version = parse_version(pool_value);
    const auto cluster_version = parse_version(cluster_value);
    if (!pool_version || !cluster_version || pool_version->major != cluster_version->major) return;
    const int behind = cluster_version->minor - pool_version->minor;
    if (behind >= 0 && behind <= kMaxMinorVersionsBehind) return;
    const std::string_view pool_text = *pool_value->as_string();
    const std::string_view cluster_text = *cluster_value->as_string();
    const std::string message =
        behind < 0 ? fmt::format("Node pool '{}' asks for Kubernetes {}, newer than cluster '{}' ({}); AKS rejects "
                                 "a pool ahead of the control plane. Use the cluster's version or upgrade the "
                                 "control plane first.",
                                 pool.name, pool_text, display_name(*pool.cluster), cluster_text)
                   : fmt::format("Node pool '{}' runs Kubernetes {}, {} minor versions behind cluster '{}' ({}); "
                                 "AKS supports pools at most {} behind. Upgrade the pool toward the cluster's "
                                 "version.",
                                 pool.name, pool_text, behind, display_name(*pool.cluster), cluster_text,
                                 kMaxMinorVersionsBehind);
    Finding& f = ctx.report(*pool.resource, pool.path_of("orchestratorVersion"), pool_value, message);
    if (behind > 0) f.level = Level::Warning;
    f.related.push_back({cluster_value->span().valid() ? cluster_value->span() : pool.cluster->origin.header_span,
                         "the control plane's Kubernetes version"});
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_node_pool_version_skew() {
  return std::make_unique<NodePoolVersionSkewRule>();
}

}  // namespace akslint
