// AKS408 (opt-in): a cluster in a region that does not keep customer data in that region.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

#include <algorithm>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"compliance", "data-residency"};
constexpr std::string_view kTypes[] = {kManagedClusterType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/faq#does-aks-store-any-customer-data-outside-of-the-clusters-region",
};
// The regions where AKS can keep customer data in the region itself; elsewhere it stays in the geography.
constexpr std::string_view kSingleRegionResidency[] = {"southeastasia", "brazilsouth"};

constexpr RuleMetadata kMeta{
    .id = "AKS408",
    .slug = "data-residency",
    .title = "The cluster's region does not keep customer data within the region.",
    .summary = "Flags clusters outside the regions where AKS stores customer data in the region itself "
               "(Southeast Asia and Brazil South). Opt-in: only for data that must not leave its region.",
    .why = "In most regions AKS stores customer data within the geography, which may include other regions "
           "of it. Only Southeast Asia (Singapore) and Brazil South (Sao Paulo State) keep it in one region; "
           "a requirement for single-region residency is not met elsewhere.",
    .fix = "Deploy clusters that hold single-region data to Southeast Asia or Brazil South, or confirm that "
           "residency within the geography is enough and leave this rule off.",
    .noncompliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  location = "westeurope"
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  location = "southeastasia"
})",
    .level = Level::Warning,
    .precision = Precision::Medium,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
    .opt_in = true,
};

// "Southeast Asia" and "southeastasia" name the same region.
std::string region_key(std::string_view location) {
  std::string out;
  for (const char c : location) {
    if (c != ' ') out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

class DataResidencyRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const VertexId v : ctx.graph().resources_of(kManagedClusterType)) {
      const Resource& cluster = ctx.graph().resource(v);
      const Value* location = cluster.at("location");
      const auto text = location != nullptr ? location->as_string() : std::nullopt;
      if (!text) continue;
      const std::string key = region_key(*text);
      if (std::find(std::begin(kSingleRegionResidency), std::end(kSingleRegionResidency), key) !=
          std::end(kSingleRegionResidency)) {
        continue;
      }
      ctx.report(cluster, "location", location,
                 fmt::format("Cluster '{}' is in '{}', where AKS keeps customer data within the geography but not "
                             "within the region; single-region residency needs Southeast Asia or Brazil South.",
                             display_name(cluster), *text));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_data_residency() { return std::make_unique<DataResidencyRule>(); }

}  // namespace akslint
