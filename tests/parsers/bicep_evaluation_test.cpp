#include "bicep_test_support.h"

using namespace akslint;
using akslint::test::has_reference;

TEST_CASE("params take .bicepparam values over defaults; vars, strings and operators evaluate", "[bicep]") {
  const auto dir = test::scan_dir("evaluation");
  CHECK(dir.model.diagnostics.empty());
  REQUIRE(dir.units.size() == 1);  // the .bicepparam joined its template
  const Resource& aks = dir.resource("aks");
  CHECK(aks.name.as_string() == "prod-aks-3");
  CHECK(aks.name.provenance() == Provenance::Resolved);
  CHECK(dir.files.start(aks.name.span()) == SourcePoint{23, 8});  // where the resource uses it
  CHECK(aks.at("location")->as_string() == "northeurope");
  CHECK(aks.at("tags.note")->as_string() == "first\nsecond");
  CHECK(aks.at("tags.size")->as_string() == "small");
  CHECK(aks.at("tags.doubled")->as_number() == 6.0);
  CHECK(aks.at("properties.nodeResourceGroup")->as_string() == "MC_prod-aks-3");
}

TEST_CASE("property loops expand and resource loops give one resource per item", "[bicep]") {
  const auto dir = test::scan_dir("evaluation");
  const Resource& aks = dir.resource("aks");
  CHECK(aks.at("properties.agentPoolProfiles[0].mode")->as_string() == "System");
  CHECK(aks.at("properties.agentPoolProfiles[0].count")->as_number() == 3.0);
  CHECK(aks.at("properties.agentPoolProfiles[1].count")->as_number() == 0.0);
  CHECK(aks.at("properties.agentPoolProfiles[1].index")->as_number() == 1.0);

  CHECK(dir.has("ip[0]"));
  CHECK(dir.has("ip[2]"));
  CHECK_FALSE(dir.has("ip[3]"));
  const Resource& ip = dir.resource("ip[1]");
  CHECK(ip.origin.symbol == "ip");
  CHECK(ip.name.as_string() == "prod-aks-3-ip-1");
  CHECK(ip.at("properties.nodeRg")->as_string() == "MC_prod-aks-3");
  CHECK(has_reference(ip, ReferenceKind::Reference, "aks", "properties.nodeRg"));
  CHECK_FALSE(dir.has("perZone[0]"));  // an empty array deploys nothing
  CHECK_FALSE(dir.has("lock"));        // condition known false

  // One instance of a resource loop, by index.
  const Resource& dns = dir.resource("dns");
  CHECK(dns.name.as_string() == "prod-aks-3-ip-1");
  CHECK(dns.at("properties.target")->as_string() == "MC_prod-aks-3");
  CHECK(dns.at("properties.beyond")->is_unknown());
  CHECK(test::has_reference(dns, ReferenceKind::Reference, "ip[2]", "properties.target"));
}

TEST_CASE("JSON parameter files give values; Key Vault references stay unknown", "[bicep]") {
  const auto dir = test::scan_dir("json-parameters");
  CHECK(dir.model.diagnostics.empty());
  const Resource& aks = dir.resource("aks");
  CHECK(aks.name.as_string() == "aks-from-json");
  CHECK(aks.at("properties.servicePrincipalProfile.secret")->is_unknown());
  CHECK(aks.at("properties.agentPoolProfiles[0].count")->as_number() == 1.0);
}

TEST_CASE(".bicepparam `extends` applies the shared values first; `using none` files deploy nothing", "[bicep]") {
  const auto dir = test::scan_dir("extends");
  CHECK(dir.model.diagnostics.empty());
  REQUIRE(dir.units.size() == 2);  // main.bicep, and shared.bicepparam read for its syntax only
  REQUIRE(dir.model.resources.size() == 1);
  // The module path differs in case from the file, as Windows-authored repositories do.
  const Resource& aks = dir.resource("cluster.aks");
  CHECK(aks.at("sku.tier")->as_string() == "Standard");
  CHECK(aks.at("location")->as_string() == "eastus");
}

