#include <akslint/analyzer/AgentPools.h>
#include <akslint/analyzer/GraphBuilder.h>
#include <akslint/analyzer/KubernetesObjects.h>
#include <akslint/analyzer/NodeResourceGroup.h>
#include <akslint/analyzer/Regions.h>
#include <akslint/analyzer/ResourceTypes.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <tuple>

using namespace akslint;

namespace {

Resource resource(std::string_view type, std::string name, std::string address) {
  Resource r;
  r.type = std::string(type);
  r.name = Value::string(std::move(name));
  r.origin.address = std::move(address);
  return r;
}

Resource cluster(std::string rg, std::string subnet_id) {
  Resource r = resource(kManagedClusterType, "aks", "azurerm_kubernetes_cluster.aks");
  r.scope.resource_group = Value::string(std::move(rg));
  r.body.set("location", Value::string("West Europe"));
  Value pool = Value::object();
  pool.set("name", Value::string("system"));
  pool.set("vnetSubnetID", subnet_id.starts_with("/") ? Value::string(subnet_id) : Value::unknown(subnet_id));
  r.body.ensure_path("properties.agentPoolProfiles") = Value::array({pool});
  return r;
}

std::optional<VertexId> find(const ResourceGraph& g, std::string_view address) {
  for (const VertexId v : g.resources()) {
    if (g.resource(v).origin.address == address) return v;
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("the node resource group is the written name or Azure's default") {
  Resource c = cluster("rg-aks", "x");
  auto nrg = node_resource_group(c);
  REQUIRE(nrg);
  CHECK(nrg->derived());
  CHECK(nrg->name == "MC_rg-aks_aks_westeurope");
  c.body.ensure_path("properties.nodeResourceGroup") = Value::string("rg-nodes");
  nrg = node_resource_group(c);
  REQUIRE(nrg);
  CHECK_FALSE(nrg->derived());
  CHECK(nrg->name == "rg-nodes");
  c.body.ensure_path("properties.nodeResourceGroup") = Value::unknown("var.node_rg");
  CHECK_FALSE(node_resource_group(c));
  Resource unknown_rg = cluster("", "x");
  unknown_rg.scope.resource_group = Value::unknown("var.rg");
  CHECK_FALSE(node_resource_group(unknown_rg));
}

TEST_CASE("resources deployed into a cluster's node resource group share its scope vertex") {
  std::vector<Resource> rs;
  rs.push_back(cluster("rg-aks", "x"));
  Resource disk = resource("Microsoft.Compute/disks", "data", "azurerm_managed_disk.data");
  disk.scope.resource_group = Value::string("mc_RG-AKS_aks_westeurope");
  rs.push_back(std::move(disk));
  const ResourceGraph g = build_graph(std::move(rs));
  const auto c = find(g, "azurerm_kubernetes_cluster.aks");
  REQUIRE(c);
  const auto nrg = g.targets(*c, EdgeKind::NodeResourceGroupOf);
  REQUIRE(nrg.size() == 1);
  CHECK(g.scope(nrg.front()).kind == ScopeKind::NodeResourceGroup);
  const auto deployed = g.in_edges(nrg.front(), EdgeKind::DeployedInto);
  REQUIRE(deployed.size() == 1);
  CHECK(g.resource(deployed.front().source).origin.address == "azurerm_managed_disk.data");
  CHECK(g.find_scope("", "MC_rg-aks_aks_westeurope") == nrg.front());
}

TEST_CASE("cluster -> subnet -> NSG edges resolve from addresses, ids and association resources") {
  std::vector<Resource> rs;
  rs.push_back(cluster("rg-aks", "azurerm_subnet.nodes.id"));
  Resource subnet = resource(kSubnetType, "vnet/nodes", "azurerm_subnet.nodes");
  subnet.scope.resource_group = Value::string("rg-net");
  rs.push_back(std::move(subnet));
  rs.push_back(resource(kNsgType, "nsg", "azurerm_network_security_group.nsg"));
  Resource assoc = resource(kSubnetType, "assoc", "azurerm_subnet_network_security_group_association.a");
  assoc.origin.source_type = "azurerm_subnet_network_security_group_association";
  assoc.body.set("subnetId", Value::unknown("azurerm_subnet.nodes.id"));
  assoc.body.set("networkSecurityGroupId", Value::unknown("azurerm_network_security_group.nsg.id"));
  rs.push_back(std::move(assoc));
  const ResourceGraph g = build_graph(std::move(rs));
  const auto c = find(g, "azurerm_kubernetes_cluster.aks");
  const auto s = find(g, "azurerm_subnet.nodes");
  const auto n = find(g, "azurerm_network_security_group.nsg");
  REQUIRE((c && s && n));
  const auto subnets = g.out_edges(*c, EdgeKind::SubnetOf);
  REQUIRE(subnets.size() == 1);
  CHECK(subnets.front().target == *s);
  CHECK(subnets.front().from_path == "properties.agentPoolProfiles[0].vnetSubnetID");
  CHECK(g.targets(*s, EdgeKind::NsgAssociated) == std::vector<VertexId>{*n});
}

TEST_CASE("inline subnets become subnet vertices reachable by resource id") {
  std::vector<Resource> rs;
  rs.push_back(cluster("rg-aks", "/subscriptions/s/resourceGroups/rg-aks/providers/Microsoft.Network/"
                                 "virtualNetworks/vnet/subnets/nodes"));
  Resource vnet = resource(kVirtualNetworkType, "vnet", "vnet");
  Value inline_subnet = Value::object();
  inline_subnet.set("name", Value::string("nodes"));
  inline_subnet.ensure_path("properties.networkSecurityGroup.id") =
      Value::unknown("[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg')]");
  vnet.body.ensure_path("properties.subnets") = Value::array({inline_subnet});
  rs.push_back(std::move(vnet));
  rs.push_back(resource(kNsgType, "nsg", "nsg"));
  const ResourceGraph g = build_graph(std::move(rs));
  const auto c = find(g, "azurerm_kubernetes_cluster.aks");
  const auto s = find(g, "vnet/subnets/nodes");
  const auto n = find(g, "nsg");
  REQUIRE((c && s && n));
  CHECK(g.declared_inline(*s));
  CHECK_FALSE(g.declared_inline(*c));
  CHECK(g.targets(*c, EdgeKind::SubnetOf) == std::vector<VertexId>{*s});
  CHECK(g.targets(*s, EdgeKind::NsgAssociated) == std::vector<VertexId>{*n});
}

TEST_CASE("ARM children named parent/child get their parent, and extensions target their scale set") {
  std::vector<Resource> rs;
  rs.push_back(resource(kScaleSetType, "aks-system-123-vmss", "aks-system-123-vmss"));
  rs.push_back(resource(kScaleSetExtensionType, "aks-system-123-vmss/custom", "aks-system-123-vmss/custom"));
  const ResourceGraph g = build_graph(std::move(rs));
  const auto vmss = find(g, "aks-system-123-vmss");
  const auto ext = find(g, "aks-system-123-vmss/custom");
  REQUIRE((vmss && ext));
  CHECK(g.targets(*vmss, EdgeKind::ParentOf) == std::vector<VertexId>{*ext});
  CHECK(g.sources(*ext, EdgeKind::ParentOf) == std::vector<VertexId>{*vmss});
  CHECK(g.sources(*ext, EdgeKind::Targets).empty());
  CHECK(g.targets(*ext, EdgeKind::Targets) == std::vector<VertexId>{*vmss});
  CHECK(g.sources(*vmss, EdgeKind::Targets) == std::vector<VertexId>{*ext});
}

TEST_CASE("resources in one resource group share its scope vertex, whatever the order and case they name it in") {
  std::vector<Resource> rs;
  for (const auto& [address, group] : {std::pair{"a", "rg-one"}, {"b", "rg-one"}, {"c", "rg-two"}, {"d", "RG-One"}}) {
    Resource r = resource("Microsoft.Network/publicIPAddresses", address, address);
    r.scope.resource_group = Value::string(group);
    rs.push_back(std::move(r));
  }
  const ResourceGraph g = build_graph(std::move(rs));
  const auto scope_of = [&](std::string_view address) {
    const auto v = find(g, address);
    REQUIRE(v);
    const auto scopes = g.targets(*v, EdgeKind::DeployedInto);
    REQUIRE(scopes.size() == 1);
    return scopes.front();
  };
  const VertexId one = scope_of("a");
  CHECK(g.scope(one).name == "rg-one");
  CHECK(scope_of("b") == one);
  CHECK(scope_of("d") == one);
  CHECK(scope_of("c") != one);
  CHECK(g.scope(scope_of("c")).name == "rg-two");
  CHECK(g.sources(one, EdgeKind::DeployedInto).size() == 3);
}

TEST_CASE("autoscale settings target what their id names; locks lock a group named by id") {
  std::vector<Resource> rs;
  Resource vmss = resource(kScaleSetType, "pool", "azurerm_linux_virtual_machine_scale_set.pool");
  vmss.scope.resource_group = Value::string("rg");
  rs.push_back(std::move(vmss));
  Resource autoscale = resource(kAutoscaleSettingType, "scale", "azurerm_monitor_autoscale_setting.s");
  autoscale.body.ensure_path("properties.targetResourceUri") = Value::string(
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/pool");
  rs.push_back(std::move(autoscale));
  Resource lock = resource(kLockType, "nodelock", "azurerm_management_lock.l");
  lock.body.set("scope", Value::string("/subscriptions/s/resourceGroups/MC_rg_aks_eastus"));
  rs.push_back(std::move(lock));
  const ResourceGraph g = build_graph(std::move(rs));
  const auto v = find(g, "azurerm_linux_virtual_machine_scale_set.pool");
  const auto a = find(g, "azurerm_monitor_autoscale_setting.s");
  const auto l = find(g, "azurerm_management_lock.l");
  REQUIRE((v && a && l));
  CHECK(g.targets(*a, EdgeKind::Targets) == std::vector<VertexId>{*v});
  const auto locked = g.targets(*l, EdgeKind::Locks);
  REQUIRE(locked.size() == 1);
  CHECK_FALSE(g.is_resource(locked.front()));
  CHECK(g.scope(locked.front()).name == "MC_rg_aks_eastus");
}

TEST_CASE("a resource id naming another group's resource does not resolve to a same-named one") {
  std::vector<Resource> rs;
  rs.push_back(cluster("rg-aks", "/subscriptions/s/resourceGroups/rg-other/providers/Microsoft.Network/"
                                 "virtualNetworks/vnet/subnets/nodes"));
  Resource subnet = resource(kSubnetType, "vnet/nodes", "azurerm_subnet.nodes");
  subnet.scope.resource_group = Value::string("rg-net");
  rs.push_back(std::move(subnet));
  const ResourceGraph g = build_graph(std::move(rs));
  const auto c = find(g, "azurerm_kubernetes_cluster.aks");
  REQUIRE(c);
  CHECK(g.targets(*c, EdgeKind::SubnetOf).empty());
}

TEST_CASE("resources are selected by type, in any case, in the order they were added") {
  std::vector<Resource> rs;
  rs.push_back(resource("Kubernetes/apps/v1/Deployment", "web", "kubernetes_manifest.web"));
  rs.push_back(cluster("rg-aks", "x"));
  rs.push_back(resource("kubernetes/v1/Pod", "debug", "kubernetes_manifest.debug"));
  rs.push_back(resource("Microsoft.Network/virtualNetworks", "vnet", "azurerm_virtual_network.vnet"));
  rs.push_back(resource("KUBERNETES/apps/v1/Deployment", "api", "kubernetes_manifest.api"));
  const ResourceGraph g = build_graph(std::move(rs));
  std::vector<std::string> asked;
  const auto kubernetes = g.resources_where([&](std::string_view type) {
    asked.emplace_back(type);
    return type.starts_with("kubernetes/");
  });
  std::vector<std::string> addresses;
  for (const VertexId v : kubernetes) addresses.push_back(g.resource(v).origin.address);
  CHECK(addresses == std::vector<std::string>{"kubernetes_manifest.web", "kubernetes_manifest.debug",
                                              "kubernetes_manifest.api"});
  // Once per type, each in lower case: the two spellings of Deployment are one type.
  CHECK(std::ranges::count(asked, "kubernetes/apps/v1/deployment") == 1);
  CHECK(std::ranges::none_of(asked, [](const std::string& t) { return t != ascii_lowercase(t); }));
  CHECK(kubernetes_objects(g) == kubernetes);
  CHECK(g.resources_where([](std::string_view) { return false; }).empty());
}

TEST_CASE("the region table knows zonal regions in any spelling") {
  CHECK(region_has_availability_zones("West Europe"));
  CHECK(region_has_availability_zones("eastus2"));
  CHECK_FALSE(region_has_availability_zones("westcentralus"));
  CHECK_FALSE(region_has_availability_zones("northcentralus"));
}

TEST_CASE("an id names a subnet declared without its network's name only within the id's group") {
  std::vector<Resource> rs;
  rs.push_back(cluster("rg-aks", "/subscriptions/s/resourceGroups/rg-net/providers/Microsoft.Network/"
                                 "virtualNetworks/vnet/subnets/nodes"));
  Resource subnet = resource(kSubnetType, "nodes", "azurerm_subnet.nodes");
  subnet.scope.resource_group = Value::string("rg-net");
  rs.push_back(std::move(subnet));
  Resource elsewhere = resource(kSubnetType, "nodes", "azurerm_subnet.other");
  elsewhere.scope.resource_group = Value::string("rg-other");
  rs.push_back(std::move(elsewhere));
  const ResourceGraph g = build_graph(std::move(rs));
  const auto c = find(g, "azurerm_kubernetes_cluster.aks");
  const auto s = find(g, "azurerm_subnet.nodes");
  REQUIRE((c && s));
  CHECK(g.targets(*c, EdgeKind::SubnetOf) == std::vector<VertexId>{*s});
}

TEST_CASE("references resolve from Bicep symbols, data source addresses and interpolations") {
  std::vector<Resource> rs;
  Resource c = cluster("rg-aks", "nodes.id");
  c.body.ensure_path("properties.diskEncryptionSetID") = Value::unknown("${data.azurerm_disk_encryption_set.des.id}");
  rs.push_back(std::move(c));
  Resource subnet = resource(kSubnetType, "vnet/nodes", "nodes");
  subnet.origin.symbol = "nodes";
  rs.push_back(std::move(subnet));
  Resource des = resource(kDiskEncryptionSetType, "des", "data.azurerm_disk_encryption_set.des");
  des.existing = true;
  rs.push_back(std::move(des));
  const ResourceGraph g = build_graph(std::move(rs));
  const auto cv = find(g, "azurerm_kubernetes_cluster.aks");
  REQUIRE(cv);
  CHECK(g.targets(*cv, EdgeKind::SubnetOf) == std::vector<VertexId>{*find(g, "nodes")});
  CHECK(g.targets(*cv, EdgeKind::EncryptedWith) == std::vector<VertexId>{*find(g, "data.azurerm_disk_encryption_set.des")});
}

namespace {

// Three units of 400 resources each (more than one of the builder's chunks), with references
// within each unit, duplicate names, scopes and VNets with inline subnets.
std::vector<std::vector<Resource>> estate() {
  std::vector<std::vector<Resource>> units(3);
  for (std::uint32_t u = 0; u < units.size(); ++u) {
    for (int i = 0; i < 400; ++i) {
      const std::string address = "azurerm_public_ip.ip" + std::to_string(i % 350);  // some names twice
      Resource r = i % 50 == 0 ? resource(kVirtualNetworkType, "vnet" + std::to_string(i), address)
                               : resource("Microsoft.Network/publicIPAddresses", "ip" + std::to_string(i), address);
      r.origin.unit = u;
      r.scope.resource_group = Value::string("rg-" + std::to_string(i % 7));
      if (i % 50 == 0) {
        Value subnet = Value::object();
        subnet.set("name", Value::string("nodes"));
        r.body.ensure_path("properties.subnets") = Value::array({subnet});
      }
      for (const int to : {i - 1, i + 3, 1000}) {
        r.references.push_back({i % 3 == 0 ? ReferenceKind::DependsOn : ReferenceKind::Reference,
                                "azurerm_public_ip.ip" + std::to_string(to), "properties.x", {}});
      }
      units[u].push_back(std::move(r));
    }
  }
  return units;
}

std::vector<std::tuple<VertexId, VertexId, EdgeKind, std::string>> all_edges(const ResourceGraph& g) {
  std::vector<std::tuple<VertexId, VertexId, EdgeKind, std::string>> out;
  for (VertexId v = 0; v < g.vertex_count(); ++v) {
    for (const Edge& e : g.out_edges(v)) out.emplace_back(e.source, e.target, e.kind, e.from_path);
    for (const Edge& e : g.in_edges(v)) out.emplace_back(e.source, e.target, e.kind, e.from_path);
  }
  return out;
}

}  // namespace

TEST_CASE("the graph is built the same with one job and with several") {
  const ResourceGraph one = build_graph(estate(), 1);
  REQUIRE(one.vertex_count() > 1200);
  const auto expected = all_edges(one);
  CHECK(expected.size() > 6000);
  for (const unsigned jobs : {2u, 4u}) {
    const ResourceGraph several = build_graph(estate(), jobs);
    INFO("jobs " << jobs);
    CHECK(several.vertex_count() == one.vertex_count());
    CHECK(all_edges(several) == expected);
  }
}
