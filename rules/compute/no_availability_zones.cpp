// AKS305: node pools without availability zones in a region that has them.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "node-pool", "availability-zones"};
constexpr std::string_view kTypes[] = {kManagedClusterType, kAgentPoolType};
constexpr PeerRule kPeers[] = {{"PSRule", "Azure.AKS.AvailabilityZone"}};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/availability-zones",
    "https://learn.microsoft.com/azure/reliability/regions-list",
};

constexpr RuleMetadata kMeta{
    .id = "AKS305",
    .slug = "no-availability-zones",
    .title = "A node pool does not use the availability zones its region offers.",
    .summary = "Flags node pools with no `availabilityZones` (Terraform `zones`) in a region that has "
               "availability zones. Regions without zones, and pools whose zones or region are unknown, are not "
               "flagged.",
    .why = "A pool without zones may place all its nodes in one datacenter; a zone outage then takes the whole "
           "pool down. Zones are chosen when the pool is created and cannot be added later.",
    .fix = "Set `availabilityZones` (Terraform `zones`) to the region's zones, for example `[\"1\", \"2\", "
           "\"3\"]`, when creating the pool; for an existing pool, create a zonal pool and move the workloads.",
    .noncompliant_example = R"(default_node_pool {
  name       = "system"
  node_count = 3
})",
    .compliant_example = R"(default_node_pool {
  name       = "system"
  node_count = 3
  zones      = ["1", "2", "3"]
})",
    .level = Level::Note,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

class NoAvailabilityZonesRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const AgentPool& pool : ctx.agent_pools()) {
      const Resource* cluster = pool.cluster;
      const Value* location = cluster != nullptr ? cluster->at("location") : nullptr;
      const auto region = location != nullptr ? location->as_string() : std::nullopt;
      if (pool.resource->existing || !region || !region_has_availability_zones(*region)) continue;
      const Value* zones = pool.field("availabilityZones");
      const auto* items = zones != nullptr ? zones->as_array() : nullptr;
      if (zones != nullptr && !zones->is_null() && (items == nullptr || !items->empty())) continue;
      if (zones == nullptr && !pool.profile->is_object()) continue;
      Finding& f = ctx.report(*pool.resource, pool.path_of("availabilityZones"), zones,
                              fmt::format("Node pool '{}' has no availability zones although '{}' offers them; set "
                                          "zones (for example 1, 2 and 3) when creating the pool so that one zone "
                                          "outage cannot take all its nodes.",
                                          pool.name, *region));
      // Missing zones on an inline pool: point at the pool's block, not the whole cluster.
      if (zones == nullptr && pool.resource->is(kManagedClusterType) && pool.profile->span().valid()) {
        f.primary = pool.profile->span();
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_no_availability_zones() { return std::make_unique<NoAvailabilityZonesRule>(); }

}  // namespace akslint
