// AKS725: the cluster or a pool runs a Kubernetes version below the supported minimum.
#include <akslint/analyzer/AttributeCheck.h>

#include <charconv>

namespace akslint {
namespace {

// Option AKS725.MinimumVersion. Data, reviewed 2026-11-27: every minor version below 1.31 left AKS
// standard support by November 2025 (AKS Kubernetes release calendar). Conservative on purpose;
// raise it as the calendar moves.
struct MinorVersion {
  int major = 0;
  int minor = 0;
};
constexpr MinorVersion kMinimumVersion{1, 31};

constexpr std::string_view kTags[] = {"security", "upgrades"};
constexpr std::string_view kTypes[] = {kManagedClusterType, kAgentPoolType};
constexpr PeerRule kPeers[] = {{"PSRule", "Azure.AKS.Version"}};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/supported-kubernetes-versions#aks-kubernetes-release-calendar"};

constexpr RuleMetadata kMeta{
    .id = "AKS725",
    .slug = "kubernetes-version-outdated",
    .title = "The cluster or a node pool runs a Kubernetes version below the supported minimum.",
    .summary = "Flags clusters whose `kubernetesVersion` (Terraform `kubernetes_version`) and node pools whose "
               "`orchestratorVersion` (`orchestrator_version`) are known and below the option "
               "`AKS725.MinimumVersion` (default 1.31, reviewed 2026-11-27). Absent means AKS's current default "
               "and is not flagged.",
    .why = "Versions out of support get no security patches and block support cases; AKS upgrades them "
           "automatically only when an auto-upgrade channel is set. Level warning, security-severity 6.0 "
           "(medium): known, unpatched vulnerabilities in the control plane and kubelet.",
    .fix = "Upgrade to a supported minor version (one minor at a time) and set an auto-upgrade channel.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  kubernetes_version = "1.27.9"
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  kubernetes_version = "1.32"
})",
    .level = Level::Warning,
    .security_severity = 6.0,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

// "1.29", "1.29.4"; anything else is not a version this rule judges.
bool below_minimum(const Value& v) {
  const auto text = v.as_string();
  if (!text) return false;
  MinorVersion version;
  const char* end = text->data() + text->size();
  const auto major = std::from_chars(text->data(), end, version.major);
  if (major.ec != std::errc{} || major.ptr == end || *major.ptr != '.') return false;
  const auto minor = std::from_chars(major.ptr + 1, end, version.minor);
  if (minor.ec != std::errc{}) return false;
  return version.major < kMinimumVersion.major ||
         (version.major == kMinimumVersion.major && version.minor < kMinimumVersion.minor);
}

constexpr AttributeCheck kCluster{
    .path = "properties.kubernetesVersion",
    .violates = below_minimum,
    .message = "Cluster '{name}' runs Kubernetes {value}, below the supported minimum (AKS725.MinimumVersion).",
};
constexpr AttributeCheck kPool{
    .target = CheckTarget::Pool,
    .path = "orchestratorVersion",
    .violates = below_minimum,
    .message = "Node pool '{name}' runs Kubernetes {value}, below the supported minimum (AKS725.MinimumVersion).",
};

class KubernetesVersionOutdatedRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }
  void check(RuleContext& ctx) const override {
    run_attribute_check(ctx, kCluster);
    run_attribute_check(ctx, kPool);
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_kubernetes_version_outdated() {
  return std::make_unique<KubernetesVersionOutdatedRule>();
}

}  // namespace akslint
