#pragma once
// Network security group evaluation: which rule decides a flow, as Azure does it (rules of
// the flow's direction by ascending priority, the first match decides, then the default rules
// 65000-65500). Answers for a whole flow (address ranges, a port), in three values: a rule
// whose deciding fields are unknown makes the answer unknown.
#include <akslint/analyzer/ResourceGraph.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace akslint {

struct Ipv4Range {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  [[nodiscard]] bool contains(const Ipv4Range& o) const { return first <= o.first && o.last <= last; }
  [[nodiscard]] bool overlaps(const Ipv4Range& o) const { return first <= o.last && o.first <= last; }
};
// "10.0.0.0/16" or "10.0.0.1"; nullopt for anything else (IPv6, tags, bad text).
[[nodiscard]] std::optional<Ipv4Range> parse_ipv4_prefix(std::string_view text);

enum class Direction : std::uint8_t { Inbound, Outbound };
enum class Access : std::uint8_t { Allow, Deny };

// One side of a flow: an address range, and the service tags it belongs to.
struct FlowEndpoint {
  Ipv4Range range;
  bool virtual_network = true;  // inside the VirtualNetwork tag (VNet, peerings, UDR prefixes)
  bool load_balancer = false;   // the AzureLoadBalancer tag (168.63.129.16)
  std::string description;      // "node subnet 10.0.1.0/24", for messages
};

struct Flow {
  Direction direction = Direction::Inbound;
  FlowEndpoint source;
  FlowEndpoint destination;
  std::string protocol = "*";              // Tcp, Udp, Icmp or * (all traffic)
  std::optional<std::uint16_t> port;       // destination port; nullopt = every port
};

struct NsgRule {
  std::string name;
  std::optional<std::int64_t> priority;  // nullopt when unknown
  std::optional<Direction> direction;
  std::optional<Access> access;
  Value protocol;                 // each field as written; null when absent
  std::vector<Value> source_prefixes;
  std::vector<Value> destination_prefixes;
  std::vector<Value> source_ports;
  std::vector<Value> destination_ports;
  bool uses_application_security_groups = false;  // membership not knowable statically
  const Resource* declared_in = nullptr;  // null for Azure's default rules
  SourceSpan span;                        // the rule's declaration
  [[nodiscard]] bool is_default() const { return declared_in == nullptr; }
};

struct NsgDecision {
  Access access = Access::Allow;
  const NsgRule* rule = nullptr;
  bool partial = false;  // a deny that covers only part of the flow
};

class NetworkSecurityGroup {
 public:
  // The NSG's rules: inline properties.securityRules and securityRules child resources.
  NetworkSecurityGroup(const ResourceGraph& graph, VertexId nsg);
  explicit NetworkSecurityGroup(std::vector<NsgRule> rules);

  // The deciding rule, or nullopt when an unknown value makes the answer unknowable.
  [[nodiscard]] std::optional<NsgDecision> evaluate(const Flow& flow) const;
  [[nodiscard]] const std::vector<NsgRule>& rules() const { return rules_; }

 private:
  void order();
  std::vector<NsgRule> rules_;  // user rules by priority, then the default rules
};

// Reads one security rule declaration: ARM shape ({name, properties: {...}}) or flat fields.
[[nodiscard]] NsgRule read_nsg_rule(const Value& declaration, const Resource& declared_in);

}  // namespace akslint
