// AKS303: a subnet NSG blocks traffic the cluster needs.
#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

#include <set>

namespace akslint {
namespace {

constexpr std::string_view kTags[] = {"reliability", "network", "nsg"};
constexpr std::string_view kTypes[] = {kManagedClusterType, kSubnetType, kNsgType, kNsgRuleType};
constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/aks/faq#can-i-use-custom-network-security-groups-with-aks",
    "https://learn.microsoft.com/azure/aks/concepts-network#network-security-groups",
    "https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#default-security-rules",
};

constexpr RuleMetadata kMeta{
    .id = "AKS303",
    .slug = "subnet-nsg-blocks-cluster",
    .title = "A subnet NSG blocks traffic between the cluster's nodes and pods, or load balancer probes.",
    .summary = "Evaluates the network security groups of the cluster's node and pod subnets as Azure does "
               "(priorities, directions, prefixes, ports, service tags and the default rules) and flags the rule "
               "that denies node-to-node, node-to-pod or pod-to-pod traffic (Azure CNI and kubenet pod CIDRs), "
               "the kubelet and DNS ports, or Azure load balancer health probes.",
    .why = "AKS manages only the NSGs on node network interfaces; it never applies or edits an NSG attached to "
           "a subnet. A subnet NSG that denies traffic inside the cluster breaks pod networking, DNS, `kubectl "
           "logs`/`exec` (kubelet) and, when it denies the AzureLoadBalancer tag, takes LoadBalancer services "
           "out of rotation.",
    .fix = "Add allow rules at a higher priority (a lower number) than the deny: between the node subnet, the "
           "pod subnet or pod CIDR (both directions), and from the `AzureLoadBalancer` service tag. Allowing the "
           "`VirtualNetwork` tag covers the node and pod ranges.",
    .noncompliant_example = R"(security_rule {
  name                       = "deny-all-inbound"
  priority                   = 100
  direction                  = "Inbound"
  access                     = "Deny"
  protocol                   = "*"
  source_address_prefix      = "*"
  destination_address_prefix = "*"
  source_port_range          = "*"
  destination_port_range     = "*"
})",
    .compliant_example = R"(security_rule {
  name                       = "allow-vnet"
  priority                   = 100
  access                     = "Allow"
  source_address_prefix      = "VirtualNetwork"
  destination_address_prefix = "VirtualNetwork"
  # ...
})",
    .level = Level::Error,
    .precision = Precision::High,
    .tags = kTags,
    .resource_types = kTypes,
    .references = kReferences,
};

// A range the cluster's traffic comes from or goes to.
struct ClusterRange {
  FlowEndpoint endpoint;
  std::optional<VertexId> subnet;  // the subnet holding it, if any
};

// The protocol and port checks every flow gets: all traffic, then the ports that matter
// most, so that a deny aimed at one port is found without flagging unrelated ones.
struct Probe {
  std::string_view protocol;
  std::optional<std::uint16_t> port;
  std::string_view what;
};
constexpr Probe kProbes[] = {
    {"*", std::nullopt, "all traffic"},
    {"Tcp", 10250, "the kubelet (TCP 10250)"},
    {"Udp", 53, "DNS (UDP 53)"},
    {"Tcp", 53, "DNS (TCP 53)"},
};

std::vector<Ipv4Range> subnet_prefixes(const Resource& subnet, bool& unknown) {
  std::vector<Ipv4Range> out;
  std::vector<const Value*> values;
  if (const Value* one = subnet.at("properties.addressPrefix"); one != nullptr && !one->is_null()) values.push_back(one);
  if (const Value* many = subnet.at("properties.addressPrefixes"); many != nullptr && !many->is_null()) {
    if (const auto* items = many->as_array()) {
      for (const auto& item : *items) values.push_back(&item);
    } else {
      unknown = true;
    }
  }
  for (const Value* v : values) {
    const auto text = v->as_string();
    const auto range = text ? parse_ipv4_prefix(*text) : std::nullopt;
    if (range) {
      out.push_back(*range);
    } else if (!text || text->find(':') == std::string_view::npos) {
      unknown = true;  // expressions; IPv6 prefixes are simply not IPv4 flows
    }
  }
  if (values.empty()) unknown = true;
  return out;
}

std::string_view subnet_role(const ResourceGraph& g, VertexId cluster, VertexId subnet) {
  for (const Edge& e : g.out_edges(cluster, EdgeKind::SubnetOf)) {
    if (e.target == subnet && e.from_path.ends_with("vnetSubnetID")) return "node subnet";
  }
  return "pod subnet";
}

