#include "bicep/BicepLexer.h"
#include "bicep/BicepSyntax.h"

#include <akslint/model/LineIndex.h>

#include <catch2/catch.hpp>

using namespace akslint;
using namespace akslint::bicep;

namespace {

Program parse(std::string_view text) { return parse_bicep(text, 7); }

const Expr& property(const Expr& object, std::string_view key) {
  for (const auto& p : object.children) {
    if (p.kind == ExprKind::Property && p.text == key) return p.children.front();
  }
  FAIL("no property " << key);
  return object;
}

}  // namespace

TEST_CASE("declarations of every kind parse with their names and spans", "[bicep]") {
  const std::string_view text = R"(targetScope = 'subscription'
metadata owner = 'team'
import { naming, tags as t } from 'shared.bicep'
import * as types from 'types.bicep'
extension microsoftGraphV1
@description('where')
param location string = 'westeurope'
param nodes int?
type pool = { name: string, count: int?, *: string }
var prefix = 'aks'
func label(name string) string => '${prefix}-${name}'
resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks1'
  location: location
}
module m './m.bicep' = { name: 'm' }
output id string = aks.id
)";
  const auto p = parse(text);
  const LineIndex lines(text);
  REQUIRE(p.diagnostics.empty());
  REQUIRE(p.statements.size() == 13);
  CHECK(p.statements[0].kind == StmtKind::TargetScope);
  CHECK(p.statements[2].imported == std::vector<ImportedName>{{"naming", "naming"}, {"t", "tags"}});
  CHECK(p.statements[3].imported == std::vector<ImportedName>{{"types", "*"}});
  CHECK(p.statements[4].kind == StmtKind::Extension);
  const auto& location = p.statements[5];
  CHECK(location.name == "location");
  CHECK(location.type == "string");
  REQUIRE(location.decorators.size() == 1);
  CHECK(location.decorators[0].call.text == "description");
  CHECK(lines.point(location.span.begin_byte).row == 5);  // decorators belong to the declaration
  CHECK(p.statements[6].type == "int?");
  CHECK(p.statements[7].type == "{ name: string, count: int?, *: string }");
  const auto& aks = p.statements[10];
  CHECK(aks.kind == StmtKind::Resource);
  CHECK(aks.type == "Microsoft.ContainerService/managedClusters@2024-02-01");
  CHECK(lines.point(aks.name_span.begin_byte) == SourcePoint{11, 9});
  const Expr& name = property(aks.value, "name");
  CHECK(name.kind == ExprKind::String);
  CHECK(name.span.file == 7);
  CHECK(lines.point(name.span.begin_byte) == SourcePoint{12, 8});
  CHECK(lines.point(name.span.end_byte) == SourcePoint{12, 14});
}

TEST_CASE("expressions: interpolation, multi-line strings, operators, access, loops", "[bicep]") {
  const auto p = parse(R"(var a = 'x${b}y${c.d[0]}z'
var m = '''
line1
it''s'''
var i = $'''
${a}!'''
var t = x == 1 && !y ? 'p' : 'q'
var s = aks.?properties!.nodeResourceGroup
var n = vnet::subnet.id
var l = [for (x, i) in range(0, 3): if (i > 0) { v: x }]
var f = filter(items, item => item.enabled)
var o = { ...base, 'quoted key': 1, 'k${a}': 2 }
var multi = cond
  ? 1
  : 2
)");
  REQUIRE(p.diagnostics.empty());
  const Expr& interp = p.statements[0].value;
  CHECK(interp.kind == ExprKind::Interpolated);
  CHECK(interp.strings == std::vector<std::string>{"x", "y", "z"});
  CHECK(interp.children[1].kind == ExprKind::Index);
  CHECK(p.statements[1].value.strings.front() == "line1\nit''s");
  CHECK(p.statements[2].value.kind == ExprKind::Interpolated);
  CHECK(p.statements[2].value.strings == std::vector<std::string>{"", "!"});
  const Expr& ternary = p.statements[3].value;
  CHECK(ternary.kind == ExprKind::Ternary);
  CHECK(ternary.children[0].text == "&&");
  const Expr& safe = p.statements[4].value;
  CHECK(safe.kind == ExprKind::Member);
  CHECK(safe.children[0].kind == ExprKind::NonNull);
  CHECK(p.statements[5].value.children[0].kind == ExprKind::ChildAccess);
  const Expr& loop = p.statements[6].value;
  CHECK(loop.kind == ExprKind::For);
  CHECK(loop.strings == std::vector<std::string>{"x", "i"});
  CHECK(loop.children[1].kind == ExprKind::If);
  CHECK(p.statements[7].value.children[1].kind == ExprKind::Lambda);
  const Expr& obj = p.statements[8].value;
  CHECK(obj.children[0].kind == ExprKind::Spread);
  CHECK(obj.children[1].text == "quoted key");
  CHECK(p.statements[9].value.kind == ExprKind::Ternary);
}

TEST_CASE("nested resources, existing, conditions and bicepparam lines parse", "[bicep]") {
  const auto p = parse(R"(resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' existing = {
  name: 'vnet'
  resource subnet 'subnets' existing = {
    name: 'nodes'
  }
}
resource lock 'Microsoft.Authorization/locks@2020-05-01' = if (withLock) {
  scope: vnet
  name: 'lock'
}
)");
  REQUIRE(p.diagnostics.empty());
  CHECK(p.statements[0].existing);
  REQUIRE(p.statements[0].value.resources.size() == 1);
  CHECK(p.statements[0].value.resources[0].name == "subnet");
  CHECK(p.statements[1].value.kind == ExprKind::If);

  const auto params = parse("using './main.bicep'\nparam location = 'westus'\nparam count = 3\n");
  REQUIRE(params.diagnostics.empty());
  CHECK(params.statements[0].kind == StmtKind::Using);
  CHECK(params.statements[0].type == "./main.bicep");
  CHECK(params.statements[1].value.strings.front() == "westus");
}

