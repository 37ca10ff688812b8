#include <akslint/analyzer/GraphBuilder.h>
#include <akslint/analyzer/Nsg.h>

#include <catch2/catch.hpp>

using namespace akslint;

namespace {

const Resource kNsg{};

NsgRule rule(std::string name, double priority, std::string access, std::string source, std::string destination,
             std::string port = "*", std::string protocol = "*", std::string direction = "Inbound") {
  Value props = Value::object();
  props.set("priority", Value::number(priority));
  props.set("direction", Value::string(std::move(direction)));
  props.set("access", Value::string(std::move(access)));
  props.set("protocol", Value::string(std::move(protocol)));
  props.set("sourceAddressPrefix", Value::string(std::move(source)));
  props.set("destinationAddressPrefix", Value::string(std::move(destination)));
  props.set("sourcePortRange", Value::string("*"));
  props.set("destinationPortRange", Value::string(std::move(port)));
  Value decl = Value::object();
  decl.set("name", Value::string(std::move(name)));
  decl.set("properties", std::move(props));
  return read_nsg_rule(decl, kNsg);
}

FlowEndpoint endpoint(std::string_view cidr, bool vnet = true) {
  return {*parse_ipv4_prefix(cidr), vnet, false, std::string(cidr)};
}

Flow inbound(std::string_view from, std::string_view to, std::optional<std::uint16_t> port = std::nullopt,
             std::string protocol = "*") {
  return {Direction::Inbound, endpoint(from), endpoint(to), std::move(protocol), port};
}

std::string decider(const NetworkSecurityGroup& nsg, const Flow& flow) {
  const auto d = nsg.evaluate(flow);
  return d ? d->rule->name : "unknown";
}

}  // namespace

TEST_CASE("IPv4 prefixes parse into ranges with containment") {
  const auto net = parse_ipv4_prefix("10.0.0.0/16");
  REQUIRE(net);
  CHECK(net->contains(*parse_ipv4_prefix("10.0.1.0/24")));
  CHECK_FALSE(net->contains(*parse_ipv4_prefix("10.1.0.0/24")));
  CHECK(parse_ipv4_prefix("10.0.0.7/16")->first == parse_ipv4_prefix("10.0.0.0")->first);
  CHECK(parse_ipv4_prefix("0.0.0.0/0")->last == 0xFFFFFFFFu);
  CHECK(parse_ipv4_prefix("10.0.0.1")->first == parse_ipv4_prefix("10.0.0.1")->last);
  CHECK_FALSE(parse_ipv4_prefix("10.0.0/8"));
  CHECK_FALSE(parse_ipv4_prefix("10.0.0.256"));
  CHECK_FALSE(parse_ipv4_prefix("10.0.0.0/33"));
  CHECK_FALSE(parse_ipv4_prefix("VirtualNetwork"));
  CHECK_FALSE(parse_ipv4_prefix("fd00::/8"));
}

TEST_CASE("an NSG without rules falls back to Azure's default rules") {
  const NetworkSecurityGroup nsg(std::vector<NsgRule>{});
  CHECK(decider(nsg, inbound("10.0.1.0/24", "10.0.1.0/24")) == "AllowVnetInBound");
  Flow probe = inbound("168.63.129.16/32", "10.0.1.0/24", 80);
  probe.source.virtual_network = false;
  probe.source.load_balancer = true;
  CHECK(decider(nsg, probe) == "AllowAzureLoadBalancerInBound");
  Flow internet = inbound("203.0.113.0/24", "10.0.1.0/24", 443);
  internet.source.virtual_network = false;
  CHECK(decider(nsg, internet) == "DenyAllInBound");
  Flow out{Direction::Outbound, endpoint("10.0.1.0/24"), endpoint("8.8.8.8/32", false), "Udp", 53};
  CHECK(decider(nsg, out) == "AllowInternetOutBound");
}

