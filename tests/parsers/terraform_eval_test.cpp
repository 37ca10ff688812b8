#include "terraform_test_util.h"

#include <catch2/catch.hpp>

using namespace akslint;
using akslint::test::read_terraform;

namespace {

// Evaluates `expr` as the value of a tag on a resource group, with `extra` configuration.
Value eval_tf(const std::string& expr, const std::string& extra = "") {
  const auto scan = read_terraform(
      {{"main.tf", "resource \"azurerm_resource_group\" \"t\" {\n  name = \"t\"\n  tags = { v = " + expr + " }\n}\n" + extra}});
  const Resource* r = scan.find("azurerm_resource_group.t");
  if (r == nullptr) return Value::unknown("<no resource>");
  const Value* v = r->at("tags.v");
  return v != nullptr ? *v : Value::unknown("<absent>");
}

std::string display(const std::string& expr, const std::string& extra = "") { return eval_tf(expr, extra).to_display(); }

}  // namespace

TEST_CASE("terraform eval: literals, operators and conditionals") {
  CHECK(display("1 + 2 * 3") == "7");
  CHECK(display("(1 + 2) * 3") == "9");
  CHECK(display("10 % 4 - -1") == "3");
  CHECK(display("5 > 3 && !false") == "true");
  CHECK(display("\"a\" == \"a\" ? \"yes\" : \"no\"") == "\"yes\"");
  CHECK(display("null") == "null");
  CHECK(display("[1, \"two\", true][1]") == "\"two\"");
  CHECK(display("{ a = { b = 4 } }.a.b") == "4");
}

TEST_CASE("terraform eval: variables take default < terraform.tfvars < *.auto.tfvars in lexical order") {
  const std::string vars = R"(
variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" { default = "default" }
variable "none" {}
)";
  const std::string main = "resource \"azurerm_resource_group\" \"t\" {\n  name = \"t\"\n"
                           "  tags = { a = var.a, b = var.b, c = var.c, d = var.d, none = var.none }\n}\n";
  const auto scan = read_terraform({{"main.tf", main + vars},
                                    {"terraform.tfvars", "b = \"tfvars\"\nc = \"tfvars\"\nd = \"tfvars\"\n"},
                                    {"x.auto.tfvars", "c = \"x-auto\"\nd = \"x-auto\"\n"},
                                    {"y.auto.tfvars.json", R"({"d": "y-auto"})"},
                                    {"other.tfvars", "a = \"not loaded\"\n"}});
  const Resource* r = scan.find("azurerm_resource_group.t");
  REQUIRE(r != nullptr);
  CHECK(r->at("tags.a")->as_string() == "default");
  CHECK(r->at("tags.b")->as_string() == "tfvars");
  CHECK(r->at("tags.c")->as_string() == "x-auto");
  CHECK(r->at("tags.d")->as_string() == "y-auto");
  CHECK(r->at("tags.a")->provenance() == Provenance::Resolved);
  REQUIRE(r->at("tags.none")->unknown_expression() != nullptr);
  CHECK(*r->at("tags.none")->unknown_expression() == "var.none");
}

TEST_CASE("terraform eval: a variable's value is reported where it is used") {
  const auto scan = read_terraform({{"main.tf", R"(variable "max_pods" {
  default = 110
}
resource "azurerm_kubernetes_cluster_node_pool" "user" {
  name     = "user"
  max_pods = var.max_pods
}
)"}});
  const Resource* r = scan.find("azurerm_kubernetes_cluster_node_pool.user");
  REQUIRE(r != nullptr);
  const Value* max_pods = r->at("properties.maxPods");
  REQUIRE(max_pods != nullptr);
  CHECK(max_pods->as_number() == 110.0);
  CHECK(scan.files.start(max_pods->span()).row == 5);
}

TEST_CASE("terraform eval: locals and references to resource and data attributes") {
  const std::string extra = R"(
locals {
  prefix = "prod"
  name   = "${local.prefix}-${data.azurerm_resource_group.shared.name}"
  rg     = azurerm_resource_group.other.location
}
data "azurerm_resource_group" "shared" { name = "shared" }
resource "azurerm_resource_group" "other" {
  name     = "other"
  location = "northeurope"
}
)";
  CHECK(display("local.name", extra) == "\"prod-shared\"");
  CHECK(display("local.rg", extra) == "\"northeurope\"");
  CHECK(display("azurerm_resource_group.other.id", extra) == "${azurerm_resource_group.other.id}");
}

