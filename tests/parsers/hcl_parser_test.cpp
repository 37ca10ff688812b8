#include "support/TreeDifference.h"
#include "terraform/HclParser.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

using namespace akslint;

namespace {

struct Outcome {
  bool ours = false;          // the parser took the text
  bool tree_sitter = false;   // tree-sitter parsed it without an error
  std::string difference;     // where the two trees differ, when both parsed
};

Outcome compare(const std::string& text) {
  Outcome out;
  const auto tree = terraform::parse_hcl(text, 0);
  out.ours = tree != nullptr;
  const ts::Document doc(tree_sitter_hcl(), text, 0);
  out.tree_sitter = doc.ok() && !doc.first_syntax_error();
  if (out.ours && out.tree_sitter) out.difference = testing::first_difference(tree->root(), ts::SyntaxTree(doc).root(), tree_sitter_hcl());
  return out;
}

// Every HCL file under `dir`: how many the parser took, and the first it took wrongly: one
// tree-sitter rejects, or whose tree differs from tree-sitter's.
struct Survey {
  std::size_t files = 0;
  std::size_t taken = 0;
  std::size_t bytes = 0;
  std::size_t bytes_taken = 0;
  std::string wrong;
};

Survey survey(const std::filesystem::path& dir) {
  Survey s;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".tf" && ext != ".tfvars" && ext != ".hcl")) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const Outcome o = compare(text.str());
    ++s.files;
    s.bytes += text.str().size();
    if (!o.ours) continue;
    ++s.taken;
    s.bytes_taken += text.str().size();
    if (s.wrong.empty() && !o.tree_sitter) s.wrong = entry.path().string() + ": tree-sitter finds an error";
    if (s.wrong.empty() && !o.difference.empty()) s.wrong = entry.path().string() + ": " + o.difference;
  }
  return s;
}

void check_same(const std::string& text) {
  INFO(text);
  const Outcome o = compare(text);
  REQUIRE(o.tree_sitter);
  REQUIRE(o.ours);
  INFO(o.difference);
  CHECK(o.difference.empty());
}

}  // namespace

TEST_CASE("hcl parser: the grammar's constructs come out as tree-sitter's nodes") {
  check_same("");
  check_same("\n\n  ");
  check_same("# only a comment\n");
  check_same("a = 1\n");
  check_same("  a = 1  # trailing\n// line\n/* block\n */ b = 2");
  check_same("resource \"azurerm_x\" \"y\" { # inner\n  name = \"n\" # after\n  nested {}\n  # last\n}\n");
  check_same("a = f(x, y,)\nb = g()\nc = h(l...)\nd = [1, 2.5, 3.0e+2, 0x1F, true, false, null]\n");
  check_same("a = { k = \"v\", \"q\": -1\n  (x) = 2 }\nb = {}\nc = []\nd = [for k, v in m : v if k != \"\"]\n");
  check_same("e = { for k in l : k => v... if v }\nf = a.b[0].c.*.e\ng = x[*].y[1]\nh = x.0.y\n");
  check_same("i = a ? b : c ? d : e\nj = a + b * c == d && !e || -f % 2\nk = (1 + 2) / 3\nl = a >= b != c < d\n");
  check_same("m = \"pre ${x} post %{ if y }yes%{ else }no%{ endif } $${lit} %%{lit} $ % \\\" \\u00e9\"\n");
  check_same("n = \"${~ x ~}\" \no = \"%{ for i, v in l ~}${v}%{~ endfor }\"\np = \"  spaced  \"\nq = \"\"\n");
  check_same("r = <<-EOT\n    hello ${name}\n      world\n    EOT\ns = <<EOT\nEOTX\n EO\n%{ if a }x%{ endif }\nEOT\n");
  check_same("t = \"é ünïcode ${\"nested ${deep}\"}\"\nu = x-y.z-1\nv = a::b\n");
  check_same("{ a = 1, b = [2] }\n");
  check_same("a = \"x\" // c1\n  # c2\nb = [ # c3\n 1, # c4\n 2 # c5\n] # c6\n");
}