TEST_CASE("a syntax error gives one diagnostic with its position and the rest still reads", "[bicep]") {
  const std::string_view text = "param a string\nvar b = concat('x', \nvar c = (1 + 2\nparam d int\n";
  const auto p = parse(text);
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].code == "syntax-error");
  CHECK(LineIndex(text).point(p.diagnostics[0].span.begin_byte).row == 2);  // `var c` cannot continue the call
  CHECK(p.diagnostics[0].file == 7);
  REQUIRE(p.statements.size() == 2);
  CHECK(p.statements[1].name == "d");

  const auto unterminated = parse("var s = 'abc\n");
  REQUIRE(unterminated.diagnostics.size() == 1);
  CHECK(unterminated.diagnostics[0].message.find("unterminated string") != std::string::npos);

  std::string deep = "var d = " + std::string(5000, '(') + "1" + std::string(5000, ')') + "\n";
  CHECK(parse(deep).diagnostics.size() == 1);
}

TEST_CASE("#disable-next-line directives are trivia to the parser", "[bicep]") {
  const auto p = parse("#disable-next-line no-unused-params BCP081\nparam x string\n");
  CHECK(p.diagnostics.empty());
  CHECK(p.statements.size() == 1);
}

TEST_CASE("string tokens view the file unless an escape had to be decoded", "[bicep]") {
  const std::string text = R"(var e = 'it\'s\n${x}\u{41}b' + 'plain' + '''
quotes''''')";
  LexResult lexed = lex(text);
  const LexResult moved = std::move(lexed);  // the decoded values stay where the tokens view them
  std::vector<std::string_view> strings;
  for (const Token& t : moved.tokens) {
    if (t.kind == Tok::StringLeft || t.kind == Tok::StringRight || t.kind == Tok::String) strings.push_back(t.text);
  }
  REQUIRE(strings == std::vector<std::string_view>{"it's\n", "Ab", "plain", "quotes''"});
  const auto in_text = [&](std::string_view v) { return v.data() >= text.data() && v.data() < text.data() + text.size(); };
  CHECK_FALSE(in_text(strings[0]));
  CHECK_FALSE(in_text(strings[1]));
  CHECK(in_text(strings[2]));
  CHECK(in_text(strings[3]));
  CHECK(moved.decoded.size() == 2);
  const auto p = parse(text);
  REQUIRE(p.diagnostics.empty());
  const Expr& sum = p.statements[0].value;
  CHECK(sum.children[0].children[0].strings == std::vector<std::string>{"it's\n", "Ab"});
}

TEST_CASE("operators lex as the longest one that matches, and an unknown character as an error", "[bicep]") {
  const auto kinds_and_texts = [](std::string_view text) {
    std::vector<std::string> out;
    for (const Token& t : lex(text).tokens) {
      if (t.kind == Tok::EndOfFile) break;
      const char* kind = t.kind == Tok::Punct ? "p" : t.kind == Tok::Identifier ? "i" : t.kind == Tok::Error ? "e" : "?";
      out.push_back(std::string(kind) + " " + std::string(t.kind == Tok::Error ? "" : t.text));
    }
    return out;
  };
  using Texts = std::vector<std::string>;
  CHECK(kinds_and_texts("... ?? == != =~ !~ <= >= && || => :: .?") ==
        Texts{"p ...", "p ??", "p ==", "p !=", "p =~", "p !~", "p <=", "p >=", "p &&", "p ||", "p =>", "p ::", "p .?"});
  CHECK(kinds_and_texts("{}[](),.:?=<>+-*/%!@|^") ==
        Texts{"p {", "p }", "p [", "p ]", "p (", "p )", "p ,", "p .", "p :", "p ?", "p =", "p <", "p >", "p +",
              "p -", "p *", "p /", "p %", "p !", "p @", "p |", "p ^"});
  // Glued to their neighbours: the first two characters decide, then the longest match.
  CHECK(kinds_and_texts("a.b x!=y z?.w u.?v ...s p=>q r===t") ==
        Texts{"i a", "p .", "i b", "i x", "p !=", "i y", "i z", "p ?", "p .", "i w", "i u", "p .?", "i v", "p ...",
              "i s", "i p", "p =>", "i q", "i r", "p ==", "p =", "i t"});
  // `&` and `~` begin no operator alone; `..` is two dots.
  CHECK(kinds_and_texts("a & b ~ c .. d") == Texts{"i a", "e ", "i b", "e ", "i c", "p .", "p .", "i d"});
}

TEST_CASE("braces inside an interpolation are counted, so its own closing brace ends it", "[bicep]") {
  std::vector<Tok> kinds;
  for (const Token& t : lex("'a${ {x: 1}.x }b'").tokens) kinds.push_back(t.kind);
  CHECK(kinds == std::vector<Tok>{Tok::StringLeft, Tok::Punct, Tok::Identifier, Tok::Punct, Tok::Number, Tok::Punct,
                                  Tok::Punct, Tok::Identifier, Tok::StringRight, Tok::EndOfFile});
}
