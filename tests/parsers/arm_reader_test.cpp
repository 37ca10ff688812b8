#include "Frontends.h"
#include "arm/TemplateReader.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace akslint;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A scan of tests/parsers/data/arm holding `paths`; the first is the unit's entry file.
struct Scan {
  FileTable files;
  DeploymentUnit unit;
  UnitModel model;

  explicit Scan(std::initializer_list<std::pair<std::string, FileFormat>> paths) {
    unit.kind = UnitKind::ArmTemplate;
    for (const auto& [path, format] : paths) {
      const FileId id = files.add({path, format, slurp(std::string(AKSLINT_TESTS_DIR) + "/parsers/data/arm/" + path)});
      if (format == FileFormat::ArmTemplate && !unit.files.empty()) continue;  // linked: in the scan, not the unit
      unit.files.push_back(id);
    }
    model = read_arm_template(unit, files);
  }

  const Resource* find(std::string_view type, std::string_view name) const {
    for (const auto& r : model.resources) {
      if (r.is(type) && r.name.as_string() && *r.name.as_string() == name) return &r;
    }
    return nullptr;
  }
  bool has_diagnostic(std::string_view code) const {
    for (const auto& d : model.diagnostics) {
      if (d.code == code) return true;
    }
    return false;
  }
};