TEST_CASE("terraform eval: string templates, directives and heredocs") {
  CHECK(display(R"("a\tb \"q\" $${x}")") == R"("a\tb \"q\" ${x}")");
  CHECK(display(R"("%{ if true }yes%{ else }no%{ endif }")") == "\"yes\"");
  CHECK(display(R"("%{ for x in ["a", "b"] }${x},%{ endfor }")") == "\"a,b,\"");
  CHECK(display(R"("a ${~ "b" ~} c")") == "\"abc\"");
  CHECK(display("\"${[1, 2]}\"") == "[1,2]");  // a lone interpolation keeps its type
  CHECK(eval_tf("<<EOT\n  line one\n    two\nEOT\n").as_string() == "  line one\n    two\n");
  CHECK(eval_tf("<<-EOT\n    line ${\"one\"}\n      two\n    EOT\n").as_string() == "line one\n  two\n");
}

TEST_CASE("terraform eval: for-expressions and splats") {
  CHECK(display("[for s in [\"a\", \"b\"] : upper(s)]") == "[\"A\",\"B\"]");
  CHECK(display("{ for k, v in { b = 2, a = 1 } : v => k }") == "{\"1\":\"a\",\"2\":\"b\"}");
  CHECK(display("[for i, x in [10, 20, 30] : i if x > 10]") == "[1,2]");
  CHECK(display("{ for s in [\"x\", \"y\", \"x\"] : s => s... }") == "{\"x\":[\"x\",\"x\"],\"y\":[\"y\"]}");
  CHECK(display("[{ n = 1 }, { n = 2 }][*].n") == "[1,2]");
  CHECK(display("[{ n = 1 }, { n = 2 }].*.n") == "[1,2]");
  const std::string subnets = R"(
resource "azurerm_subnet" "s" {
  count = 2
  name  = "s${count.index}"
}
)";
  CHECK(display("azurerm_subnet.s[*].name", subnets) == "[\"s0\",\"s1\"]");
}