TEST_CASE("the lowest priority number decides") {
  const NetworkSecurityGroup nsg({rule("deny-all", 4000, "Deny", "*", "*"),
                                  rule("allow-vnet", 100, "Allow", "VirtualNetwork", "VirtualNetwork")});
  const auto d = nsg.evaluate(inbound("10.0.1.0/24", "10.0.1.0/24"));
  REQUIRE(d);
  CHECK(d->access == Access::Allow);
  CHECK(d->rule->name == "allow-vnet");
  const NetworkSecurityGroup reversed({rule("deny-all", 100, "Deny", "*", "*"),
                                       rule("allow-vnet", 4000, "Allow", "VirtualNetwork", "VirtualNetwork")});
  const auto r = reversed.evaluate(inbound("10.0.1.0/24", "10.0.1.0/24"));
  REQUIRE(r);
  CHECK(r->access == Access::Deny);
  CHECK(r->rule->name == "deny-all");
  CHECK_FALSE(r->partial);
}

TEST_CASE("rules of the other direction are ignored") {
  const NetworkSecurityGroup nsg({rule("deny-out", 100, "Deny", "*", "*", "*", "*", "Outbound")});
  CHECK(decider(nsg, inbound("10.0.1.0/24", "10.0.1.0/24")) == "AllowVnetInBound");
}

TEST_CASE("prefixes match by CIDR containment; a deny that covers part of a flow blocks it") {
  const NetworkSecurityGroup nsg({rule("deny-part", 100, "Deny", "10.0.1.0/25", "*")});
  const auto part = nsg.evaluate(inbound("10.0.1.0/24", "10.0.2.0/24"));
  REQUIRE(part);
  CHECK(part->access == Access::Deny);
  CHECK(part->partial);
  CHECK(decider(nsg, inbound("10.0.3.0/24", "10.0.2.0/24")) == "AllowVnetInBound");
}

TEST_CASE("an allow that covers only part of a flow leaves the rest to later rules") {
  const NetworkSecurityGroup nsg(
      {rule("allow-half", 100, "Allow", "10.0.1.0/25", "*"), rule("deny-all", 200, "Deny", "*", "*")});
  const auto d = nsg.evaluate(inbound("10.0.1.0/24", "10.0.2.0/24"));
  REQUIRE(d);
  CHECK(d->rule->name == "deny-all");
}

TEST_CASE("ports and protocols narrow a rule") {
  const NetworkSecurityGroup nsg({rule("deny-dns", 100, "Deny", "*", "*", "53", "Udp"),
                                  rule("deny-high", 110, "Deny", "*", "*", "30000-32767", "Tcp")});
  CHECK(decider(nsg, inbound("10.0.1.0/24", "10.0.1.0/24", 53, "Udp")) == "deny-dns");
  CHECK(decider(nsg, inbound("10.0.1.0/24", "10.0.1.0/24", 53, "Tcp")) == "AllowVnetInBound");
  CHECK(decider(nsg, inbound("10.0.1.0/24", "10.0.1.0/24", 31000, "Tcp")) == "deny-high");
  CHECK(decider(nsg, inbound("10.0.1.0/24", "10.0.1.0/24", 29999, "Tcp")) == "AllowVnetInBound");
  const auto all_ports = nsg.evaluate(inbound("10.0.1.0/24", "10.0.1.0/24"));
  REQUIRE(all_ports);
  CHECK(all_ports->rule->name == "deny-dns");
  CHECK(all_ports->partial);
}

TEST_CASE("service tags: Internet excludes the virtual network, AzureLoadBalancer only the probe source") {
  const NetworkSecurityGroup nsg({rule("deny-internet", 100, "Deny", "Internet", "*"),
                                  rule("deny-lb", 110, "Deny", "AzureLoadBalancer", "*")});
  CHECK(decider(nsg, inbound("10.0.1.0/24", "10.0.1.0/24")) == "AllowVnetInBound");
  Flow probe = inbound("168.63.129.16/32", "10.0.1.0/24", 80);
  probe.source.virtual_network = false;
  probe.source.load_balancer = true;
  CHECK(decider(nsg, probe) == "deny-lb");
}

TEST_CASE("other service tags never match private addresses") {
  const NetworkSecurityGroup nsg({rule("deny-cloud", 100, "Deny", "AzureCloud", "*")});
  CHECK(decider(nsg, inbound("10.0.1.0/24", "10.0.1.0/24")) == "AllowVnetInBound");
}

