// AKS602: a management lock on a cluster, its resource group or its node resource group.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

#include <set>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "lifecycle", "operations"};
constexpr std::string_view kTypes[] = {kLockType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources#considerations-before-applying-your-locks",
    "https://learn.microsoft.com/azure/aks/faq#can-i-modify-tags-and-other-properties-of-the-aks-resources-in-the-node-resource-group",
};
constexpr std::string_view kLevelPath = "properties.level";

constexpr RuleMetadata kMeta{
    .id = "AKS602",
    .slug = "deletion-blocked-by-lock",
    .title = "A management lock blocks cluster operations or deletion.",
    .summary = "Flags `CanNotDelete` and `ReadOnly` locks on a cluster, on the resource group it is in, or on "
               "its node resource group.",
    .why = "A lock applies to everything under its scope, including what AKS does for you. AKS deletes and "
           "recreates nodes, disks, load balancer rules and public IPs in the node resource group on every "
           "scale-down, upgrade and node image update, and a lock there makes those operations fail. A lock "
           "on the cluster or its resource group makes deleting the cluster fail; a `ReadOnly` lock also "
           "blocks scaling, upgrades and even listing credentials.",
    .fix = "Remove the lock, or protect the cluster another way: Azure RBAC that denies delete, a Terraform "
           "`prevent_destroy` lifecycle rule, or a deny assignment. Never lock the node resource group; AKS "
           "already keeps others from changing it.",
    .noncompliant_example = R"(resource "azurerm_management_lock" "aks" {
  name       = "do-not-delete"
  scope      = azurerm_kubernetes_cluster.aks.id
  lock_level = "CanNotDelete"
})",
    .compliant_example = R"(resource "azurerm_kubernetes_cluster" "aks" {
  lifecycle {
    prevent_destroy = true
  }
})",
    .level = Level::Warning,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

// What a lock's scope is to some cluster.
struct LockedCluster {
  const Resource* cluster;
  std::string_view what;  // "the cluster", "the cluster's resource group", ...
};

// The scope vertex a locked resource group resource stands for.
std::optional<VertexId> scope_of_group(const ResourceGraph& g, const Resource& group) {
  const auto name = group.name.as_string();
  return name ? g.find_scope(known_subscription(group), *name) : std::nullopt;
}

// Subscriptions match when equal or when one side does not say (the same estate, most likely).
bool same_subscription(std::string_view a, std::string_view b) { return a.empty() || b.empty() || iequals(a, b); }

// Clusters whose resource group or node resource group is `scope`, compared by name: a scope
// named by a literal id often states the subscription the cluster's code leaves implicit.
void clusters_in_scope(const ResourceGraph& g, VertexId scope, std::vector<LockedCluster>& out) {
  const ScopeVertex& locked = g.scope(scope);
  if (locked.kind == ScopeKind::Subscription) return;
  for (const VertexId c : g.resources_of(kManagedClusterType)) {
    const Resource& cluster = g.resource(c);
    const std::string subscription = known_subscription(cluster);
    if (!same_subscription(subscription, locked.subscription)) continue;
    if (const auto nodes = node_resource_group(cluster); nodes && iequals(nodes->name, locked.name)) {
      out.push_back({&cluster, "the node resource group of"});
    }
    if (iequals(known_resource_group(cluster), locked.name)) out.push_back({&cluster, "the resource group of"});
  }
}

// Clusters deployed beside a lock that has no scope: ARM and Bicep apply such a lock to the
// resource group the deployment targets.
void clusters_beside(const ResourceGraph& g, const Resource& lock, std::vector<LockedCluster>& out) {
  if (lock.scope.resource_group.is_null()) return;  // a subscription-level lock
  for (const VertexId c : g.resources_of(kManagedClusterType)) {
    const Resource& cluster = g.resource(c);
    if (cluster.origin.unit == lock.origin.unit && cluster.scope.resource_group == lock.scope.resource_group &&
        cluster.scope.subscription == lock.scope.subscription) {
      out.push_back({&cluster, "the resource group of"});
    }
  }
}

// The clusters a lock reaches.
std::vector<LockedCluster> locked_clusters(const ResourceGraph& g, VertexId lock) {
  const Resource& r = g.resource(lock);
  std::vector<LockedCluster> out;
  const std::vector<VertexId> targets = g.targets(lock, EdgeKind::Locks);
  const bool scoped = r.at("scope") != nullptr || !g.out_edges(lock, EdgeKind::References).empty();
  if (targets.empty() && !scoped && (r.origin.kind == SourceKind::Arm || r.origin.kind == SourceKind::Bicep)) {
    clusters_beside(g, r, out);
  }
  for (const VertexId t : targets) {
    if (!g.is_resource(t)) {
      clusters_in_scope(g, t, out);
    } else if (g.resource(t).is(kManagedClusterType)) {
      out.push_back({&g.resource(t), "cluster"});
    } else if (g.resource(t).is(kResourceGroupType)) {
      if (const auto scope = scope_of_group(g, g.resource(t))) clusters_in_scope(g, *scope, out);
    }
  }
  return out;
}

class DeletionBlockedByLockRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    const ResourceGraph& g = ctx.graph();
    for (const VertexId v : g.resources_of(kLockType)) {
      const Resource& lock = g.resource(v);
      const Value* level = lock.at(kLevelPath);
      const auto text = level != nullptr ? level->as_string() : std::nullopt;
      if (!text || !(iequals(*text, "CanNotDelete") || iequals(*text, "ReadOnly"))) continue;
      std::set<std::pair<const Resource*, std::string_view>> seen;
      for (const LockedCluster& locked : locked_clusters(g, v)) {
        if (!seen.emplace(locked.cluster, locked.what).second) continue;
        Finding& f = ctx.report(lock, kLevelPath, level, message(lock, *text, locked));
        f.related.push_back(related_to(*locked.cluster, "the cluster the lock reaches"));
      }
    }
  }

 private:
  static std::string message(const Resource& lock, std::string_view level, const LockedCluster& locked) {
    const std::string cluster = display_name(*locked.cluster);
    const std::string where = locked.what == "cluster" ? fmt::format("cluster '{}'", cluster)
                                                       : fmt::format("{} cluster '{}'", locked.what, cluster);
    const bool node_group = locked.what.starts_with("the node");
    return fmt::format("{} lock '{}' is on {}: {}", level, display_name(lock), where,
                       node_group ? "AKS cannot delete or replace nodes, disks or load balancer rules there, so "
                                    "scaling, upgrades and node image updates fail."
                       : iequals(level, "ReadOnly")
                           ? "scaling, upgrades, credential requests and deleting the cluster all fail."
                           : "deleting the cluster or any of its node pools fails until the lock is removed.");
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_deletion_blocked_by_lock() { return std::make_unique<DeletionBlockedByLockRule>(); }

}  // namespace akslint
