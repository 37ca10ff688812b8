#include "arm/Expression.h"

#include <akslint/model/LineIndex.h>

#include <catch2/catch.hpp>

#include <map>

using namespace akslint;

namespace {

// Parameters from a map; reports and resource targets recorded.
class TestEnv : public arm::Environment {
 public:
  std::map<std::string, Value> parameters;
  azure::DeploymentContext ctx;
  std::vector<azure::ResourceTarget> targets;
  std::vector<Diagnostic> diagnostics;

  std::optional<Value> lookup(std::string_view function, std::span<const Value> args, SourceSpan span) override {
    if (!iequals(function, "parameters")) return std::nullopt;
    const auto it = parameters.find(std::string(*args[0].as_string()));
    return it != parameters.end() ? it->second : Value::unknown("parameters", span);
  }
  const azure::DeploymentContext& context() const override { return ctx; }
  void on_resource_target(const azure::ResourceTarget& target, SourceSpan) override { targets.push_back(target); }
  void report(Diagnostic d) override { diagnostics.push_back(std::move(d)); }
};

// Evaluates the JSON string `text` (with its brackets) placed at byte 10 of a one-line file.
struct Evaluated {
  Value value;
  std::optional<Diagnostic> error;
  std::string source;  // the file's text

  // Row and byte column of where `span` starts in the source.
  [[nodiscard]] SourcePoint start(const SourceSpan& span) const { return LineIndex(source).point(span.begin_byte); }
};

Evaluated run(TestEnv& env, const std::string& text) {
  const std::string source = std::string(9, ' ') + '"' + text + '"';
  const SourceSpan whole{0, 9, static_cast<std::uint32_t>(source.size())};
  const Value literal = Value::string(text, whole);
  const arm::SpanMap spans(literal, source);
  auto parsed = arm::parse_expression(std::string_view(text).substr(1, text.size() - 2), 1, spans);
  if (!parsed.expr) return {Value::null(), parsed.error, source};
  return {arm::evaluate(*parsed.expr, env), std::nullopt, source};
}

}  // namespace

TEST_CASE("expressions are recognised, and [[ escapes them") {
  CHECK(arm::is_expression("[parameters('a')]"));
  CHECK_FALSE(arm::is_expression("[[not an expression]"));
  CHECK_FALSE(arm::is_expression("plain"));
}

TEST_CASE("nested calls, parameters and string escapes evaluate") {
  TestEnv env;
  env.parameters["prefix"] = Value::string("aks");
  const auto r = run(env, "[concat(parameters('prefix'), '-it''s', toUpper('x'))]");
  REQUIRE_FALSE(r.error);
  CHECK(*r.value.as_string() == "aks-it'sX");
}

TEST_CASE("property and index access") {
  TestEnv env;
  env.ctx.resource_group_name = Value::string("rg1");
  CHECK(*run(env, "[resourceGroup().name]").value.as_string() == "rg1");
  CHECK(*run(env, "[createArray('a', 'b')[1]]").value.as_string() == "b");
  CHECK(*run(env, "[json('{\"k\": {\"n\": 3}}')['k'].n]").value.as_number() == 3);
  const Value unknown = run(env, "[reference('x').outputs.id.value]").value;
  REQUIRE(unknown.is_unknown());
  CHECK(*unknown.unknown_expression() == "reference('x').outputs.id.value");
}

TEST_CASE("spans point into the source string") {
  TestEnv env;
  const auto r = run(env, "[concat('a', 'b')]");
  // The call starts one byte after the opening quote and '['.
  CHECK(r.value.span().begin_byte == 11);
  CHECK(r.start(r.value.span()).column == 11);
  CHECK(r.value.span().end_byte == 27);
}

TEST_CASE("unbalanced brackets give a diagnostic with the position") {
  TestEnv env;
  const auto r = run(env, "[concat('a', 'b']");
  REQUIRE(r.error);
  CHECK(r.error->code == "invalid-expression");
  // The closing `]` ends the expression, so the `(` at column 17 is left open.
  CHECK(r.start(r.error->span).column == 17);
  CHECK(r.error->message.find("unbalanced `(`") != std::string::npos);
  const auto comma = run(env, "[concat('a' 'b')]");
  REQUIRE(comma.error);
  CHECK(comma.start(comma.error->span).column == 22);
  CHECK(comma.error->message.find("`,` or `)` expected") != std::string::npos);
  const auto index = run(env, "[createArray(1)[0]");
  REQUIRE(index.error);
  const auto unterminated = run(env, "[concat('a)]");
  REQUIRE(unterminated.error);
  CHECK(unterminated.error->message.find("unterminated string") != std::string::npos);
}

TEST_CASE("unknown functions are reported and kept unknown; resourceId targets are told") {
  TestEnv env;
  const auto r = run(env, "[noSuchThing('a')]");
  CHECK(r.value.is_unknown());
  REQUIRE(env.diagnostics.size() == 1);
  CHECK(env.diagnostics[0].code == "unknown-function");
  run(env, "[resourceId('Microsoft.Network/virtualNetworks', 'vnet')]");
  REQUIRE(env.targets.size() == 1);
  CHECK(env.targets[0].name == "vnet");
}

TEST_CASE("lambda functions evaluate their lambda per element") {
  TestEnv env;
  env.parameters["pools"] = Value::array({Value::string("sys"), Value::string("user1"), Value::string("user2")});
  const Value mapped = run(env, "[map(parameters('pools'), lambda('p', toUpper(lambdaVariables('p'))))]").value;
  REQUIRE(mapped.as_array() != nullptr);
  CHECK(*mapped.at("[2]")->as_string() == "USER2");
  const Value filtered = run(env, "[filter(parameters('pools'), lambda('p', startsWith(lambdaVariables('p'), 'user')))]").value;
  CHECK(filtered.as_array()->size() == 2);
  const Value reduced =
      run(env, "[reduce(parameters('pools'), 0, lambda('acc', 'p', add(lambdaVariables('acc'), length(lambdaVariables('p')))))]").value;
  CHECK(*reduced.as_number() == 13);
  const Value sorted = run(env, "[sort(parameters('pools'), lambda('a', 'b', greater(lambdaVariables('a'), lambdaVariables('b'))))]").value;
  CHECK(*sorted.at("[0]")->as_string() == "user2");
  const Value object = run(env, "[toObject(parameters('pools'), lambda('p', lambdaVariables('p')), lambda('p', length(lambdaVariables('p'))))]").value;
  CHECK(*object.at("user1")->as_number() == 5);
  const Value grouped = run(env, "[groupBy(parameters('pools'), lambda('p', take(lambdaVariables('p'), 1)))]").value;
  CHECK(grouped.at("u")->as_array()->size() == 2);
  const Value unknown = run(env, "[map(parameters('missing'), lambda('p', lambdaVariables('p')))]").value;
  CHECK(unknown.is_unknown());
}

TEST_CASE("absurdly deep expressions are refused, not recursed into") {
  TestEnv env;
  std::string text = "[";
  for (int i = 0; i < 1000; ++i) text += "string(";
  text += "1";
  for (int i = 0; i < 1000; ++i) text += ")";
  text += "]";
  const auto r = run(env, text);
  REQUIRE(r.error);
  CHECK(r.error->message.find("nests too deeply") != std::string::npos);
}
