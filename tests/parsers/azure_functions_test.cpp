#include "azure/Hashing.h"
#include "azure/TemplateFunctions.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace akslint;
using akslint::azure::call_function;

namespace {

Value s(std::string text) { return Value::string(std::move(text)); }
Value n(double v) { return Value::number(v); }
Value b(bool v) { return Value::boolean(v); }
Value u(std::string text) { return Value::unknown(std::move(text)); }
Value arr(Value::Array items) { return Value::array(std::move(items)); }

Value call(std::string_view name, std::vector<Value> args, const azure::DeploymentContext& context = {}) {
  auto result = call_function(name, args, context, {});
  REQUIRE(result.has_value());
  return *result;
}

std::string str(const Value& v) {
  REQUIRE(v.as_string().has_value());
  return std::string(*v.as_string());
}

}  // namespace

TEST_CASE("uniqueString matches values Azure returned") {
  // Outputs of real deployments, published alongside an ARM linter's tests.
  CHECK(str(call("uniqueString", {s("aaa")})) == "zavj67f3en4hc");
  CHECK(str(call("uniqueString", {s("bbb")})) == "w5eragfxe33cy");
  CHECK(str(call("uniqueString", {s("zzz")})) == "cryksdzzzawae");
  CHECK(str(call("uniqueString", {s("xxx"), s("yyy"), s("zzz")})) == "lghi7k5js7itq");
  CHECK(call("uniqueString", {u("resourceGroup().id")}).is_unknown());
}

TEST_CASE("guid is a version 5 UUID of the joined arguments in Azure's namespace") {
  // RFC 4122 uuid5(11fb06fb-712d-4ddd-98c7-e71bbd588830, "a-b-c").
  CHECK(str(call("guid", {s("a"), s("b"), s("c")})) == "a98fa280-e03f-5afa-8d8e-92d0a9c201e8");
  CHECK(str(call("GUID", {s("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks")})) ==
        "403ce79d-e636-5b4a-b01d-f65491cd6c68");
  CHECK(call("guid", {s("a"), u("x")}).is_unknown());
}

TEST_CASE("sha1 matches the standard test vector") {
  const auto d = azure::sha1("abc");
  CHECK(d[0] == 0xa9);
  CHECK(d[1] == 0x99);
  CHECK(d[19] == 0x9d);
}

TEST_CASE("string functions") {
  CHECK(str(call("concat", {s("aks-"), n(3), s("-x")})) == "aks-3-x");
  CHECK(str(call("format", {s("{0}-{1:D3}-{{x}}"), s("aks"), n(7)})) == "aks-007-{x}");
  CHECK(call("format", {s("{2}"), s("a")}).is_unknown());
  CHECK(str(call("string", {b(true)})) == "True");
  CHECK(str(call("string", {n(42)})) == "42");
  CHECK(str(call("string", {Value::object({{"a", n(1), {}}})})) == R"({"a":1})");
  CHECK(str(call("toLower", {s("AKS-Cluster")})) == "aks-cluster");
  CHECK(str(call("toUpper", {s("aks")})) == "AKS");
  CHECK(str(call("replace", {s("a-b-c"), s("-"), s("")})) == "abc");
  CHECK(call("split", {s("a,b;c"), arr({s(","), s(";")})}) == arr({s("a"), s("b"), s("c")}));
  CHECK(call("split", {s("a//b"), s("/")}) == arr({s("a"), s(""), s("b")}));
  CHECK(str(call("substring", {s("kubernetes"), n(0), n(4)})) == "kube");
  CHECK(str(call("substring", {s("kubernetes"), n(4)})) == "rnetes");
  CHECK(call("substring", {s("aks"), n(1), n(9)}).is_unknown());  // Azure rejects it
  CHECK(str(call("trim", {s("  x ")})) == "x");
  CHECK(str(call("padLeft", {n(7), n(3), s("0")})) == "007");
  CHECK(*call("startsWith", {s("AKS-prod"), s("aks")}).as_bool());
  CHECK(*call("endsWith", {s("aks-prod"), s("PROD")}).as_bool());
  CHECK(*call("indexOf", {s("abcabc"), s("c")}).as_number() == 2);
  CHECK(*call("lastIndexOf", {s("abcabc"), s("c")}).as_number() == 5);
}