TEST_CASE("user and imported functions and variables evaluate; unknown functions are reported", "[bicep]") {
  const auto dir = test::scan_dir("functions");
  const Resource& aks = dir.resource("aks");
  CHECK(aks.at("properties.dnsPrefix")->as_string() == "dns-pool-7");
  CHECK(aks.at("properties.agentPoolProfiles[1].name")->as_string() == "user-pool-2");
  CHECK(aks.name.as_string() == "contoso-aks");               // imported function
  CHECK(aks.at("sku.tier")->as_string() == "Standard");         // imported variable, aliased
  CHECK(aks.at("sku.name")->as_string() == "Base");             // through a namespace
  CHECK(aks.at("properties.fqdn")->as_string() == "contoso-fqdn");
  CHECK(aks.at("properties.other")->is_unknown());              // from a file not in the scan
  CHECK(aks.at("properties.kubernetesVersion")->is_unknown());
  REQUIRE(dir.model.diagnostics.size() == 2);
  const Diagnostic* function = dir.diagnostic("unknown-function");
  REQUIRE(function != nullptr);
  CHECK(dir.files.start(function->span) == SourcePoint{19, 23});
  CHECK(function->message.find("notAFunction") != std::string::npos);
  const Diagnostic* symbol = dir.diagnostic("unknown-symbol");  // `reduce(notKnown, ...)` below
  REQUIRE(symbol != nullptr);
  CHECK(symbol->level == DiagnosticLevel::Warning);
  CHECK(symbol->message.find("'notKnown'") != std::string::npos);
}

TEST_CASE("spreads merge known objects; an unknown spread leaves the written members", "[bicep]") {
  const auto dir = test::scan_dir("spread");
  CHECK(dir.model.diagnostics.empty());
  const Resource& aks = dir.resource("aks");
  CHECK(aks.name.as_string() == "aks");
  CHECK(aks.at("tags.team")->as_string() == "platform");
  CHECK(aks.at("properties.dnsPrefix")->as_string() == "aks");
}

TEST_CASE("map, filter, reduce and toObject apply their lambdas to known arrays", "[bicep]") {
  const auto dir = test::scan_dir("functions");
  const Resource& pool = dir.resource("lambdas");
  const Value* zones = pool.at("properties.availabilityZones");
  REQUIRE(zones != nullptr);
  CHECK(zones->to_display() == R"(["1","3"])");
  CHECK(pool.at("properties.labels")->to_display() == R"({"zone1":"yes","zone2":"yes","zone3":"yes"})");
  CHECK(pool.at("properties.nodeTaints[2]")->as_string() == "2=3:NoSchedule");
  CHECK(pool.at("properties.count")->as_number() == 3.0);
  CHECK(pool.at("properties.unknownCount")->is_unknown());
}

TEST_CASE("cycles between variables, resources and recursive functions end as unknown values", "[bicep]") {
  const auto dir = test::scan_dir("self-reference");
  CHECK(dir.model.diagnostics.empty());
  const Resource& first = dir.resource("first");
  CHECK(first.at("properties.peer")->is_unknown());
  CHECK(first.at("properties.loop")->is_unknown());
  CHECK(first.at("properties.deep")->is_unknown());
  CHECK(test::has_reference(first, ReferenceKind::Reference, "second", "properties.peer"));
  CHECK(test::has_reference(dir.resource("second"), ReferenceKind::Reference, "first", "properties.peer"));
}

TEST_CASE("bicep: several parameter files: values they agree on are known, the others unknown", "[bicep]") {
  const auto dir = test::scan_dir("parameter-files");
  REQUIRE(dir.units.size() == 1);
  const Resource& aks = dir.resource("aks");
  CHECK(aks.at("location")->as_string() == "eastus");
  CHECK(aks.at("sku.tier")->is_unknown());
}

TEST_CASE("index from the end reads the last items", "[bicep]") {
  const auto dir = test::scan_dir("spread");
  CHECK(dir.resource("last").name.as_string() == "ip-3");
}
