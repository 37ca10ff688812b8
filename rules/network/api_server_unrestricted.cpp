// AKS304: the API server is reachable from everywhere.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "network", "api-server"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr PeerRule kPeers[] = {
    {"Checkov", "CKV_AZURE_6"},
    {"Trivy", "AVD-AZU-0041"},
    {"PSRule", "Azure.AKS.AuthorizedIPs"},
    {"Template Analyzer", "TA-000023"},
};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges",
    "https://learn.microsoft.com/azure/aks/private-clusters",
};

constexpr RuleMetadata kMeta{
    .id = "AKS304",
    .slug = "api-server-unrestricted",
    .title = "The cluster's API server is reachable from any address.",
    .summary = "Flags clusters that are neither private nor limited to authorized IP ranges, and authorized "
               "ranges that admit every address (0.0.0.0/0).",
    .why = "A public API server without authorized IP ranges accepts connections from the whole internet; "
           "every credential leak or API server vulnerability is then exploitable from anywhere. A range of "
           "`0.0.0.0/0` is the same as no range. (`0.0.0.0/32` is the documented value that admits only the "
           "cluster's own outbound IP and is fine.)",
    .fix = "Make the cluster private (`enablePrivateCluster`, Terraform `private_cluster_enabled = true`), or "
           "list the networks that administer it in `apiServerAccessProfile.authorizedIPRanges` (Terraform "
           "`api_server_access_profile { authorized_ip_ranges = [...] }`).",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  api_server_access_profile {
    authorized_ip_ranges = ["0.0.0.0/0"]
  }
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  api_server_access_profile {
    authorized_ip_ranges = ["203.0.113.0/24"]
  }
})",
    .level = Level::Warning,
    .security_severity = 6.5,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

bool admits_everyone(const Value& range) {
  const auto text = range.as_string();
  const auto parsed = text ? parse_ipv4_prefix(*text) : std::nullopt;
  return parsed && parsed->first == 0 && parsed->last == 0xFFFFFFFFu;
}

class ApiServerUnrestrictedRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const VertexId v : ctx.graph().resources_of(kManagedClusterType)) {
      const Resource& cluster = ctx.graph().resource(v);
      if (cluster.existing) continue;
      const Value* is_private = cluster.at("properties.apiServerAccessProfile.enablePrivateCluster");
      if (is_private == nullptr && !known_absent(cluster.body, "properties.apiServerAccessProfile.enablePrivateCluster")) {
        continue;
      }
      if (is_private != nullptr && !is_private->is_null()) {
        const auto flag = is_private->as_bool();
        if (!flag || *flag) continue;  // private, or unknown
      }
      check_ranges(ctx, cluster);
    }
  }

 private:
  static void check_ranges(RuleContext& ctx, const Resource& cluster) {
    constexpr std::string_view kPath = "properties.apiServerAccessProfile.authorizedIPRanges";
    const Value* ranges = cluster.at(kPath);
    const auto* items = ranges != nullptr ? ranges->as_array() : nullptr;
    if (ranges != nullptr && !ranges->is_null() && items == nullptr) return;  // unknown list
    if (ranges == nullptr && !known_absent(cluster.body, kPath)) return;
    if (items == nullptr || items->empty()) {
      ctx.report(cluster, kPath, ranges,
                 fmt::format("Cluster '{}' has a public API server with no authorized IP ranges; make it private "
                             "or list the networks allowed to reach it.",
                             display_name(cluster)));
      return;
    }
    for (std::size_t i = 0; i < items->size(); ++i) {
      if (!admits_everyone((*items)[i])) continue;
      ctx.report(cluster, fmt::format("{}[{}]", kPath, i), &(*items)[i],
                 fmt::format("Cluster '{}' authorizes {} to reach its API server, which admits every address; list "
                             "only the networks that administer the cluster.",
                             display_name(cluster), (*items)[i].to_display()));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_api_server_unrestricted() { return std::make_unique<ApiServerUnrestrictedRule>(); }

}  // namespace akslint
