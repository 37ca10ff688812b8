// AKS407 (opt-in): a node pool without FIPS 140-2 enabled.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"security", "compliance", "node-pool"};
constexpr std::string_view kTypes[] = {kManagedClusterType, kAgentPoolType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/enable-fips-nodes",
};

constexpr RuleMetadata kMeta{
    .id = "AKS407",
    .slug = "fips-not-enabled",
    .title = "A node pool does not enable FIPS 140-2 mode.",
    .summary = "Flags node pools whose `enableFIPS` (Terraform `fips_enabled`) is false or not set. Opt-in: "
               "only workloads under FIPS requirements (US government, regulated industries) need it.",
    .why = "FIPS-enabled node images use FIPS 140-2 validated cryptographic modules. Where a compliance regime "
           "requires them, a pool without FIPS runs workloads on unvalidated cryptography; the setting can only "
           "be chosen when the pool is created.",
    .fix = "Create the pool with FIPS enabled (`enableFIPS: true`, Terraform `fips_enabled = true`) and move "
           "the workloads onto it; an existing pool cannot be switched.",
    .noncompliant_example = R"(default_node_pool {
  name         = "system"
  fips_enabled = false
})",
    .compliant_example = R"(default_node_pool {
  name         = "system"
  fips_enabled = true
})",
    .level = Level::Warning,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
    .opt_in = true,
};

class FipsNotEnabledRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    for (const AgentPool& pool : ctx.agent_pools()) {
      const Value* fips = pool.field("enableFIPS");
      const auto on = fips != nullptr ? fips->as_bool() : std::nullopt;
      const bool off = on ? !*on : (fips == nullptr && known_absent(*pool.profile, "enableFIPS"));
      if (!off) continue;
      ctx.report(*pool.resource, pool.path_of("enableFIPS"), fips,
                 fmt::format("Node pool '{}' does not enable FIPS 140-2 mode; create a FIPS-enabled pool where "
                             "compliance requires validated cryptography.",
                             pool.name));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_fips_not_enabled() { return std::make_unique<FipsNotEnabledRule>(); }

}  // namespace akslint
