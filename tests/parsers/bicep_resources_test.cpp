#include "bicep_test_support.h"

using namespace akslint;
using akslint::test::has_reference;

TEST_CASE("Bicep resources lower to the canonical model with symbols, spans and relations", "[bicep]") {
  const auto dir = test::scan_dir("resources");
  CHECK(dir.model.diagnostics.empty());
  REQUIRE(dir.model.resources.size() == 7);

  const Resource& aks = dir.resource("aks");
  CHECK(aks.type == "Microsoft.ContainerService/managedClusters");
  CHECK(aks.api_version == "2024-02-01");
  CHECK(aks.origin.kind == SourceKind::Bicep);
  CHECK(aks.origin.symbol == "aks");
  CHECK(aks.name.as_string() == "aks1");
  CHECK(dir.files.start(aks.name.span()) == SourcePoint{34, 8});
  CHECK(dir.files.start(aks.origin.header_span).row == 33);
  CHECK(dir.files.end(aks.origin.header_span).row == 33);
  // Property lookup is case-insensitive; literal values keep their spans.
  const Value* count = aks.at("Properties.AgentPoolProfiles[0].Count");
  REQUIRE(count != nullptr);
  CHECK(count->as_number() == 3.0);
  CHECK(dir.files.start(count->span()) == SourcePoint{42, 15});
  CHECK(aks.at("location")->as_string() == "westeurope");
  // A symbolic reference gives the value and an edge.
  CHECK(aks.at("properties.nodeResourceGroup")->as_string() == "MC_nodes");
  CHECK(has_reference(aks, ReferenceKind::Reference, "nodeRg", "properties.nodeResourceGroup"));
  CHECK(aks.at("properties.agentPoolProfiles[0].vnetSubnetID")->is_unknown());
  CHECK(has_reference(aks, ReferenceKind::Reference, "nodes", "properties.agentPoolProfiles[0].vnetSubnetID"));

  const Resource& nodes = dir.resource("nodes");  // nested child
  CHECK(nodes.type == "Microsoft.Network/virtualNetworks/subnets");
  CHECK(nodes.api_version == "2023-04-01");
  CHECK(nodes.origin.source_type == "subnets");  // as written
  CHECK(nodes.name.as_string() == "vnet-aks/nodes");
  CHECK(has_reference(nodes, ReferenceKind::Parent, "vnet", ""));

  const Resource& pods = dir.resource("pods");  // `parent:`
  CHECK(pods.name.as_string() == "vnet-aks/pods");
  CHECK(has_reference(pods, ReferenceKind::Parent, "vnet", "parent"));
  CHECK(pods.body.find("parent") == nullptr);

  const Resource& rg = dir.resource("nodeRg");
  CHECK(rg.existing);
  CHECK(rg.scope.subscription.as_string() == "00000000-0000-0000-0000-000000000001");
  CHECK(rg.scope.resource_group.is_null());

  const Resource& lock = dir.resource("lock");  // extension resource
  CHECK(has_reference(lock, ReferenceKind::Reference, "aks", "scope"));
  CHECK(has_reference(lock, ReferenceKind::DependsOn, "pods", ""));
  CHECK(lock.body.find("dependsOn") == nullptr);
  CHECK(lock.scope.subscription.is_unknown());  // the deployment's, as for every resource of the file

  // The whole declaration includes its decorators; the header is the `resource` line only.
  const Resource& decorated = dir.resource("decorated");
  CHECK(dir.files.start(decorated.origin.span).row == 60);
  CHECK(dir.files.start(decorated.origin.header_span) == SourcePoint{62, 0});
  CHECK(dir.files.end(decorated.origin.header_span) == SourcePoint{62, 65});
}

TEST_CASE("a syntax error skips one declaration and is reported once with its position", "[bicep]") {
  const auto dir = test::scan_dir("errors");
  REQUIRE(dir.model.diagnostics.size() == 1);
  const Diagnostic& d = dir.model.diagnostics.front();
  CHECK(d.code == "syntax-error");
  CHECK(d.level == DiagnosticLevel::Error);
  CHECK(dir.files.start(d.span).row == 6);
  CHECK(dir.has("ok"));
  CHECK(dir.has("after"));
  CHECK_FALSE(dir.has("broken"));
}