TEST_CASE("an unknown value in a rule that could decide makes the answer unknown") {
  NsgRule unknown_prefix = rule("deny-var", 100, "Deny", "*", "*");
  unknown_prefix.source_prefixes = {Value::unknown("var.blocked")};
  const NetworkSecurityGroup nsg({unknown_prefix});
  CHECK_FALSE(nsg.evaluate(inbound("10.0.1.0/24", "10.0.1.0/24")));
  NsgRule unknown_priority = rule("deny-later", 100, "Deny", "*", "*");
  unknown_priority.priority.reset();
  CHECK_FALSE(NetworkSecurityGroup({unknown_priority}).evaluate(inbound("10.0.1.0/24", "10.0.1.0/24")));
  // A rule that cannot match the flow does not matter, whatever else is unknown in it.
  NsgRule other_port = rule("deny-22", 100, "Deny", "*", "*", "22", "Tcp");
  other_port.source_prefixes = {Value::unknown("var.admins")};
  CHECK(decider(NetworkSecurityGroup({other_port}), inbound("10.0.1.0/24", "10.0.1.0/24", 443, "Tcp")) ==
        "AllowVnetInBound");
}

TEST_CASE("prefix and port lists: any element matches") {
  Value props = Value::object();
  props.set("priority", Value::number(100));
  props.set("direction", Value::string("Inbound"));
  props.set("access", Value::string("Deny"));
  props.set("protocol", Value::string("Tcp"));
  props.set("sourceAddressPrefixes", Value::array({Value::string("192.168.0.0/16"), Value::string("10.0.0.0/8")}));
  props.set("destinationAddressPrefix", Value::string("*"));
  props.set("sourcePortRange", Value::string("*"));
  props.set("destinationPortRanges", Value::array({Value::string("80"), Value::number(443)}));
  Value decl = Value::object();
  decl.set("name", Value::string("deny-web"));
  decl.set("properties", std::move(props));
  const NetworkSecurityGroup nsg({read_nsg_rule(decl, kNsg)});
  CHECK(decider(nsg, inbound("10.0.1.0/24", "10.0.2.0/24", 443, "Tcp")) == "deny-web");
  CHECK(decider(nsg, inbound("10.0.1.0/24", "10.0.2.0/24", 8080, "Tcp")) == "AllowVnetInBound");
}

TEST_CASE("an NSG's rules come from its inline list and its securityRules child resources") {
  Resource nsg;
  nsg.type = "Microsoft.Network/networkSecurityGroups";
  nsg.name = Value::string("nsg");
  nsg.origin.address = "nsg";
  Value inline_rule = Value::object();
  inline_rule.set("name", Value::string("allow-vnet"));
  Value props = Value::object();
  props.set("priority", Value::number(300));
  props.set("direction", Value::string("Inbound"));
  props.set("access", Value::string("Allow"));
  props.set("protocol", Value::string("*"));
  props.set("sourceAddressPrefix", Value::string("VirtualNetwork"));
  props.set("destinationAddressPrefix", Value::string("VirtualNetwork"));
  props.set("sourcePortRange", Value::string("*"));
  props.set("destinationPortRange", Value::string("*"));
  inline_rule.set("properties", props);
  nsg.body.ensure_path("properties.securityRules") = Value::array({inline_rule});
  Resource child;
  child.type = "Microsoft.Network/networkSecurityGroups/securityRules";
  child.name = Value::string("nsg/deny-all");
  child.origin.address = "nsg/deny-all";
  props.set("priority", Value::number(200));
  props.set("access", Value::string("Deny"));
  props.set("sourceAddressPrefix", Value::string("*"));
  child.body.set("properties", props);
  std::vector<Resource> rs;
  rs.push_back(std::move(nsg));
  rs.push_back(std::move(child));
  const ResourceGraph g = build_graph(std::move(rs));
  const NetworkSecurityGroup evaluated(g, g.resources().front());
  REQUIRE(evaluated.rules().size() == 8);  // two declared, six default
  const auto d = evaluated.evaluate(inbound("10.0.1.0/24", "10.0.1.0/24"));
  REQUIRE(d);
  CHECK(d->rule->name == "deny-all");
  CHECK(d->rule->declared_in == &g.resource(g.resources()[1]));
}
