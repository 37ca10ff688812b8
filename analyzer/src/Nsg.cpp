#include <akslint/analyzer/Nsg.h>

#include <akslint/analyzer/ResourceTypes.h>

#include <algorithm>
#include <charconv>

namespace akslint {

namespace {

// How much of one dimension of a flow a rule covers.
enum class Coverage : std::uint8_t { None, Partial, Full, Unknown };

Coverage combine_any(Coverage a, Coverage b) {  // a list of prefixes or ports: the best one counts
  if (a == Coverage::Full || b == Coverage::Full) return Coverage::Full;
  if (a == Coverage::Unknown || b == Coverage::Unknown) return Coverage::Unknown;
  if (a == Coverage::Partial || b == Coverage::Partial) return Coverage::Partial;
  return Coverage::None;
}

Coverage combine_all(Coverage a, Coverage b) {  // every dimension must match
  if (a == Coverage::None || b == Coverage::None) return Coverage::None;
  if (a == Coverage::Unknown || b == Coverage::Unknown) return Coverage::Unknown;
  if (a == Coverage::Partial || b == Coverage::Partial) return Coverage::Partial;
  return Coverage::Full;
}

bool is_any(std::string_view s) { return s == "*" || iequals(s, "Any") || s == "0.0.0.0/0"; }

bool is_private(const Ipv4Range& r) {
  constexpr Ipv4Range kPrivate[] = {{0x0A000000u, 0x0AFFFFFFu}, {0xAC100000u, 0xAC1FFFFFu}, {0xC0A80000u, 0xC0A8FFFFu},
                                    {0x64400000u, 0x647FFFFFu}};  // RFC 1918 and the 100.64/10 shared space
  return std::any_of(std::begin(kPrivate), std::end(kPrivate), [&](const Ipv4Range& p) { return p.contains(r); });
}

Coverage prefix_coverage(const Value& prefix, const FlowEndpoint& ep) {
  const auto text = prefix.as_string();
  if (!text) return Coverage::Unknown;
  if (is_any(*text)) return Coverage::Full;
  if (iequals(*text, "VirtualNetwork")) return ep.virtual_network ? Coverage::Full : Coverage::None;
  if (iequals(*text, "AzureLoadBalancer")) return ep.load_balancer ? Coverage::Full : Coverage::None;
  if (iequals(*text, "Internet")) return ep.virtual_network || ep.load_balancer ? Coverage::None : Coverage::Full;
  if (const auto range = parse_ipv4_prefix(*text)) {
    if (range->contains(ep.range)) return Coverage::Full;
    return range->overlaps(ep.range) ? Coverage::Partial : Coverage::None;
  }
  if (text->find(':') != std::string_view::npos) return Coverage::None;  // IPv6 never matches IPv4 flows
  // Other service tags name public Azure ranges: never private addresses.
  return is_private(ep.range) && !ep.load_balancer ? Coverage::None : Coverage::Unknown;
}

Coverage prefixes_coverage(const std::vector<Value>& prefixes, const FlowEndpoint& ep) {
  if (prefixes.empty()) return Coverage::Unknown;
  Coverage c = Coverage::None;
  for (const auto& p : prefixes) c = combine_any(c, prefix_coverage(p, ep));
  return c;
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> parse_port_range(std::string_view text) {
  auto number = [](std::string_view s) -> std::optional<std::uint32_t> {
    std::uint32_t n = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || end != s.data() + s.size() || n > 65535) return std::nullopt;
    return n;
  };
  const auto dash = text.find('-');
  const auto lo = number(text.substr(0, dash));
  const auto hi = dash == std::string_view::npos ? lo : number(text.substr(dash + 1));
  if (!lo || !hi || *lo > *hi) return std::nullopt;
  return std::make_pair(*lo, *hi);
}

Coverage port_coverage(const Value& port, std::optional<std::uint16_t> wanted) {
  std::string text;
  if (const auto s = port.as_string()) text = std::string(*s);
  else if (const auto n = port.as_number()) text = std::to_string(static_cast<long long>(*n));
  else return Coverage::Unknown;
  if (is_any(text) || text == "0-65535") return Coverage::Full;
  const auto range = parse_port_range(text);
  if (!range) return Coverage::Unknown;
  if (!wanted) return Coverage::Partial;
  return range->first <= *wanted && *wanted <= range->second ? Coverage::Full : Coverage::None;
}

Coverage ports_coverage(const std::vector<Value>& ports, std::optional<std::uint16_t> wanted) {
  if (ports.empty()) return Coverage::Unknown;
  Coverage c = Coverage::None;
  for (const auto& p : ports) c = combine_any(c, port_coverage(p, wanted));
  return c;
}

Coverage protocol_coverage(const Value& protocol, std::string_view wanted) {
  const auto text = protocol.as_string();
  if (!text) return Coverage::Unknown;
  if (*text == "*" || iequals(*text, "Any")) return Coverage::Full;
  if (wanted == "*") return Coverage::Partial;
  return iequals(*text, wanted) ? Coverage::Full : Coverage::None;
}

Coverage rule_coverage(const NsgRule& rule, const Flow& flow) {
  if (rule.uses_application_security_groups) return Coverage::Unknown;
  Coverage c = protocol_coverage(rule.protocol, flow.protocol);
  c = combine_all(c, prefixes_coverage(rule.source_prefixes, flow.source));
  c = combine_all(c, prefixes_coverage(rule.destination_prefixes, flow.destination));
  c = combine_all(c, ports_coverage(rule.source_ports, std::nullopt));  // flows come from any source port
  return combine_all(c, ports_coverage(rule.destination_ports, flow.port));
}

NsgRule default_rule(std::string name, std::int64_t priority, Direction direction, Access access,
                     std::string_view source, std::string_view destination) {
  NsgRule r;
  r.name = std::move(name);
  r.priority = priority;
  r.direction = direction;
  r.access = access;
  r.protocol = Value::string("*");
  r.source_prefixes = {Value::string(std::string(source))};
  r.destination_prefixes = {Value::string(std::string(destination))};
  r.source_ports = {Value::string("*")};
  r.destination_ports = {Value::string("*")};
  return r;
}

// Azure's default rules, present in every NSG and not removable.
std::vector<NsgRule> default_rules() {
  using enum Direction;
  using enum Access;
  return {default_rule("AllowVnetInBound", 65000, Inbound, Allow, "VirtualNetwork", "VirtualNetwork"),
          default_rule("AllowAzureLoadBalancerInBound", 65001, Inbound, Allow, "AzureLoadBalancer", "*"),
          default_rule("DenyAllInBound", 65500, Inbound, Deny, "*", "*"),
          default_rule("AllowVnetOutBound", 65000, Outbound, Allow, "VirtualNetwork", "VirtualNetwork"),
          default_rule("AllowInternetOutBound", 65001, Outbound, Allow, "*", "Internet"),
          default_rule("DenyAllOutBound", 65500, Outbound, Deny, "*", "*")};
}

// "x" and "xs" fields merged: sourceAddressPrefix + sourceAddressPrefixes.
std::vector<Value> one_or_many(const Value& fields, std::string_view one, std::string_view many) {
  std::vector<Value> out;
  if (const Value* v = fields.find(one); v != nullptr && !v->is_null()) out.push_back(*v);
  if (const Value* v = fields.find(many); v != nullptr && !v->is_null()) {
    if (const auto* items = v->as_array()) {
      out.insert(out.end(), items->begin(), items->end());
    } else {
      out.push_back(*v);  // unknown list
    }
  }
  return out;
}

template <class E>
std::optional<E> read_enum(const Value* v, std::string_view a, E ea, std::string_view b, E eb) {
  const auto s = v != nullptr ? v->as_string() : std::nullopt;
  if (s && iequals(*s, a)) return ea;
  if (s && iequals(*s, b)) return eb;
  return std::nullopt;
}

}  // namespace

std::optional<Ipv4Range> parse_ipv4_prefix(std::string_view text) {
  const auto slash = text.find('/');
  const std::string_view address = text.substr(0, slash);
  std::uint32_t value = 0;
  std::size_t pos = 0;
  for (int octet = 0; octet < 4; ++octet) {
    std::uint32_t n = 0;
    const auto [end, ec] = std::from_chars(address.data() + pos, address.data() + address.size(), n);
    if (ec != std::errc() || n > 255) return std::nullopt;
    pos = static_cast<std::size_t>(end - address.data());
    value = (value << 8) | n;
    if (octet < 3) {
      if (pos >= address.size() || address[pos] != '.') return std::nullopt;
      ++pos;
    }
  }
  if (pos != address.size()) return std::nullopt;
  std::uint32_t bits = 32;
  if (slash != std::string_view::npos) {
    const auto len = text.substr(slash + 1);
    const auto [end, ec] = std::from_chars(len.data(), len.data() + len.size(), bits);
    if (ec != std::errc() || end != len.data() + len.size() || bits > 32) return std::nullopt;
  }
  const std::uint32_t host = bits == 0 ? 0xFFFFFFFFu : (bits == 32 ? 0u : (0xFFFFFFFFu >> bits));
  return Ipv4Range{value & ~host, (value & ~host) | host};
}

NsgRule read_nsg_rule(const Value& declaration, const Resource& declared_in) {
  const Value* props = declaration.find("properties");
  const Value& fields = props != nullptr && props->is_object() ? *props : declaration;
  NsgRule r;
  if (const Value* name = declaration.find("name"); name != nullptr) {
    r.name = name->as_string() ? std::string(*name->as_string()) : name->to_display();
  }
  if (const Value* p = fields.find("priority"); p != nullptr && p->as_number()) {
    r.priority = static_cast<std::int64_t>(*p->as_number());
  }
  r.direction = read_enum(fields.find("direction"), "Inbound", Direction::Inbound, "Outbound", Direction::Outbound);
  r.access = read_enum(fields.find("access"), "Allow", Access::Allow, "Deny", Access::Deny);
  if (const Value* p = fields.find("protocol"); p != nullptr) r.protocol = *p;
  r.source_prefixes = one_or_many(fields, "sourceAddressPrefix", "sourceAddressPrefixes");
  r.destination_prefixes = one_or_many(fields, "destinationAddressPrefix", "destinationAddressPrefixes");
  r.source_ports = one_or_many(fields, "sourcePortRange", "sourcePortRanges");
  r.destination_ports = one_or_many(fields, "destinationPortRange", "destinationPortRanges");
  for (const auto key : {"sourceApplicationSecurityGroups", "destinationApplicationSecurityGroups"}) {
    const Value* asg = fields.find(key);
    const auto* items = asg != nullptr ? asg->as_array() : nullptr;
    if (asg != nullptr && !asg->is_null() && (items == nullptr || !items->empty())) {
      r.uses_application_security_groups = true;
    }
  }
  r.declared_in = &declared_in;
  r.span = declaration.span().valid() ? declaration.span() : declared_in.origin.header_span;
  return r;
}

NetworkSecurityGroup::NetworkSecurityGroup(const ResourceGraph& graph, VertexId nsg) {
  const Resource& r = graph.resource(nsg);
  if (const Value* inline_rules = r.at("properties.securityRules"); inline_rules != nullptr) {
    if (const auto* items = inline_rules->as_array()) {
      for (const auto& item : *items) rules_.push_back(read_nsg_rule(item, r));
    }
  }
  for (const VertexId child : graph.targets(nsg, EdgeKind::ParentOf)) {
    const Resource& c = graph.resource(child);
    if (!c.is(kNsgRuleType)) continue;
    NsgRule rule = read_nsg_rule(c.body, c);
    if (const auto name = c.name.as_string()) rule.name = std::string(name->substr(name->rfind('/') + 1));
    rule.span = c.origin.header_span;
    rules_.push_back(std::move(rule));
  }
  order();
}

NetworkSecurityGroup::NetworkSecurityGroup(std::vector<NsgRule> rules) : rules_(std::move(rules)) { order(); }

void NetworkSecurityGroup::order() {
  std::stable_sort(rules_.begin(), rules_.end(), [](const NsgRule& a, const NsgRule& b) {
    // Unknown priorities sort first: they might decide, so they make the answer unknown.
    return a.priority.value_or(-1) < b.priority.value_or(-1);
  });
  auto defaults = default_rules();
  rules_.insert(rules_.end(), std::make_move_iterator(defaults.begin()), std::make_move_iterator(defaults.end()));
}

std::optional<NsgDecision> NetworkSecurityGroup::evaluate(const Flow& flow) const {
  for (const NsgRule& rule : rules_) {
    if (rule.direction && *rule.direction != flow.direction) continue;
    const Coverage c = rule_coverage(rule, flow);
    if (c == Coverage::None) continue;
    if (c == Coverage::Unknown || !rule.direction || !rule.access || !rule.priority) return std::nullopt;
    if (*rule.access == Access::Deny) return NsgDecision{Access::Deny, &rule, c == Coverage::Partial};
    if (c == Coverage::Full) return NsgDecision{Access::Allow, &rule, false};
    // An allow for part of the flow: the rest is decided by later rules.
  }
  return std::nullopt;
}

}  // namespace akslint