TEST_CASE("hcl parser: line ends, escapes and nesting at the edges of the grammar") {
  check_same("a = <<EOT\r\n  x ${y}\r\n  EOTX\r\n  EOT\r\nb = \"\\U0001F600 \\t\"\r\n");
  check_same("a = \"${}\"\nb = \"${ <<EOT\n  in ${\"deep\"}\n  EOT\n}\"\nc = <<-X\n%{~ for k, v in m ~}\n${k}=${v}\n%{~ endfor ~}\nX\n");
  check_same("a = x.*.y.*.z\nb = a[*][0].b\nc = !!a\nd = -(-1)\ne = a ? b : c ? d : e ? f : g\nf = a ? b ? c : d : e\n");
  check_same("block \"a\" /* between */ b # after a label\n{\n}\nx = f( /* in */ 1 /* args */ )\n");
  check_same("\tx\t=\t1\f\ny = { a = 1\n  b = 2, c = [\n  ]\n}\n");
}

TEST_CASE("hcl parser: the comparison finds a tree that differs") {
  const auto ours = terraform::parse_hcl("a = (1)\n", 0);
  const ts::Document doc(tree_sitter_hcl(), "a = 1  \n", 0);
  REQUIRE(ours != nullptr);
  CHECK_FALSE(testing::first_difference(ours->root(), ts::SyntaxTree(doc).root(), tree_sitter_hcl()).empty());
  const auto same_length = terraform::parse_hcl("a = \"x\"", 0);
  const ts::Document other(tree_sitter_hcl(), "a = \"${x}\"", 0);
  CHECK_FALSE(testing::first_difference(same_length->root(), ts::SyntaxTree(other).root(), tree_sitter_hcl()).empty());
}

TEST_CASE("hcl parser: text it does not take is left to tree-sitter, errors and all") {
  for (const std::string text : {"a = ", "a = 1 +", "a = \"unterminated", "a = \"bad \\q escape\"", "a { ",
                                 "a = <<EOT\nno end\n", "a = 1e5", "a = \"${\"", "b = x[", "a = f(1, ...)",
                                 "résumé = 1", "a = 1\n}", "{ for x in y : x => x }"}) {
    INFO(text);
    CHECK(terraform::parse_hcl(text, 0) == nullptr);
  }
  // Deep nesting goes to tree-sitter rather than deep into this parser's stack.
  CHECK(terraform::parse_hcl("a = " + std::string(5000, '-') + "1", 0) == nullptr);
  CHECK(terraform::parse_hcl("a = " + std::string(5000, '[') + std::string(5000, ']'), 0) == nullptr);
}

TEST_CASE("hcl parser: the fixtures' HCL parses as tree-sitter parses it") {
  const Survey s = survey(AKSLINT_TESTS_DIR);
  WARN("fixtures: " << s.taken << " of " << s.files << " HCL files taken by akslint's parser");
  INFO(s.wrong);
  CHECK(s.wrong.empty());
  CHECK(s.files > 100);
  CHECK(s.taken * 10 > s.files * 9);
}

TEST_CASE("hcl parser: the shared corpus's HCL parses as tree-sitter parses it") {
  const std::filesystem::path corpus = std::filesystem::path(AKSLINT_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!std::filesystem::exists(corpus)) {
    WARN("corpus not present: skipped");
    return;
  }
  const Survey s = survey(corpus);
  WARN("corpus: " << s.taken << " of " << s.files << " HCL files (" << s.bytes_taken << " of " << s.bytes
                  << " bytes) taken by akslint's parser, the rest left to tree-sitter");
  INFO(s.wrong);
  CHECK(s.wrong.empty());
  CHECK(s.taken * 10 > s.files * 9);
}
