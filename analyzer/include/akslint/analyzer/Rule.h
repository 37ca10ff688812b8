#pragma once
// What a rule file includes: the rule interface, its context, and the graph queries.
#include <akslint/analyzer/AgentPools.h>
#include <akslint/analyzer/Config.h>
#include <akslint/analyzer/Finding.h>
#include <akslint/analyzer/NodeResourceGroup.h>
#include <akslint/analyzer/Nsg.h>
#include <akslint/analyzer/Regions.h>
#include <akslint/analyzer/ResourceId.h>
#include <akslint/analyzer/ResourceTypes.h>
#include <akslint/analyzer/ResourceGraph.h>
#include <akslint/analyzer/RuleMetadata.h>

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace akslint {

// Handed to a rule's check: read access to the estate and a place to report.
class RuleContext {
 public:
  // `pools`: agent_pools(graph), listed once for all the rules of a scan.
  RuleContext(const ResourceGraph& graph, std::span<const AgentPool> pools, const RuleMetadata& rule,
              std::vector<Finding>& sink, const Config* config = nullptr)
      : graph_(graph), pools_(pools), rule_(rule), sink_(sink), config_(config) {}

  [[nodiscard]] const ResourceGraph& graph() const { return graph_; }
  // Every node pool of the estate (see AgentPools.h).
  [[nodiscard]] std::span<const AgentPool> agent_pools() const { return pools_; }
  [[nodiscard]] const RuleMetadata& rule() const { return rule_; }
  // The value of one of the rule's declared options: configured, else its default.
  [[nodiscard]] std::string_view option(std::string_view name) const;

  // Reports on `resource`. The primary location is `value`'s span when given (the attribute
  // that causes the finding), else the resource's header. The returned finding can take
  // related locations and a fix; it stays valid until the next report.
  Finding& report(const Resource& resource, std::string_view attribute_path, const Value* value,
                  std::string message);

 private:
  const ResourceGraph& graph_;
  std::span<const AgentPool> pools_;
  const RuleMetadata& rule_;
  std::vector<Finding>& sink_;
  const Config* config_;
};

// A read-only check over the graph. Rules keep no state between checks.
class Rule {
 public:
  virtual ~Rule() = default;
  [[nodiscard]] virtual const RuleMetadata& metadata() const = 0;
  virtual void check(RuleContext& ctx) const = 0;
};

// Builds the resource reference SARIF shows for a resource.
[[nodiscard]] ResourceRef resource_ref(const Resource& resource);
// Whether an attribute can be known absent: false when the path runs through an unknown
// value (a whole block or object written as an expression), where absence proves nothing.
[[nodiscard]] bool known_absent(const Value& root, std::string_view path);

// How messages name a resource: its Terraform address, else its name as written.
[[nodiscard]] std::string display_name(const Resource& resource);
// A fix that replaces a string value written literally in the source with `text`, quoted as
// the format quotes strings; none for values that were computed, defaulted or come from a plan.
[[nodiscard]] std::optional<Fix> replace_literal(const Resource& resource, const Value& value, std::string_view text,
                                                 std::string description);
// A related location on a resource's declaration header.
[[nodiscard]] RelatedLocation related_to(const Resource& resource, std::string message);

}  // namespace akslint
