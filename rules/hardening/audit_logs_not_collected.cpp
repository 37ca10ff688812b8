// AKS728: no diagnostic setting collects a cluster's API server audit logs.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <span>

namespace akslint {
namespace {

constexpr std::string_view kDiagnosticType = "Microsoft.Insights/diagnosticSettings";
// ARM also declares a setting as a child of the resource it reads:
// "Microsoft.ContainerService/managedClusters/providers/diagnosticSettings".
constexpr std::string_view kProviderChildSuffix = "/providers/diagnosticSettings";
constexpr std::string_view kTags[] = {"security", "monitoring"};
constexpr std::string_view kTypes[] = {kManagedClusterType, kDiagnosticType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/monitor-aks#aks-control-planeresource-logs",
    "https://learn.microsoft.com/azure/aks/monitor-aks-reference#resource-logs",
    "https://learn.microsoft.com/azure/azure-monitor/essentials/diagnostic-settings",
};
constexpr PeerRule kPeers[] = {{"PSRule", "Azure.AKS.AuditLogs"}};
constexpr std::string_view kLogsPath = "properties.logs";
constexpr std::string_view kAuditCategories[] = {"kube-audit", "kube-audit-admin"};
constexpr std::string_view kAuditGroups[] = {"audit", "allLogs"};

constexpr RuleMetadata kMeta{
    .id = "AKS728",
    .slug = "audit-logs-not-collected",
    .title = "The cluster's API server audit logs are not collected.",
    .summary = "Flags clusters that no diagnostic setting (`Microsoft.Insights/diagnosticSettings`, Terraform "
               "`azurerm_monitor_diagnostic_setting`) collects `kube-audit` or `kube-audit-admin` logs from, "
               "directly or through the `audit` or `allLogs` category group.",
    .why = "The Kubernetes audit log is the only record of who did what through the API server: which identity "
           "read a secret, created a privileged pod or changed a role binding. AKS runs the control plane for "
           "you and keeps these logs only when a diagnostic setting sends them to a Log Analytics workspace, a "
           "storage account or an event hub; without one, an incident leaves no trail to investigate.",
    .fix = "Add a diagnostic setting on the cluster that enables the `kube-audit-admin` category (or "
           "`kube-audit` when read events matter too, or the `audit` category group), for example Terraform "
           "`enabled_log { category = \"kube-audit-admin\" }` in an `azurerm_monitor_diagnostic_setting` whose "
           "`target_resource_id` is the cluster.",
    .noncompliant_example = R"(resource "azurerm_monitor_diagnostic_setting" "aks" {
  target_resource_id         = azurerm_kubernetes_cluster.aks.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.law.id

  enabled_log {
    category = "kube-apiserver"
  }
})",
    .compliant_example = R"(resource "azurerm_monitor_diagnostic_setting" "aks" {
  target_resource_id         = azurerm_kubernetes_cluster.aks.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.law.id

  enabled_log {
    category = "kube-audit-admin"
  }
})",
    .level = Level::Note,
    .security_severity = 4.0,
    .precision = Precision::Medium,
    .tags = kTags,
    .resource_types = kTypes,
    .peers = kPeers,
    .references = kReferences,
};

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && iequals(text.substr(text.size() - suffix.size()), suffix);
}

bool is_diagnostic_setting_type(std::string_view type) {
  return iequals(type, kDiagnosticType) || ends_with_ignoring_case(type, kProviderChildSuffix);
}

bool is_one_of(std::string_view text, std::span<const std::string_view> names) {
  return std::ranges::any_of(names, [&](std::string_view n) { return iequals(text, n); });
}

// What a diagnostic setting does with a cluster's audit logs.
enum class Audit : std::uint8_t { Collected, Unknown, NotCollected };

// Whether a log entry's category (or group) is one of `names`; unknown when not written literally.
Audit audit_of_name(const Value* value, std::span<const std::string_view> names) {
  if (value == nullptr || value->is_null()) return Audit::NotCollected;
  const auto text = value->as_string();
  if (!text) return Audit::Unknown;
  return is_one_of(*text, names) ? Audit::Collected : Audit::NotCollected;
}

// One `logs` entry: an enabled audit category or group, or something that could be one.
Audit audit_of_entry(const Value& entry) {
  if (!entry.is_object()) return Audit::Unknown;
  const Value* enabled = entry.find("enabled");
  // The API requires `enabled`; Terraform's `enabled_log` blocks are on by being written.
  const auto on = enabled != nullptr ? enabled->as_bool() : std::optional<bool>(true);
  if (!on) return Audit::Unknown;
  if (!*on) return Audit::NotCollected;
  return std::min(audit_of_name(entry.find("category"), kAuditCategories),
                  audit_of_name(entry.find("categoryGroup"), kAuditGroups));
}

Audit audit_of_setting(const Resource& setting) {
  if (setting.existing) return Audit::Unknown;  // declared elsewhere: its logs are not ours to read
  const Value* logs = setting.at(kLogsPath);
  if (logs == nullptr) return known_absent(setting.body, kLogsPath) ? Audit::NotCollected : Audit::Unknown;
  const auto* entries = logs->as_array();
  if (entries == nullptr) return logs->is_null() ? Audit::NotCollected : Audit::Unknown;
  Audit result = Audit::NotCollected;
  for (const Value& entry : *entries) result = std::min(result, audit_of_entry(entry));
  return result;
}

