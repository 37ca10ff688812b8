// The plan JSON reader on small hand-written plans: modules, unknowns, changes,
// configuration references, provider subscriptions, positions and bad input.
#include "Frontends.h"

#include <catch2/catch.hpp>

#include "support/TestSupport.h"

#include <fstream>
#include <sstream>

#include <fcntl.h>

using namespace akslint;

namespace {

std::string data_file(const std::string& name) {
  std::ifstream in(std::string(AKSLINT_TESTS_DIR) + "/parsers/data/plan/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct ReadPlan {
  FileTable files;
  UnitModel model;

  const Resource* find(std::string_view address) const {
    for (const auto& r : model.resources) {
      if (r.origin.address == address) return &r;
    }
    return nullptr;
  }
  std::string_view text_at(const SourceSpan& span) const {
    return std::string_view(files[span.file].text).substr(span.begin_byte, span.end_byte - span.begin_byte);
  }
  SourcePoint start(const SourceSpan& span) const { return files.start(span); }
};

ReadPlan read_text(std::string text) {
  ReadPlan out;
  const FileId id = out.files.add({"plan.json", FileFormat::TerraformPlan, std::move(text)});
  out.model = read_terraform_plan({UnitKind::TerraformPlan, "plan.json", {id}}, out.files);
  return out;
}

bool has_reference(const Resource& r, ReferenceKind kind, std::string_view target, std::string_view from_path) {
  for (const auto& ref : r.references) {
    if (ref.kind == kind && ref.target == target && ref.from_path == from_path) return true;
  }
  return false;
}

void replace_once(std::string& text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
}

const char* const kCluster = "azurerm_kubernetes_cluster.aks";
const char* const kPool = "module.pools[\"eu\"].azurerm_kubernetes_cluster_node_pool.user[0]";

}  // namespace

TEST_CASE("plan: resources of the root and child modules keep their full addresses") {
  const auto plan = read_text(data_file("aks/plan.json"));
  CHECK(plan.model.diagnostics.empty());
  std::vector<std::string> addresses;
  for (const auto& r : plan.model.resources) addresses.push_back(r.origin.address);
  // The storage account is not in the table; the deleted group is gone after apply; the
  // data source comes from prior state.
  CHECK(addresses == std::vector<std::string>{kCluster, "azurerm_resource_group.rg", kPool,
                                              "data.azurerm_resource_group.shared"});
  const Resource* pool = plan.find(kPool);
  REQUIRE(pool != nullptr);
  CHECK(pool->is("Microsoft.ContainerService/managedClusters/agentPools"));
  CHECK(pool->origin.kind == SourceKind::TerraformPlan);
  CHECK(pool->at("properties.count")->as_number() == 0.0);
  const Resource* shared = plan.find("data.azurerm_resource_group.shared");
  REQUIRE(shared != nullptr);
  CHECK(shared->existing);
  CHECK(shared->name.as_string() == "rg-shared");
}

TEST_CASE("plan: values unknown until apply are Unknown, never null or absent") {
  const auto plan = read_text(data_file("aks/plan.json"));
  const Resource* aks = plan.find(kCluster);
  REQUIRE(aks != nullptr);
  const Value* version = aks->at("properties.kubernetesVersion");
  REQUIRE(version != nullptr);
  CHECK(version->is_unknown());
  const Value* pool_version = aks->at("properties.agentPoolProfiles[0].orchestratorVersion");
  REQUIRE(pool_version != nullptr);
  CHECK(pool_version->is_unknown());
  CHECK(aks->at("properties.agentPoolProfiles[0].count")->as_number() == 3.0);
  // Known values beside the unknown ones are untouched.
  CHECK(aks->at("properties.agentPoolProfiles[0].availabilityZones[2]")->as_string() == "3");
}

TEST_CASE("plan: resource_changes become the resource's planned change") {
  const auto plan = read_text(data_file("aks/plan.json"));
  const Resource* aks = plan.find(kCluster);
  REQUIRE(aks != nullptr);
  REQUIRE(aks->change != nullptr);
  const PlannedChange& change = *aks->change;
  CHECK(change.action == ChangeAction::Replace);
  REQUIRE(change.before.at("properties.nodeResourceGroup") != nullptr);
  CHECK(change.before.at("properties.nodeResourceGroup")->as_string() == "mc-aks-old");
  CHECK(change.before.at("sku.tier")->as_string() == "Free");
  CHECK(change.before.find("name")->as_string() == "aks-prod");
  CHECK(change.before.find("resourceGroup")->as_string() == "rg-aks");
  CHECK(change.after.at("properties.nodeResourceGroup")->as_string() == "mc-aks-prod");
  REQUIRE(change.replace_paths.size() == 3);
  CHECK(change.replace_paths[0].canonical == "properties.nodeResourceGroup");
  CHECK(change.replace_paths[0].terraform == "node_resource_group");
  CHECK(change.replace_paths[1].canonical == "properties.agentPoolProfiles[0].vmSize");
  CHECK(change.replace_paths[1].terraform == "default_node_pool[0].vm_size");
  // Not in the table: kept as Terraform says it, with no canonical path.
  CHECK(change.replace_paths[2].canonical.empty());
  CHECK(change.replace_paths[2].terraform == "windows_profile");

  const Resource* rg = plan.find("azurerm_resource_group.rg");
  REQUIRE(rg != nullptr);
  REQUIRE(rg->change != nullptr);
  CHECK(rg->change->action == ChangeAction::NoOp);
  CHECK(rg->change->before.is_null());
  CHECK(rg->change->after.is_null());

  const Resource* pool = plan.find(kPool);
  REQUIRE(pool != nullptr);
  REQUIRE(pool->change != nullptr);
  CHECK(pool->change->action == ChangeAction::Create);
  CHECK(pool->change->before.is_null());
  CHECK(pool->change->after.at("properties.count")->as_number() == 0.0);

  CHECK(plan.find("data.azurerm_resource_group.shared")->change == nullptr);
}

TEST_CASE("plan: configuration references become graph references, through module inputs") {
  const auto plan = read_text(data_file("aks/plan.json"));
  const Resource* aks = plan.find(kCluster);
  REQUIRE(aks != nullptr);
  CHECK(has_reference(*aks, ReferenceKind::Reference, "azurerm_resource_group.rg", "location"));
  CHECK(has_reference(*aks, ReferenceKind::Reference, "azurerm_resource_group.rg", "resourceGroup"));
  CHECK(has_reference(*aks, ReferenceKind::DependsOn, "data.azurerm_resource_group.shared", ""));
  // The pool's cluster id is `var.cluster_id`, which the module call sets from the cluster.
  const Resource* pool = plan.find(kPool);
  REQUIRE(pool != nullptr);
  CHECK(has_reference(*pool, ReferenceKind::Parent, kCluster, "parent"));
  CHECK(pool->references.size() == 1);
}

TEST_CASE("plan: the provider configuration gives the subscription, aliases included") {
  const auto plan = read_text(data_file("aks/plan.json"));
  // `subscription_id = var.subscription_id`, resolved from the plan's root variables.
  CHECK(plan.find(kCluster)->scope.subscription.as_string() == "00000000-0000-0000-0000-00000000aaaa");
  CHECK(plan.find("data.azurerm_resource_group.shared")->scope.subscription.as_string() ==
        "00000000-0000-0000-0000-00000000bbbb");
  CHECK(plan.find(kCluster)->scope.resource_group.as_string() == "rg-aks");
}

TEST_CASE("plan: spans point at the resource object inside the plan, pretty-printed or on one line") {
  for (const char* name : {"aks/plan.json", "one-line/plan.json"}) {
    INFO(name);
    const auto plan = read_text(data_file(name));
    REQUIRE(plan.model.diagnostics.empty());
    const Resource* aks = plan.find(kCluster);
    REQUIRE(aks != nullptr);
    const std::string_view text = plan.files[0].text;
    const SourceSpan& span = aks->origin.span;
    CHECK(text[span.begin_byte] == '{');
    CHECK(text[span.end_byte - 1] == '}');
    CHECK(plan.text_at(aks->origin.header_span) == "\"azurerm_kubernetes_cluster.aks\"");
    // Rows and columns agree with the bytes.
    const auto line_start = text.rfind('\n', span.begin_byte);
    const std::uint32_t row = static_cast<std::uint32_t>(
        std::count(text.begin(), text.begin() + span.begin_byte, '\n'));
    CHECK(plan.start(span).row == row);
    CHECK(plan.start(span).column == span.begin_byte - (line_start == std::string::npos ? 0 : line_start + 1));
    const Value* count = aks->at("properties.agentPoolProfiles[0].count");
    CHECK(plan.text_at(count->span()) == "3");
  }
  const auto one_line = read_text(data_file("one-line/plan.json"));
  const SourceSpan& span = one_line.find(kCluster)->origin.span;
  CHECK(one_line.start(span).row == 0);
  CHECK(one_line.start(span).column == span.begin_byte);
  CHECK(one_line.start(span).column > 100);
}

TEST_CASE("plan: a format_version other than 1.x is reported where it is written, and read on") {
  std::string text = data_file("aks/plan.json");
  replace_once(text, "\"format_version\": \"1.2\"", "\"format_version\": \"2.0\"");
  const auto plan = read_text(std::move(text));
  REQUIRE(plan.model.diagnostics.size() == 1);
  const Diagnostic& d = plan.model.diagnostics[0];
  CHECK(d.code == "plan-format-version");
  CHECK(d.level == DiagnosticLevel::Warning);
  CHECK(plan.start(d.span).row == 1);
  CHECK(plan.text_at(d.span) == "\"2.0\"");
  CHECK(plan.model.resources.size() == 4);
}

TEST_CASE("plan: malformed JSON is a diagnostic with its position, never a half-read plan") {
  SECTION("truncated") {
    std::string text = data_file("aks/plan.json");
    text.resize(text.find("\"resource_changes\""));
    const auto plan = read_text(std::move(text));
    REQUIRE(plan.model.diagnostics.size() == 1);
    CHECK(plan.model.diagnostics[0].code == "syntax-error");
    CHECK(plan.model.diagnostics[0].level == DiagnosticLevel::Error);
    CHECK(plan.model.diagnostics[0].span.valid());
    CHECK(plan.model.resources.empty());
  }
  SECTION("broken inside a resource") {
    std::string text = data_file("aks/plan.json");
    replace_once(text, "\"node_count\": 3,", "\"node_count\": 3x,");
    const auto plan = read_text(std::move(text));
    REQUIRE(plan.model.diagnostics.size() == 1);
    CHECK(plan.start(plan.model.diagnostics[0].span).row == 31);
    CHECK(plan.start(plan.model.diagnostics[0].span).column == 30);
    CHECK(plan.model.resources.empty());
  }
  SECTION("not an object") {
    const auto plan = read_text("[1, 2]");
    REQUIRE(plan.model.diagnostics.size() == 1);
    CHECK(plan.start(plan.model.diagnostics[0].span).column == 0);
  }
  SECTION("trailing text") {
    const auto plan = read_text("{\"format_version\": \"1.0\"} {}");
    REQUIRE(plan.model.diagnostics.size() == 1);
    CHECK(plan.start(plan.model.diagnostics[0].span).column == 26);
  }
}

TEST_CASE("plan: a plan without resources reads cleanly") {
  const auto plan = read_text("{\"format_version\": \"1.0\", \"planned_values\": {\"root_module\": {}}}");
  CHECK(plan.model.diagnostics.empty());
  CHECK(plan.model.resources.empty());
}

TEST_CASE("plan: escapes in strings are decoded") {
  std::string text = data_file("aks/plan.json");
  replace_once(text, "\"env\": \"prod\"", R"("env": "pr\u00f6d \"x\" \ud83d\ude00")");
  const auto plan = read_text(std::move(text));
  const Value* env = plan.find(kCluster)->at("tags.env");
  REQUIRE(env != nullptr);
  CHECK(env->as_string() == "pr\xC3\xB6" "d \"x\" \xF0\x9F\x98\x80");
}

TEST_CASE("plan: references follow module outputs and inputs, and keep to the instance they name") {
  const auto plan = read_text(data_file("modules/plan.json"));
  REQUIRE(plan.model.diagnostics.empty());
  const Resource* aks = plan.find("azurerm_kubernetes_cluster.aks[0]");
  REQUIRE(aks != nullptr);
  // `module.rg.name` is the output `azurerm_resource_group.this.name` of module rg.
  CHECK(has_reference(*aks, ReferenceKind::Reference, "module.rg.azurerm_resource_group.this", "resourceGroup"));
  // `azurerm_resource_group.extra[1]` names one instance of two.
  CHECK(has_reference(*aks, ReferenceKind::Reference, "azurerm_resource_group.extra[1]", "location"));
  CHECK(aks->references.size() == 2);
  for (const char* key : {"a", "b"}) {
    const std::string module = std::string("module.pools[\"") + key + "\"].";
    const Resource* pool = plan.find(module + "azurerm_kubernetes_cluster_node_pool.p");
    REQUIRE(pool != nullptr);
    CHECK(has_reference(*pool, ReferenceKind::Parent, "azurerm_kubernetes_cluster.aks[0]", "parent"));
    // depends_on within a module instance stays inside that instance.
    CHECK(has_reference(*pool, ReferenceKind::DependsOn, module + "azurerm_resource_group.local", ""));
    CHECK(pool->references.size() == 2);
  }
}

TEST_CASE("plan: every truncation or corruption of a plan is reported, never a crash") {
  const std::string full = data_file("one-line/plan.json");
  const std::size_t end = full.find_last_not_of(" \n") + 1;
  for (std::size_t n = 0; n < end; n += 7) {
    const auto plan = read_text(full.substr(0, n));
    INFO("prefix of " << n << " bytes");
    REQUIRE(plan.model.diagnostics.size() == 1);
    CHECK(plan.model.diagnostics[0].level == DiagnosticLevel::Error);
    CHECK(plan.model.diagnostics[0].span.begin_byte <= n);
    CHECK(plan.model.resources.empty());
  }
  for (std::size_t at = 0; at < end; at += 13) {
    for (const char c : std::string_view("{}[]\",:\\x")) {
      std::string text = full;
      text[at] = c;
      const auto plan = read_text(std::move(text));  // may or may not still be JSON
      for (const auto& d : plan.model.diagnostics) CHECK(d.span.begin_byte <= full.size());
    }
  }
}

TEST_CASE("plan: a mapped plan, walked a page at a time, reads as the same plan held whole") {
  for (const char* name : {"aks/plan.json", "one-line/plan.json"}) {
    const std::string content = data_file(name);
    const akslint::testing::TempDir dir;
    const auto path = dir.write("plan.json", content);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    auto text = SourceText::map(fd, content.size(), path.string(), 4096);
    REQUIRE(text.has_value());
    ReadPlan walked;
    const FileId id = walked.files.add({"plan.json", FileFormat::TerraformPlan, std::move(*text)});
    walked.model = read_terraform_plan({UnitKind::TerraformPlan, "plan.json", {id}}, walked.files);
    const ReadPlan held = read_text(content);
    REQUIRE(walked.model.resources.size() == held.model.resources.size());
    CHECK(walked.model.diagnostics.size() == held.model.diagnostics.size());
    for (std::size_t i = 0; i < held.model.resources.size(); ++i) {
      const Resource& a = walked.model.resources[i];
      const Resource& b = held.model.resources[i];
      CHECK(a.origin.address == b.origin.address);
      CHECK(a.body == b.body);
      CHECK(a.origin.span == b.origin.span);
      CHECK(walked.start(a.origin.header_span) == held.start(b.origin.header_span));
    }
  }
}