bool references(const Resource& r, ReferenceKind kind, std::string_view target) {
  for (const auto& ref : r.references) {
    if (ref.kind == kind && ref.target == target) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("parameter files override defaults and expressions evaluate") {
  const Scan scan({{"loops.json", FileFormat::ArmTemplate}, {"loops.parameters.json", FileFormat::ArmParameters}});
  const Resource* aks = scan.find("Microsoft.ContainerService/managedClusters", "prod-aks");
  REQUIRE(aks != nullptr);
  CHECK(aks->api_version == "2024-02-01");
  CHECK(aks->at("location")->is_unknown());  // resourceGroup().location
  CHECK(*aks->at("properties.dnsPrefix")->as_string() == "[literal]");
  // The span of an evaluated name is the expression's string in the template.
  CHECK(scan.files.start(aks->name.span()).row == 42);
}

TEST_CASE("property names and types are case-insensitive; property copy expands") {
  const Scan scan({{"loops.json", FileFormat::ArmTemplate}, {"loops.parameters.json", FileFormat::ArmParameters}});
  const Resource* aks = scan.find("microsoft.containerservice/MANAGEDCLUSTERS", "prod-aks");
  REQUIRE(aks != nullptr);
  const Value* pools = aks->at("properties.agentPoolProfiles");
  REQUIRE(pools != nullptr);
  REQUIRE(pools->as_array()->size() == 2);
  CHECK(*aks->at("properties.agentPoolProfiles[0].mode")->as_string() == "System");
  CHECK(*aks->at("properties.agentPoolProfiles[0].count")->as_number() == 3);
  CHECK(*aks->at("properties.agentPoolProfiles[1].name")->as_string() == "pool1");
  CHECK(*aks->at("properties.agentPoolProfiles[1].mode")->as_string() == "User");
  // A copy variable.
  CHECK(*aks->at("properties.agentPoolProfiles[1].availabilityZones[2]")->as_string() == "3");
}

TEST_CASE("resource copy loops expand and conditions drop resources") {
  const Scan scan({{"loops.json", FileFormat::ArmTemplate}});
  CHECK(scan.find("Microsoft.Network/publicIPAddresses", "ip-1") != nullptr);
  CHECK(scan.find("Microsoft.Network/publicIPAddresses", "ip-2") != nullptr);
  CHECK(scan.find("Microsoft.Network/publicIPAddresses", "ip-3") == nullptr);
  CHECK(scan.find("Microsoft.Network/publicIPAddresses", "spare") == nullptr);
  // Without the parameter file, the defaults hold.
  CHECK(scan.find("Microsoft.ContainerService/managedClusters", "dev-aks") != nullptr);
}

TEST_CASE("child resources, nested and as parent/child names, reference their parent") {
  const Scan scan({{"loops.json", FileFormat::ArmTemplate}});
  const Resource* nested = scan.find("Microsoft.Network/virtualNetworks/subnets", "vnet/nodes");
  REQUIRE(nested != nullptr);
  CHECK(references(*nested, ReferenceKind::Parent, "Microsoft.Network/virtualNetworks/vnet"));
  CHECK(references(*nested, ReferenceKind::DependsOn, "Microsoft.Network/virtualNetworks/vnet"));
  const Resource* lock = scan.find("Microsoft.Network/virtualNetworks/providers/locks", "vnet/Microsoft.Authorization/keep");
  REQUIRE(lock != nullptr);
  CHECK(references(*lock, ReferenceKind::Parent, "Microsoft.Network/virtualNetworks/vnet"));
  const Resource* flat = scan.find("Microsoft.Network/virtualNetworks/subnets", "vnet/extra");
  REQUIRE(flat != nullptr);
  CHECK(references(*flat, ReferenceKind::Parent, "Microsoft.Network/virtualNetworks/vnet"));
}

TEST_CASE("dependsOn and resourceId() become references to the resources they name") {
  const Scan scan({{"loops.json", FileFormat::ArmTemplate}});
  const Resource* aks = scan.find("Microsoft.ContainerService/managedClusters", "dev-aks");
  REQUIRE(aks != nullptr);
  const std::string subnet = "Microsoft.Network/virtualNetworks/vnet/subnets/nodes";
  CHECK(references(*aks, ReferenceKind::DependsOn, subnet));
  CHECK(references(*aks, ReferenceKind::Reference, subnet));
  bool from_pool = false;
  for (const auto& ref : aks->references) {
    from_pool = from_pool || ref.from_path == "properties.agentPoolProfiles[0].vnetSubnetID";
  }
  CHECK(from_pool);
}

TEST_CASE("nested deployments: inner scope, target scope, outer scope, linked templates") {
  const Scan scan({{"nested/main.json", FileFormat::ArmTemplate}, {"nested/linked/storage.json", FileFormat::ArmTemplate}});
  const Resource* inner = scan.find("Microsoft.ContainerService/managedClusters", "outer-aks-inner");
  REQUIRE(inner != nullptr);
  CHECK(*inner->scope.resource_group.as_string() == "rg-nodes");
  CHECK(*inner->scope.subscription.as_string() == "00000000-0000-0000-0000-00000000000b");
  CHECK(*inner->at("properties.nodeResourceGroup")->as_string() == "rg-nodes");
  CHECK(*inner->at("properties.tag")->as_string() == "inner-variable");
  // Outer scope: the parent's variables.
  const Resource* outer = scan.find("Microsoft.Network/publicIPAddresses", "outer-aks-ip");
  REQUIRE(outer != nullptr);
  CHECK(outer->scope.resource_group.is_unknown());
  const Resource* linked = scan.find("Microsoft.Storage/storageAccounts", "stlinked");
  REQUIRE(linked != nullptr);
  CHECK(linked->origin.file == 1);
  CHECK(scan.has_diagnostic("linked-template-missing"));
  CHECK(scan.has_diagnostic("linked-template-not-followed"));
  // The deployment resource itself stays, without its template.
  const Resource* deployment = scan.find("Microsoft.Resources/deployments", "inner-deployment");
  REQUIRE(deployment != nullptr);
  CHECK(deployment->at("properties.template") == nullptr);
}

TEST_CASE("languageVersion 2.0: symbolic names, existing, user-defined functions") {
  const Scan scan({{"symbolic.json", FileFormat::ArmTemplate}});
  const Resource* vnet = scan.find("Microsoft.Network/virtualNetworks", "shared-vnet");
  REQUIRE(vnet != nullptr);
  CHECK(vnet->existing);
  CHECK(vnet->origin.symbol == "rg");
  // An existing resource in another scope keeps that scope, not the template's.
  CHECK(*vnet->scope.resource_group.as_string() == "rg-network");
  CHECK(*vnet->scope.subscription.as_string() == "00000000-0000-0000-0000-0000000000ee");
  CHECK(vnet->at("resourceGroup") == nullptr);
  const Resource* aks = scan.find("Microsoft.ContainerService/managedClusters", "aks-prod");
  REQUIRE(aks != nullptr);
  CHECK(aks->origin.symbol == "aks");
  CHECK(references(*aks, ReferenceKind::DependsOn, vnet->origin.address));
  CHECK(references(*aks, ReferenceKind::Reference, vnet->origin.address));
  CHECK(aks->at("properties.networkProfile.podCidr")->is_unknown());
  // A property copy without a count: unknown, not a crash.
  CHECK(aks->at("properties.agentPoolProfiles")->is_unknown());
}

TEST_CASE("invalid expressions and unknown functions are diagnosed; reading goes on") {
  const Scan scan({{"invalid_expression.json", FileFormat::ArmTemplate}});
  REQUIRE(scan.model.resources.size() == 1);
  CHECK(scan.model.resources[0].name.is_unknown());
  CHECK(scan.has_diagnostic("invalid-expression"));
  CHECK(scan.has_diagnostic("unknown-function"));
  for (const auto& d : scan.model.diagnostics) {
    if (d.code == "invalid-expression") CHECK(scan.files.start(d.span).row == 7);
  }
}

TEST_CASE("templates read as leniently as Azure reads them, with exact spans") {
  // A byte-order mark, comments, trailing commas, a multi-line expression, a raw tab.
  const Scan scan({{"lenient.json", FileFormat::ArmTemplate}});
  REQUIRE(scan.model.diagnostics.empty());
  const Resource* aks = scan.find("Microsoft.ContainerService/managedClusters", "aks-multi");
  REQUIRE(aks != nullptr);
  CHECK(*aks->at("properties.note")->as_string() == "tab\tinside");
  // Row 13 (0-based) is the dnsPrefix line after the multi-line string; the value starts at
  // byte column 21.
  const Value* dns = aks->at("properties.dnsPrefix");
  CHECK(scan.files.start(dns->span()).row == 13);
  CHECK(scan.files.start(dns->span()).column == 21);
  CHECK(scan.files.start(aks->name.span()).row == 9);
  CHECK(scan.files.end(aks->name.span()).row == 10);
}

TEST_CASE("malformed JSON gives a syntax diagnostic with its position") {
  FileTable files;
  const FileId id = files.add({"bad.json", FileFormat::ArmTemplate, "{\n  \"resources\": [ { \"type\": } ]\n}\n"});
  const UnitModel model = read_arm_template({UnitKind::ArmTemplate, "bad.json", {id}}, files);
  REQUIRE(model.diagnostics.size() == 1);
  CHECK(model.diagnostics[0].code == "syntax-error");
  CHECK(files.start(model.diagnostics[0].span).row == 1);
  CHECK(model.resources.empty());
}

TEST_CASE("several parameter files: values they agree on are known, the others unknown") {
  const Scan scan({{"scopes.json", FileFormat::ArmTemplate},
                   {"scopes.parameters.dev.json", FileFormat::ArmParameters},
                   {"scopes.parameters.prod.json", FileFormat::ArmParameters}});
  const Resource* rg = scan.find("Microsoft.Resources/resourceGroups", "rg-shared");
  REQUIRE(rg != nullptr);
  CHECK(rg->at("tags.env")->is_unknown());  // dev in one file, prod in the other
  // A subscription deployment: no resource group; the subscription is not known.
  CHECK(rg->scope.resource_group.is_null());
  CHECK(rg->scope.subscription.is_unknown());
  // A recursive user function stops, unknown.
  CHECK(rg->at("tags.odd")->is_unknown());
  // nodeCount is a literal string in one file only: unknown, so the copy loop stays one
  // resource whose copyIndex() is unknown.
  std::size_t ips = 0;
  for (const auto& r : scan.model.resources) {
    if (r.is("Microsoft.Network/publicIPAddresses")) {
      ++ips;
      CHECK(r.name.is_unknown());
    }
  }
  CHECK(ips == 1);
}

TEST_CASE("parameter values: Key Vault references are unknown; defaults fill what a file omits") {
  const Scan scan({{"scopes.json", FileFormat::ArmTemplate}, {"scopes.parameters.prod.json", FileFormat::ArmParameters}});
  CHECK(scan.find("Microsoft.Resources/resourceGroups", "rg-shared") != nullptr);
  std::size_t ips = 0;
  for (const auto& r : scan.model.resources) ips += r.is("Microsoft.Network/publicIPAddresses") ? 1U : 0U;
  CHECK(ips == 3);
  std::vector<Value> files;
  Value file = Value::object();
  file.ensure_path("parameters.secret.reference.secretName") = Value::string("pw");
  files.push_back(file);
  const auto values = arm::parameter_values(files);
  REQUIRE(values.contains("SECRET"));
  CHECK(values.at("secret").is_unknown());
}

TEST_CASE("references find resources whose names are unknown, within one template scope") {
  const Scan scan({{"unknown_names.json", FileFormat::ArmTemplate}});
  const Resource* aks = nullptr;
  const Resource* vnet = nullptr;
  const Resource* inner_vnet = nullptr;
  for (const auto& r : scan.model.resources) {
    if (r.is("Microsoft.ContainerService/managedClusters")) aks = &r;
    if (r.is("Microsoft.Network/virtualNetworks")) (r.scope.resource_group.as_string() ? inner_vnet : vnet) = &r;
  }
  REQUIRE(aks != nullptr);
  REQUIRE(vnet != nullptr);
  REQUIRE(inner_vnet != nullptr);
  CHECK(vnet->name.is_unknown());
  CHECK(references(*aks, ReferenceKind::Reference, vnet->origin.address));
  CHECK(references(*aks, ReferenceKind::DependsOn, vnet->origin.address));
  // The nested template's `parameters('vnetName')` is another value: no reference to it.
  CHECK_FALSE(references(*aks, ReferenceKind::Reference, inner_vnet->origin.address));
}
