// AKS101: the node resource group must be new; AKS creates it.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "node-resource-group"};
constexpr std::string_view kTypes[] = {kManagedClusterType, kResourceGroupType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/faq#can-i-provide-my-own-name-for-the-aks-node-resource-group",
    "https://learn.microsoft.com/azure/aks/node-resource-group-lockdown",
};

constexpr RuleMetadata kMeta{
    .id = "AKS101",
    .slug = "node-rg-existing",
    .title = "The node resource group names a resource group that already exists.",
    .summary = "Flags clusters whose node resource group is a resource group declared or referenced elsewhere: "
               "a resource group resource or data source, a Bicep `existing` resource, the cluster's own "
               "resource group, or another cluster's node resource group.",
    .why = "AKS creates the node resource group itself when it creates the cluster, owns it, and deletes it "
           "with the cluster. A name that is already taken makes cluster creation fail; a group shared with "
           "other resources would take them down when the cluster is deleted.",
    .fix = "Give the node resource group a name no other resource group uses, and do not declare it yourself "
           "(remove the resource group resource, or stop naming it as the node resource group). Leave "
           "`nodeResourceGroup` unset to get the default `MC_<resource group>_<cluster>_<location>`.",
    .noncompliant_example = R"(resource "azurerm_resource_group" "nodes" {
  name     = "rg-aks-nodes"
  location = "westeurope"
}

resource "azurerm_kubernetes_cluster" "aks" {
  node_resource_group = azurerm_resource_group.nodes.name
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  node_resource_group = "rg-aks-nodes"
})",
    .level = Level::Error,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

struct Clash {
  const Resource* other;  // the resource group declaration, the other cluster, or the cluster itself
  std::string what;
  RelatedLocation related;  // where the taken group is named
};

// The clash with a declared or existing group, or with another cluster's node resource group.
Clash clash_with(const Resource& other, std::string what) {
  return {&other, std::move(what), related_to(other, "the resource group that already exists")};
}

std::string group_key(std::string_view subscription, std::string_view name) {
  return ascii_lowercase(subscription) + '|' + ascii_lowercase(name);
}

// Resource groups and the clusters' node resource groups by (subscription, name), each list in
// graph order: one pass, so that every cluster is checked without visiting every other.
struct GroupIndex {
  std::unordered_map<std::string, VertexId> groups;  // the first group of each key
  std::unordered_map<std::string, std::vector<VertexId>> node_groups;
  std::unordered_map<std::uint32_t, std::vector<VertexId>> groups_of_unit;  // where references resolve

  explicit GroupIndex(const ResourceGraph& g) {
    for (const VertexId r : g.resources_of(kResourceGroupType)) {
      const Resource& group = g.resource(r);
      groups_of_unit[group.origin.unit].push_back(r);
      if (const auto name = group.name.as_string()) groups.emplace(group_key(known_subscription(group), *name), r);
    }
    for (const VertexId c : g.resources_of(kManagedClusterType)) {
      if (const auto nrg = node_resource_group(g.resource(c))) {
        node_groups[group_key(known_subscription(g.resource(c)), nrg->name)].push_back(c);
      }
    }
  }
};

class NodeRgExistingRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    const ResourceGraph& g = ctx.graph();
    const GroupIndex index(g);
    for (const VertexId v : g.resources_of(kManagedClusterType)) {
      const Resource& cluster = g.resource(v);
      if (cluster.existing) continue;
      if (const auto clash = find_clash(g, index, v)) {
        const auto nrg = node_resource_group(cluster);
        const std::string name = nrg ? nrg->name : clash->other->name.to_display();
        Finding& f = ctx.report(cluster, "properties.nodeResourceGroup", cluster.at("properties.nodeResourceGroup"),
                                fmt::format("Cluster '{}' uses '{}' as its node resource group, but {}; AKS must "
                                            "create that group itself. Choose a name no other resource group "
                                            "uses.",
                                            display_name(cluster), name, clash->what));
        f.related.push_back(clash->related);
      }
    }
  }

 private:
  static std::optional<Clash> find_clash(const ResourceGraph& g, const GroupIndex& index, VertexId v) {
    const Resource& cluster = g.resource(v);
    const Value* written = cluster.at("properties.nodeResourceGroup");
    if (written != nullptr && written->is_unknown()) {
      // node_resource_group = azurerm_resource_group.x.name, nodeResourceGroup: rg.name
      for (const auto& e : g.out_edges(v, EdgeKind::References)) {
        if (iequals(e.from_path, "properties.nodeResourceGroup") && g.resource(e.target).is(kResourceGroupType)) {
          return clash_with(g.resource(e.target), "that group is declared in this configuration");
        }
      }
      if (const auto target = referenced_group(g, index, cluster, *written)) {
        return clash_with(g.resource(*target), "that group is declared in this configuration");
      }
      return std::nullopt;
    }
    const auto nrg = node_resource_group(cluster);
    if (!nrg) return std::nullopt;
    if (iequals(known_resource_group(cluster), nrg->name)) {
      // The related location is where the cluster names its own group, not the cluster again.
      const Value& group = cluster.scope.resource_group;
      const SourceSpan where = group.span().valid() ? group.span() : cluster.origin.header_span;
      return Clash{&cluster, "that is the cluster's own resource group", {where, "the cluster's own resource group"}};
    }
    const std::string key = group_key(known_subscription(cluster), nrg->name);
    if (const auto it = index.groups.find(key); it != index.groups.end()) {
      const Resource& group = g.resource(it->second);
      return clash_with(group, group.existing ? "that group already exists" : "that group is declared in this configuration");
    }
    if (const auto it = index.node_groups.find(key); it != index.node_groups.end()) {
      for (const VertexId other : it->second) {
        if (other == v) continue;
        return clash_with(g.resource(other), fmt::format("cluster '{}' uses it too", display_name(g.resource(other))));
      }
    }
    return std::nullopt;
  }

  // A reference expression ("nodeRg.name") whose head is a resource group declaration.
  static std::optional<VertexId> referenced_group(const ResourceGraph& g, const GroupIndex& index,
                                                  const Resource& cluster, const Value& written) {
    std::string_view expr = *written.unknown_expression();
    if (expr.starts_with("${")) expr.remove_prefix(2);
    const auto unit = index.groups_of_unit.find(cluster.origin.unit);
    if (unit == index.groups_of_unit.end()) return std::nullopt;
    for (const VertexId r : unit->second) {
      const Resource& group = g.resource(r);
      for (const std::string& name : {group.origin.address, group.origin.symbol}) {
        if (!name.empty() && expr.starts_with(name + ".name")) return r;
      }
    }
    return std::nullopt;
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_node_rg_existing() { return std::make_unique<NodeRgExistingRule>(); }

}  // namespace akslint
