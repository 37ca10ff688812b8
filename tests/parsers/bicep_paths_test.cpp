// Which local modules a .bicep file declares, as the unit finder reads them. Most files are
// read from their text alone; files with a block comment or a '''...''' string, or a path
// with an escape, are lexed. Both must find what the lexer's tokens say, which the corpus
// check compares file by file (skipped when the corpus is absent).
#include "bicep/BicepLexer.h"
#include "bicep/BicepPaths.h"
#include "ModuleGraph.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace akslint;
using Paths = std::vector<std::string>;

namespace {

// The rule in tokens: `module`, a symbol and a plain string, first on their line.
Paths from_tokens(std::string_view from_file, std::string_view text) {
  const bicep::LexResult lexed = bicep::lex(text);
  const auto& t = lexed.tokens;
  Paths out;
  for (std::size_t i = 0; i + 2 < t.size(); ++i) {
    if (i > 0 && t[i - 1].kind != bicep::Tok::NewLine) continue;
    if (t[i].kind != bicep::Tok::Identifier || t[i].text != "module") continue;
    if (t[i + 1].kind != bicep::Tok::Identifier || t[i + 2].kind != bicep::Tok::String) continue;
    if (bicep::is_remote_reference(t[i + 2].text)) continue;
    if (auto path = resolve_path(from_file, t[i + 2].text); !path.empty()) out.push_back(std::move(path));
  }
  return out;
}

}  // namespace

TEST_CASE("module declarations are found at the start of lines only", "[bicep]") {
  const std::string text =
      "\xEF\xBB\xBFmodule first 'a.bicep' = {}\n"
      "  module indented\t'sub/b.bicep' = {}\r\n"
      "\tmodule crlf 'c.bicep' = {}\r"
      "var x = 'module y \\'no.bicep\\''\n"
      "// module commented 'no.bicep'\n"
      "modules notAModule 'no.bicep'\n"
      "module\n"
      "module noSymbol 'open.bicep\n"
      "module interpolated 'x${env}.bicep' = {}\n"
      "module registry 'br/public:avm/res/x:1.0' = {}\n"
      "module x = {}\n"
      "module last '../up.bicep'";
  const Paths expected{"dir/a.bicep", "dir/sub/b.bicep", "dir/c.bicep", "up.bicep"};
  CHECK(bicep::local_module_paths("dir/main.bicep", text) == expected);
  CHECK(from_tokens("dir/main.bicep", text) == expected);
}

TEST_CASE("declarations hidden in comments or multi-line strings are left to the lexer", "[bicep]") {
  // A block comment, then a multi-line string, each hiding a declaration on a line of its own.
  for (const auto& [open, close] : {std::pair{"/*", "*/"}, std::pair{"var s = $'''", "'''"}}) {
    const std::string text =
        std::string(open) + "\nmodule hidden 'no.bicep' = {}\n" + close + "\nmodule real 'yes.bicep' = {}\n";
    INFO(text);
    CHECK(bicep::local_module_paths("main.bicep", text) == Paths{"yes.bicep"});
    CHECK(from_tokens("main.bicep", text) == Paths{"yes.bicep"});
  }
  // An escape in a path sends its file to the lexer too, which decodes it.
  CHECK(bicep::local_module_paths("main.bicep", "module a 'it\\'s.bicep'\n") == Paths{"it's.bicep"});
  CHECK(bicep::local_module_paths("main.bicep", "module a 'x\\u{41}.bicep'\n") == Paths{"xA.bicep"});
}

TEST_CASE("every corpus Bicep file declares the modules its tokens say", "[bicep][corpus]") {
  const fs::path corpus = AKSLINT_SOURCE_DIR "/../shared/corpus";
  if (!fs::exists(corpus)) return;
  std::size_t checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".bicep") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string from = entry.path().lexically_relative(corpus).generic_string();
    INFO(from);
    CHECK(bicep::local_module_paths(from, text.str()) == from_tokens(from, text.str()));
    ++checked;
  }
  CHECK(checked > 1000);
}