TEST_CASE("unknown inputs give an unknown result that names the call") {
  const Value v = call("concat", {u("parameters('prefix')"), s("-aks")});
  REQUIRE(v.is_unknown());
  CHECK(*v.unknown_expression() == "concat(parameters('prefix'), '-aks')");
  CHECK(call("toLower", {u("x")}).is_unknown());
  CHECK(call("format", {s("{0}"), u("x")}).is_unknown());
}

TEST_CASE("array and object functions keep unknown elements") {
  const Value mixed = arr({s("a"), u("x")});
  CHECK(*call("length", {mixed}).as_number() == 2);
  CHECK(*call("length", {s("héllo")}).as_number() == 5);
  CHECK(*call("empty", {arr({})}).as_bool());
  CHECK_FALSE(*call("empty", {mixed}).as_bool());
  CHECK(*call("empty", {Value::null()}).as_bool());
  CHECK(call("concat", {arr({n(1)}), mixed}) == arr({n(1), s("a"), u("x")}));
  CHECK(call("first", {mixed}) == s("a"));
  CHECK(call("last", {mixed}).is_unknown());
  CHECK(str(call("first", {s("abc")})) == "a");
  CHECK(call("take", {arr({n(1), n(2), n(3)}), n(2)}) == arr({n(1), n(2)}));
  CHECK(call("skip", {arr({n(1), n(2), n(3)}), n(2)}) == arr({n(3)}));
  CHECK(str(call("take", {s("abc"), n(9)})) == "abc");
  CHECK(str(call("join", {arr({s("a"), s("b")}), s(",")})) == "a,b");
  CHECK(*call("contains", {mixed, s("a")}).as_bool());
  CHECK(call("contains", {mixed, s("b")}).is_unknown());
  CHECK_FALSE(*call("contains", {arr({s("a")}), s("b")}).as_bool());
  CHECK(*call("contains", {s("kubernetes"), s("net")}).as_bool());
  CHECK(*call("contains", {Value::object({{"Key", n(1), {}}}), s("key")}).as_bool());
  CHECK(call("createArray", {n(1), u("x")}) == arr({n(1), u("x")}));
  const Value obj = call("createObject", {s("a"), n(1), s("b"), u("x")});
  REQUIRE(obj.find("b") != nullptr);
  CHECK(obj.find("b")->is_unknown());
  CHECK(call("array", {n(1)}) == arr({n(1)}));
  CHECK(call("range", {n(2), n(3)}) == arr({n(2), n(3), n(4)}));
  CHECK(*call("max", {arr({n(2), n(9)})}).as_number() == 9);
  CHECK(*call("min", {n(2), n(1)}).as_number() == 1);
  CHECK(call("intersection", {arr({n(1), n(2)}), arr({n(2), n(3)})}) == arr({n(2)}));
}

TEST_CASE("union merges objects deeply and arrays without duplicates") {
  Value a = Value::object();
  a.ensure_path("properties.x") = n(1);
  a.set("tags", u("t"));
  Value c = Value::object();
  c.ensure_path("properties.y") = n(2);
  const Value merged = call("union", {a, c});
  CHECK(*merged.at("properties.x")->as_number() == 1);
  CHECK(*merged.at("properties.y")->as_number() == 2);
  CHECK(merged.at("tags")->is_unknown());
  CHECK(call("union", {arr({n(1), n(2)}), arr({n(2), n(3)})}) == arr({n(1), n(2), n(3)}));
}

TEST_CASE("json parses its string argument") {
  const Value v = call("json", {s(R"({"count": 3, "names": ["a"], "on": true, "none": null})")});
  CHECK(v.as_object()->front().key == "count");  // the order of the text
  CHECK(*v.at("count")->as_number() == 3);
  CHECK(*v.at("names[0]")->as_string() == "a");
  CHECK(v.at("none")->is_null());
  CHECK(call("json", {s("{bad")}).is_unknown());
}