TEST_CASE("terraform eval: common functions") {
  CHECK(display("format(\"%s-%03d\", \"aks\", 7)") == "\"aks-007\"");
  CHECK(display("join(\",\", split(\"-\", \"a-b-c\"))") == "\"a,b,c\"");
  CHECK(display("lower(replace(\"A_B\", \"_\", \"-\"))") == "\"a-b\"");
  CHECK(display("substr(\"hello\", 1, 3)") == "\"ell\"");
  CHECK(display("trimspace(\"  x \")") == "\"x\"");
  CHECK(display("concat([1], [2, 3])") == "[1,2,3]");
  CHECK(display("merge({ a = 1 }, { b = 2, a = 3 })") == "{\"a\":3,\"b\":2}");
  CHECK(display("lookup({ a = 1 }, \"b\", 9)") == "9");
  CHECK(display("try(var.missing.attr, { x = 1 }.y, \"fallback\")") == "\"fallback\"");
  CHECK(display("coalesce(\"\", null, \"c\")") == "\"c\"");
  CHECK(display("contains([\"a\"], \"a\")") == "true");
  CHECK(display("length({ a = 1, b = 2 })") == "2");
  CHECK(display("element([\"a\", \"b\"], 3)") == "\"b\"");
  CHECK(display("keys({ b = 1, a = 2 })") == "[\"a\",\"b\"]");
  CHECK(display("values({ b = 1, a = 2 })") == "[2,1]");
  CHECK(display("toset([\"b\", \"a\", \"b\"])") == "[\"a\",\"b\"]");
  CHECK(display("tonumber(\"42\")") == "42");
  CHECK(display("tostring(true)") == "\"true\"");
  CHECK(display("jsonencode({ b = [1, true], a = \"x\" })") == R"("{\"a\":\"x\",\"b\":[1,true]}")");
  CHECK(display("jsondecode(\"{\\\"a\\\": [1]}\").a[0]") == "1");
  CHECK(display("cidrsubnet(\"10.0.0.0/16\", 8, 2)") == "\"10.0.2.0/24\"");
  CHECK(display("cidrhost(\"10.0.2.0/24\", 5)") == "\"10.0.2.5\"");
  CHECK(display("can(tonumber(\"x\"))") == "false");
  CHECK(display("flatten([[1], [2, [3]]])") == "[1,2,3]");
  CHECK(display("zipmap([\"a\"], [1])") == "{\"a\":1}");
}

TEST_CASE("terraform eval: unknown stays unknown; unknown functions warn") {
  const auto scan = read_terraform({{"main.tf", R"(variable "x" {}
resource "azurerm_resource_group" "t" {
  name = "t"
  tags = {
    a = upper(var.x)
    b = not_a_function(1)
    c = file("x.txt")
    d = var.x == "a" ? 1 : 2
  }
}
)"}});
  const Resource* r = scan.find("azurerm_resource_group.t");
  REQUIRE(r != nullptr);
  CHECK(*r->at("tags.a")->unknown_expression() == "upper(var.x)");
  CHECK(r->at("tags.b")->is_unknown());
  CHECK(r->at("tags.c")->is_unknown());
  CHECK(r->at("tags.d")->is_unknown());
  REQUIRE(scan.model.diagnostics.size() == 1);
  const Diagnostic& d = scan.model.diagnostics.front();
  CHECK(d.code == "unknown-function");
  CHECK(d.level == DiagnosticLevel::Warning);
  CHECK(scan.files.start(d.span).row == 5);
}

TEST_CASE("terraform eval: reference cycles give a diagnostic and unknown values") {
  const auto scan = read_terraform({{"main.tf", R"(locals {
  a = local.b
  b = "${local.a}-x"
}
resource "azurerm_resource_group" "t" {
  name = local.a
}
)"}});
  const Resource* r = scan.find("azurerm_resource_group.t");
  REQUIRE(r != nullptr);
  CHECK(r->name.is_unknown());
  CHECK(scan.has_diagnostic("reference-cycle"));
}

TEST_CASE("terraform eval: count and for_each expand with real addresses") {
  const auto scan = read_terraform({{"main.tf", R"(
variable "pools" {
  default = { gpu = "Standard_NC6", general = "Standard_D4s_v5" }
}
resource "azurerm_kubernetes_cluster_node_pool" "pool" {
  for_each = var.pools
  name     = each.key
  vm_size  = each.value
}
resource "azurerm_resource_group" "rg" {
  count = 2
  name  = "rg-${count.index}"
}
resource "azurerm_resource_group" "none" {
  count = 0
  name  = "none"
}
resource "azurerm_resource_group" "set" {
  for_each = toset(["b", "a"])
  name     = each.value
  location = azurerm_resource_group.rg[1].name
}
)"}});
  const Resource* gpu = scan.find(R"(azurerm_kubernetes_cluster_node_pool.pool["gpu"])");
  REQUIRE(gpu != nullptr);
  CHECK(gpu->name.as_string() == "gpu");
  CHECK(gpu->at("properties.vmSize")->as_string() == "Standard_NC6");
  CHECK(scan.find(R"(azurerm_kubernetes_cluster_node_pool.pool["general"])") != nullptr);
  REQUIRE(scan.find("azurerm_resource_group.rg[1]") != nullptr);
  CHECK(scan.find("azurerm_resource_group.rg[1]")->name.as_string() == "rg-1");
  CHECK(scan.find("azurerm_resource_group.none[0]") == nullptr);
  const Resource* a = scan.find(R"(azurerm_resource_group.set["a"])");
  REQUIRE(a != nullptr);
  CHECK(a->at("location")->as_string() == "rg-1");
  REQUIRE(a->references.size() == 1);
  CHECK(a->references.front().target == "azurerm_resource_group.rg[1]");
  CHECK(a->references.front().from_path == "location");
}

TEST_CASE("terraform eval: dynamic blocks expand when their collection is known") {
  const auto scan = read_terraform({{"main.tf", R"(
locals {
  rules = [
    { name = "https", priority = 100, port = "443" },
    { name = "http", priority = 110, port = "80" },
  ]
}
variable "unknown_rules" {}
resource "azurerm_network_security_group" "nsg" {
  name = "nsg"
  dynamic "security_rule" {
    for_each = local.rules
    iterator = rule
    content {
      name                   = rule.value.name
      priority               = rule.value.priority
      destination_port_range = rule.value.port
      direction              = "Inbound"
    }
  }
}
resource "azurerm_network_security_group" "later" {
  name = "later"
  dynamic "security_rule" {
    for_each = var.unknown_rules
    content {
      name      = security_rule.value.name
      direction = "Inbound"
    }
  }
}
)"}});
  const Resource* nsg = scan.find("azurerm_network_security_group.nsg");
  REQUIRE(nsg != nullptr);
  CHECK(nsg->at("properties.securityRules[1].name")->as_string() == "http");
  CHECK(nsg->at("properties.securityRules[1].properties.priority")->as_number() == 110.0);
  CHECK(nsg->at("properties.securityRules[0].properties.destinationPortRange")->as_string() == "443");
  const Resource* later = scan.find("azurerm_network_security_group.later");
  REQUIRE(later != nullptr);
  CHECK(later->at("properties.securityRules[0].name")->is_unknown());
  CHECK(later->at("properties.securityRules[0].properties.direction")->as_string() == "Inbound");
}

TEST_CASE("terraform eval: variable types convert values and fill optional attributes") {
  const auto scan = read_terraform({{"main.tf", R"(
variable "count_text" {
  type = number
}
variable "pool" {
  type = object({
    name     = string
    max_pods = optional(number, 110)
    zones    = optional(list(string))
    labels   = optional(map(string), {})
  })
  default = { name = "user" }
}
variable "pools" {
  type    = map(object({ vm_size = optional(string, "Standard_D4s_v5"), count = number }))
  default = { a = { count = "2" } }
}
resource "azurerm_kubernetes_cluster_node_pool" "p" {
  name       = var.pool.name
  max_pods   = var.pool.max_pods
  zones      = var.pool.zones
  node_count = var.count_text
  vm_size    = var.pools["a"].vm_size
  min_count  = var.pools["a"].count
}
)"},
                                    {"terraform.tfvars", "count_text = \"3\"\n"}});
  const Resource* p = scan.find("azurerm_kubernetes_cluster_node_pool.p");
  REQUIRE(p != nullptr);
  CHECK(p->name.as_string() == "user");
  CHECK(p->at("properties.maxPods")->as_number() == 110.0);
  CHECK(p->at("properties.availabilityZones") == nullptr);  // optional without default: null, so absent
  CHECK(p->at("properties.count")->as_number() == 3.0);
  CHECK(p->at("properties.vmSize")->as_string() == "Standard_D4s_v5");
  CHECK(p->at("properties.minCount")->as_number() == 2.0);
}

TEST_CASE("terraform eval: strip markers and directives in heredocs") {
  CHECK(eval_tf("<<EOT\n%{ for n in [\"a\", \"b\"] ~}\n${n}\n%{ endfor ~}\nEOT\n").as_string() == "a\nb\n");
  CHECK(eval_tf("<<-EOT\n  %{~ if false ~}\n  no\n  %{~ else ~}\n  yes\n  %{~ endif ~}\n  EOT\n").as_string() == "yes");
  CHECK(display("\"x%{ if 1 > 2 }big%{ endif }y\"") == "\"xy\"");
}

TEST_CASE("terraform eval: unknown count and for_each keep one instance with unknown keys") {
  const auto scan = read_terraform({{"main.tf", R"(
variable "n" {}
resource "azurerm_resource_group" "rg" {
  count = var.n
  name  = "rg-${count.index}"
}
)"}});
  const Resource* rg = scan.find("azurerm_resource_group.rg");
  REQUIRE(rg != nullptr);
  CHECK(rg->name.is_unknown());
}

TEST_CASE("terraform eval: JSON from text that is not UTF-8 replaces the bad bytes, as the reports do") {
  // A string literal holding bytes that are not UTF-8 (a file in another encoding): the
  // functions that write JSON must not stop the evaluation (a fuzzer found jsonencode did).
  const std::string bad = "\"a\xff\xc3(\"";
  const std::string replaced = "a\xEF\xBF\xBD\xEF\xBF\xBD(";
  CHECK(eval_tf("jsonencode(" + bad + ")").as_string() == "\"" + replaced + "\"");
  CHECK(eval_tf("jsonencode({ k = " + bad + " })").as_string() == "{\"k\":\"" + replaced + "\"}");
  CHECK(eval_tf("format(\"%q\", " + bad + ")").as_string() == "\"" + replaced + "\"");
  CHECK(eval_tf("format(\"%v\", [" + bad + "])").as_string() == "[\"" + replaced + "\"]");
}