// The node and pod ranges of a cluster; nullopt when one of them is unknown.
std::optional<std::vector<ClusterRange>> cluster_ranges(const ResourceGraph& g, VertexId c) {
  std::vector<ClusterRange> ranges;
  std::set<VertexId> seen;
  for (const VertexId s : g.targets(c, EdgeKind::SubnetOf)) {
    if (!seen.insert(s).second) continue;
    bool unknown = false;
    for (const Ipv4Range& r : subnet_prefixes(g.resource(s), unknown)) {
      ranges.push_back({{r, true, false, fmt::format("{} '{}'", subnet_role(g, c, s), display_name(g.resource(s)))}, s});
    }
    if (unknown) return std::nullopt;
  }
  const Resource& cluster = g.resource(c);
  const Value* plugin = cluster.at("properties.networkProfile.networkPlugin");
  const Value* mode = cluster.at("properties.networkProfile.networkPluginMode");
  const auto plugin_text = plugin != nullptr ? plugin->as_string() : std::nullopt;
  const auto mode_text = mode != nullptr ? mode->as_string() : std::nullopt;
  const bool pod_cidr_network = (plugin_text && iequals(*plugin_text, "kubenet")) || (mode_text && iequals(*mode_text, "overlay"));
  if (pod_cidr_network) {
    const Value* cidr = cluster.at("properties.networkProfile.podCidr");
    if (cidr != nullptr && !cidr->is_null() && !cidr->as_string()) return std::nullopt;
    const std::string text = cidr != nullptr && cidr->as_string() ? std::string(*cidr->as_string()) : "10.244.0.0/16";
    const auto range = parse_ipv4_prefix(text);
    if (!range) return std::nullopt;
    // Pod CIDR traffic is routed inside the VNet (kubenet route table, overlay routing).
    ranges.push_back({{*range, true, false, fmt::format("pod CIDR {}", text)}, std::nullopt});
  }
  return ranges;
}

class SubnetNsgBlocksClusterRule final : public Rule {
 public:
  const RuleMetadata& metadata() const override { return kMeta; }

  void check(RuleContext& ctx) const override {
    const ResourceGraph& g = ctx.graph();
    std::set<std::tuple<VertexId, const Resource*, std::string>> reported;  // (cluster, rule owner, rule)
    for (const VertexId c : g.resources_of(kManagedClusterType)) {
      if (g.resource(c).existing) continue;
      const auto ranges = cluster_ranges(g, c);
      if (!ranges) continue;
      for (const ClusterRange& subnet : *ranges) {
        if (!subnet.subnet) continue;
        for (const VertexId n : g.targets(*subnet.subnet, EdgeKind::NsgAssociated)) {
          const NetworkSecurityGroup nsg(g, n);
          check_subnet(ctx, c, subnet, *ranges, g.resource(n), nsg, reported);
        }
      }
    }
  }

 private:
  using Reported = std::set<std::tuple<VertexId, const Resource*, std::string>>;

  static void check_subnet(RuleContext& ctx, VertexId c, const ClusterRange& subnet,
                           const std::vector<ClusterRange>& ranges, const Resource& nsg_resource,
                           const NetworkSecurityGroup& nsg, Reported& reported) {
    for (const ClusterRange& other : ranges) {
      for (const Probe& probe : kProbes) {
        const Flow in{Direction::Inbound, other.endpoint, subnet.endpoint, std::string(probe.protocol), probe.port};
        const Flow out{Direction::Outbound, subnet.endpoint, other.endpoint, std::string(probe.protocol), probe.port};
        for (const Flow& flow : {in, out}) {
          const auto decision = nsg.evaluate(flow);
          if (!decision || decision->access != Access::Deny || decision->partial) continue;
          report(ctx, c, subnet, nsg_resource, *decision, flow, probe.what, Level::Error, reported);
        }
      }
    }
    // Azure load balancer health probes reach the nodes from 168.63.129.16.
    const FlowEndpoint lb{*parse_ipv4_prefix("168.63.129.16/32"), false, true, "Azure load balancer probes"};
    const Flow probe{Direction::Inbound, lb, subnet.endpoint, "Tcp", std::nullopt};
    const auto decision = nsg.evaluate(probe);
    if (decision && decision->access == Access::Deny && !decision->partial) {
      report(ctx, c, subnet, nsg_resource, *decision, probe, "health probes", Level::Warning, reported);
    }
  }

  static void report(RuleContext& ctx, VertexId c, const ClusterRange& subnet, const Resource& nsg_resource,
                     const NsgDecision& decision, const Flow& flow, std::string_view what, Level level,
                     Reported& reported) {
    const ResourceGraph& g = ctx.graph();
    const NsgRule& rule = *decision.rule;
    const Resource& owner = rule.declared_in != nullptr ? *rule.declared_in : nsg_resource;
    if (!reported.emplace(c, &owner, rule.name).second) return;
    const Resource& cluster = g.resource(c);
    Finding& f = ctx.report(
        owner, "properties.securityRules", nullptr,
        fmt::format("NSG '{}' rule '{}' (priority {}, {}) denies {} from {} to {} of cluster '{}'; AKS never edits "
                    "subnet NSGs, so allow this traffic with a rule of higher priority (lower number).",
                    display_name(nsg_resource), rule.name, rule.priority.value_or(0),
                    flow.direction == Direction::Inbound ? "inbound" : "outbound", what, flow.source.description,
                    flow.destination.description, display_name(cluster)));
    f.level = level;
    f.primary = rule.is_default() ? nsg_resource.origin.header_span : rule.span;
    f.offending_value = rule.name;
    f.related.push_back(related_to(g.resource(*subnet.subnet), "the subnet the NSG is attached to"));
    f.related.push_back(related_to(cluster, "the cluster whose traffic is blocked"));
  }
};

}  // namespace

std::unique_ptr<Rule> make_rule_subnet_nsg_blocks_cluster() { return std::make_unique<SubnetNsgBlocksClusterRule>(); }

}  // namespace akslint