TEST_CASE("logic decides as soon as a known argument decides") {
  CHECK_FALSE(*call("and", {b(false), u("x")}).as_bool());
  CHECK(call("and", {b(true), u("x")}).is_unknown());
  CHECK(*call("or", {u("x"), b(true)}).as_bool());
  CHECK_FALSE(*call("not", {b(true)}).as_bool());
  CHECK(call("if", {b(true), s("yes"), u("x")}) == s("yes"));
  CHECK(call("if", {u("c"), s("yes"), s("no")}).is_unknown());
  CHECK(call("coalesce", {Value::null(), s("x"), u("y")}) == s("x"));
  CHECK(call("coalesce", {u("y"), s("x")}).is_unknown());
  CHECK(*call("equals", {s("a"), s("a")}).as_bool());
  CHECK_FALSE(*call("equals", {s("a"), s("A")}).as_bool());
  CHECK(call("equals", {s("a"), u("x")}).is_unknown());
  CHECK(*call("int", {s("12")}).as_number() == 12);
  CHECK(call("int", {s("x")}).is_unknown());
  CHECK(*call("bool", {s("True")}).as_bool());
  CHECK(*call("bool", {n(0)}).as_bool() == false);
  CHECK(*call("greater", {n(2), n(1)}).as_bool());
  CHECK(*call("lessOrEquals", {s("a"), s("b")}).as_bool());
  CHECK(*call("add", {n(2), n(3)}).as_number() == 5);
  CHECK(*call("div", {n(7), n(2)}).as_number() == 3);
  CHECK(call("div", {n(7), n(0)}).is_unknown());
  CHECK(*call("mod", {n(7), n(2)}).as_number() == 1);
}

TEST_CASE("scope functions know what the deployment context knows") {
  azure::DeploymentContext ctx;
  ctx.resource_group_name = s("rg-aks");
  const Value rg = call("resourceGroup", {}, ctx);
  CHECK(*rg.find("name")->as_string() == "rg-aks");
  CHECK(rg.find("id")->is_unknown());  // the subscription is not known
  CHECK(rg.find("location")->is_unknown());
  ctx.subscription_id = s("sub1");
  CHECK(str(*call("resourceGroup", {}, ctx).find("id")) == "/subscriptions/sub1/resourceGroups/rg-aks");
  const Value other = call("resourceGroup", {s("sub2"), s("rg2")}, ctx);
  CHECK(str(*other.find("id")) == "/subscriptions/sub2/resourceGroups/rg2");
  CHECK(str(*call("subscription", {}, ctx).find("id")) == "/subscriptions/sub1");
  CHECK(str(*call("subscription", {s("sub9")}, ctx).find("subscriptionId")) == "sub9");
  CHECK(call("tenant", {}, ctx).find("tenantId")->is_unknown());
  CHECK(call("deployment", {}, ctx).find("name")->is_unknown());
}

TEST_CASE("resource ids are built as Azure builds them") {
  azure::DeploymentContext ctx;
  ctx.subscription_id = s("sub1");
  ctx.resource_group_name = s("rg1");
  CHECK(str(call("resourceId", {s("Microsoft.Network/virtualNetworks/subnets"), s("vnet"), s("snet")}, ctx)) ==
        "/subscriptions/sub1/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet");
  CHECK(str(call("resourceId", {s("rg2"), s("Microsoft.Storage/storageAccounts"), s("st")}, ctx)) ==
        "/subscriptions/sub1/resourceGroups/rg2/providers/Microsoft.Storage/storageAccounts/st");
  CHECK(str(call("resourceId", {s("sub2"), s("rg2"), s("Microsoft.Storage/storageAccounts"), s("st")}, ctx)) ==
        "/subscriptions/sub2/resourceGroups/rg2/providers/Microsoft.Storage/storageAccounts/st");
  CHECK(call("resourceId", {s("Microsoft.Network/virtualNetworks/subnets"), s("vnet")}, ctx).is_unknown());
  CHECK(str(call("subscriptionResourceId", {s("Microsoft.Authorization/roleDefinitions"), s("r1")}, ctx)) ==
        "/subscriptions/sub1/providers/Microsoft.Authorization/roleDefinitions/r1");
  CHECK(str(call("tenantResourceId", {s("Microsoft.Management/managementGroups"), s("mg")}, ctx)) ==
        "/providers/Microsoft.Management/managementGroups/mg");
  CHECK(str(call("extensionResourceId", {s("/subscriptions/sub1"), s("Microsoft.Authorization/locks"), s("l")}, ctx)) ==
        "/subscriptions/sub1/providers/Microsoft.Authorization/locks/l");
  // Without a known subscription the id is unknown, but the target is still named.
  CHECK(call("resourceId", {s("Microsoft.Network/virtualNetworks"), s("vnet")}).is_unknown());
  const std::vector<Value> args{s("Microsoft.Network/virtualNetworks/subnets"), s("vnet"), s("snet")};
  const auto target = azure::resource_id_target("resourceId", args);
  REQUIRE(target.has_value());
  CHECK(target->type == "Microsoft.Network/virtualNetworks/subnets");
  CHECK(target->name == "vnet/snet");
  // A trailing '/' in the type is accepted; unknown names keep their text.
  const std::vector<Value> loose{s("Microsoft.OperationalInsights/workspaces/"), u("parameters('ws')")};
  const auto workspace = azure::resource_id_target("resourceId", loose);
  REQUIRE(workspace.has_value());
  CHECK(workspace->type == "Microsoft.OperationalInsights/workspaces");
  CHECK(workspace->name == "${parameters('ws')}");
  CHECK(str(call("resourceId", {s("Microsoft.OperationalInsights/workspaces/"), s("ws")}, ctx)) ==
        "/subscriptions/sub1/resourceGroups/rg1/providers/Microsoft.OperationalInsights/workspaces/ws");
}