// A cluster named `name` in resource group `group`; with no group, one deployed to the same
// place as `setting` (ARM names are relative to the deployment's resource group).
std::optional<VertexId> cluster_named(const ResourceGraph& g, std::string_view name, std::string_view group,
                                      const Resource& setting) {
  for (const VertexId c : g.resources_of(kManagedClusterType)) {
    const Resource& cluster = g.resource(c);
    const auto cluster_name = cluster.name.as_string();
    if (!cluster_name || !iequals(*cluster_name, name)) continue;
    const bool same_place = group.empty() ? cluster.origin.unit == setting.origin.unit &&
                                                cluster.scope.resource_group == setting.scope.resource_group &&
                                                cluster.scope.subscription == setting.scope.subscription
                                          : iequals(known_resource_group(cluster), group);
    if (same_place) return c;
  }
  return std::nullopt;
}

// ARM's "<cluster>/Microsoft.Insights/<setting>" child names its cluster by its first segment.
std::optional<VertexId> provider_child_parent(const ResourceGraph& g, const Resource& setting) {
  if (!ends_with_ignoring_case(setting.type, kProviderChildSuffix)) return std::nullopt;
  const std::string_view parent_type =
      std::string_view(setting.type).substr(0, setting.type.size() - kProviderChildSuffix.size());
  const auto name = setting.name.as_string();
  if (!iequals(parent_type, kManagedClusterType) || !name) return std::nullopt;
  return cluster_named(g, name->substr(0, name->find('/')), "", setting);
}

// A `scope` written as a literal id that no reference edge stands for: ARM's
// "Microsoft.ContainerService/managedClusters/aks" form, or a full id in a plan.
std::optional<VertexId> scope_cluster(const ResourceGraph& g, const Resource& setting) {
  const Value* scope = setting.at("scope");
  const auto text = scope != nullptr ? scope->as_string() : std::nullopt;
  if (!text) return std::nullopt;
  const auto id =
      parse_resource_id(text->starts_with('/') ? std::string(*text) : fmt::format("/providers/{}", *text));
  if (!id || !iequals(id->type, kManagedClusterType)) return std::nullopt;
  return cluster_named(g, id->name, id->resource_group, setting);
}

// The managed clusters a diagnostic setting reads: its `scope` (Terraform
// `target_resource_id`, Bicep `scope: aks`, ARM `scope`), or the cluster it is a child of.
std::vector<VertexId> diagnosed_clusters(const ResourceGraph& g, VertexId setting) {
  std::vector<VertexId> out;
  const auto add = [&](VertexId c) {
    if (g.is_resource(c) && g.resource(c).is(kManagedClusterType) && std::ranges::find(out, c) == out.end()) {
      out.push_back(c);
    }
  };
  for (const Edge& e : g.out_edges(setting, EdgeKind::References)) {
    if (e.from_path == "scope") add(e.target);
  }
  for (const Edge& e : g.in_edges(setting, EdgeKind::ParentOf)) add(e.source);
  if (const auto c = provider_child_parent(g, g.resource(setting))) add(*c);
  if (out.empty()) {
    if (const auto c = scope_cluster(g, g.resource(setting))) add(*c);
  }
  return out;
}

// Whether a setting's target is not known: its `scope` is computed, and no reference says what it names.
bool targets_unknown(const ResourceGraph& g, VertexId setting) {
  const Value* scope = g.resource(setting).at("scope");
  if (scope == nullptr || scope->as_string()) return false;
  return std::ranges::none_of(g.out_edges(setting, EdgeKind::References),
                              [](const Edge& e) { return e.from_path == "scope"; });
}

class AuditLogsNotCollectedRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    const ResourceGraph& g = ctx.graph();
    std::map<VertexId, std::vector<VertexId>> settings_of;  // cluster -> its diagnostic settings
    bool unknown_target = false;  // a setting that might read any cluster
    for (const VertexId v : g.resources_where(is_diagnostic_setting_type)) {
      const std::vector<VertexId> clusters = diagnosed_clusters(g, v);
      for (const VertexId c : clusters) settings_of[c].push_back(v);
      unknown_target = unknown_target || (clusters.empty() && targets_unknown(g, v));
    }
    for (const VertexId c : g.resources_of(kManagedClusterType)) {
      const Resource& cluster = g.resource(c);
      if (cluster.existing) continue;
      const auto found = settings_of.find(c);
      if (found == settings_of.end()) {
        if (unknown_target) continue;
        ctx.report(cluster, "", nullptr,
                   fmt::format("Cluster '{}' has no diagnostic setting, so its API server audit logs are not "
                               "kept; add one that enables the 'kube-audit-admin' log category.",
                               display_name(cluster)));
        continue;
      }
      report_settings(ctx, cluster, found->second);
    }
  }

 private:
  static void report_settings(RuleContext& ctx, const Resource& cluster, const std::vector<VertexId>& settings) {
    const ResourceGraph& g = ctx.graph();
    Audit audit = Audit::NotCollected;
    for (const VertexId s : settings) audit = std::min(audit, audit_of_setting(g.resource(s)));
    if (audit != Audit::NotCollected) return;
    const Resource& setting = g.resource(settings.front());
    Finding& f = ctx.report(setting, kLogsPath, setting.at(kLogsPath),
                            fmt::format("No diagnostic setting of cluster '{}' collects its API server audit logs "
                                        "(diagnostic setting '{}' enables neither 'kube-audit' nor "
                                        "'kube-audit-admin'); enable the 'kube-audit-admin' log category.",
                                        display_name(cluster), display_name(setting)));
    f.related.push_back(related_to(cluster, "the cluster whose audit logs are not collected"));
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_audit_logs_not_collected() { return std::make_unique<AuditLogsNotCollectedRule>(); }

}  // namespace akslint
