// AKS731: a cluster name or DNS prefix that Azure rejects.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"validity", "naming"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftcontainerservice",
    "https://learn.microsoft.com/rest/api/aks/managed-clusters/create-or-update",
};
constexpr PeerRule kPeers[] = {{"PSRule", "Azure.AKS.Name"}, {"PSRule", "Azure.AKS.DNSPrefix"}};

constexpr RuleMetadata kMeta{
    .id = "AKS731",
    .slug = "cluster-name-invalid",
    .title = "A cluster name or DNS prefix breaks Azure's naming rules.",
    .summary = "Flags cluster names that are not 1 to 63 letters, digits, hyphens and underscores, and DNS "
               "prefixes that are not 1 to 54 letters, digits and hyphens, either starting or ending with "
               "something other than a letter or digit.",
    .why = "Azure rejects the deployment, but only when it runs: after the plan was reviewed, often after other "
           "resources of the same deployment were created. Both values are fixed once the cluster exists, so "
           "the name chosen first is the one the cluster keeps.",
    .fix = "Use 1 to 63 letters, digits, hyphens and underscores for the name, and 1 to 54 letters, digits and "
           "hyphens for the DNS prefix (no underscores, no dots), each starting and ending with a letter or "
           "digit.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  name       = "aks-prod-"
  dns_prefix = "aks_prod"
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  name       = "aks-prod"
  dns_prefix = "aks-prod"
})",
    .level = Level::Error,
    .precision = Precision::VeryHigh,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

struct NameRule {
  std::string_view what;
  std::size_t max_length;
  std::string_view inner_extra;  // characters allowed besides letters and digits, not at the ends
};
constexpr NameRule kNameRule{"name", 63, "-_"};
constexpr NameRule kDnsPrefixRule{"DNS prefix", 54, "-"};

bool alphanumeric(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// What is wrong with `text` under `rule`, or empty when it is valid.
std::string problem(std::string_view text, const NameRule& rule) {
  if (text.empty() || text.size() > rule.max_length) {
    return fmt::format("has {} characters; it must have 1 to {}", text.size(), rule.max_length);
  }
  for (const char c : text) {
    if (!alphanumeric(c) && rule.inner_extra.find(c) == std::string_view::npos) {
      return fmt::format("contains '{}'; only letters, digits and '{}' are allowed", c,
                         fmt::join(rule.inner_extra, "', '"));
    }
  }
  if (!alphanumeric(text.front()) || !alphanumeric(text.back())) return "must start and end with a letter or digit";
  return {};
}

class ClusterNameInvalidRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const VertexId v : ctx.graph().resources_of(kManagedClusterType)) {
      const Resource& cluster = ctx.graph().resource(v);
      if (cluster.existing) continue;
      check_value(ctx, cluster, "@name", &cluster.name, kNameRule);
      check_value(ctx, cluster, "properties.dnsPrefix", cluster.at("properties.dnsPrefix"), kDnsPrefixRule);
    }
  }

 private:
  static void check_value(RuleContext& ctx, const Resource& cluster, std::string_view path, const Value* value,
                          const NameRule& rule) {
    const auto text = value != nullptr ? value->as_string() : std::nullopt;
    if (!text) return;
    const std::string wrong = problem(*text, rule);
    if (wrong.empty()) return;
    ctx.report(cluster, path, value,
               fmt::format("The {} '{}' of cluster '{}' {}; Azure rejects it when the deployment runs.", rule.what,
                           *text, display_name(cluster), wrong));
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_cluster_name_invalid() { return std::make_unique<ClusterNameInvalidRule>(); }

}  // namespace akslint