TEST_CASE("deployment-time functions are unknown and unknown functions are reported") {
  CHECK(call("reference", {s("x")}).is_unknown());
  CHECK(call("listKeys", {s("x"), s("2020-01-01")}).is_unknown());
  CHECK(call("listCredentials", {s("x")}).is_unknown());
  CHECK(call("utcNow", {}).is_unknown());
  CHECK_FALSE(call_function("noSuchFunction", {}, {}, {}).has_value());
}

TEST_CASE("tryGet, items, flatten, uri, base64, managementGroupResourceId") {
  Value o = Value::object();
  o.ensure_path("a.b") = n(1);
  CHECK(*call("tryGet", {o, s("a"), s("b")}).as_number() == 1);
  CHECK(call("tryGet", {o, s("x"), s("b")}).is_null());
  CHECK(call("tryGet", {arr({n(1)}), n(3)}).is_null());
  CHECK(call("tryGet", {u("x"), s("a")}).is_unknown());
  Value kv = Value::object();
  kv.set("b", n(2));
  kv.set("A", n(1));
  const Value listed = call("items", {kv});
  CHECK(*listed.at("[0].key")->as_string() == "A");
  CHECK(*listed.at("[1].value")->as_number() == 2);
  CHECK(call("flatten", {arr({arr({n(1)}), arr({n(2)})})}) == arr({n(1), n(2)}));
  CHECK(str(call("uri", {s("https://x.blob.core.windows.net/t/main.json"), s("nested/a.json")})) ==
        "https://x.blob.core.windows.net/t/nested/a.json");
  CHECK(str(call("base64", {s("aks-one")})) == "YWtzLW9uZQ==");
  CHECK(str(call("base64ToString", {s("YWtzLW9uZQ==")})) == "aks-one");
  CHECK(str(call("managementGroupResourceId", {s("mg1"), s("Microsoft.Authorization/policyDefinitions"), s("p")})) ==
        "/providers/Microsoft.Management/managementGroups/mg1/providers/Microsoft.Authorization/policyDefinitions/p");
  CHECK(call("extensions", {}).is_unknown());
}

TEST_CASE("lambda functions apply the caller's lambdas") {
  const azure::Lambda twice = [](std::span<const Value> a) { return n(*a[0].as_number() * 2); };
  const azure::Lambda odd = [](std::span<const Value> a) {
    return a[0].is_unknown() ? a[0] : b(static_cast<long long>(*a[0].as_number()) % 2 == 1);
  };
  const azure::Lambda sum = [](std::span<const Value> a) { return n(*a[0].as_number() + *a[1].as_number()); };
  const Value numbers = arr({n(1), n(2), n(3)});
  const auto run = [](std::string_view name, std::vector<Value> values, std::vector<azure::Lambda> fns) {
    auto v = azure::call_lambda_function(name, values, fns, {});
    REQUIRE(v.has_value());
    return *v;
  };
  CHECK(run("map", {numbers}, {twice}) == arr({n(2), n(4), n(6)}));
  CHECK(run("filter", {numbers}, {odd}) == arr({n(1), n(3)}));
  CHECK(run("filter", {arr({u("x")})}, {odd}).is_unknown());
  CHECK(*run("reduce", {numbers, n(10)}, {sum}).as_number() == 16);
  CHECK(run("map", {u("xs")}, {twice}).is_unknown());
  CHECK_FALSE(azure::call_lambda_function("concat", {}, {}, {}).has_value());
}
