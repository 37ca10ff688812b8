// Every grammar akslint compiles in must load into the runtime it is built with (the HCL
// grammar needs ABI 15, so an old runtime would fail here first).
#include "ts/TsTree.h"

#include <akslint/model/LineIndex.h>

#include <catch2/catch.hpp>

#include <string_view>

using namespace akslint;

namespace {

void check_grammar(const TSLanguage* language, std::string_view sample, std::string_view root_type) {
  REQUIRE(language != nullptr);
  CHECK(ts_language_abi_version(language) <= TREE_SITTER_LANGUAGE_VERSION);
  CHECK(ts_language_abi_version(language) >= TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION);
  const ts::Document doc(language, sample, 0);
  REQUIRE(doc.ok());
  CHECK(ts::type(doc.root()) == root_type);
  CHECK_FALSE(doc.first_syntax_error().has_value());
}

}  // namespace

TEST_CASE("the HCL grammar loads and parses Terraform") {
  check_grammar(tree_sitter_hcl(), "resource \"a\" \"b\" {\n  x = 1\n}\n", "config_file");
}

TEST_CASE("the JSON grammar loads and parses JSON") {
  check_grammar(tree_sitter_json(), R"({"a": [1, true, null]})", "document");
}

TEST_CASE("the Bicep grammar loads and parses Bicep") {
  check_grammar(tree_sitter_bicep(), "param x int = 1\n", "infrastructure");
}

TEST_CASE("the YAML grammar loads and parses YAML") {
  check_grammar(tree_sitter_yaml(), "apiVersion: v1\nkind: Pod\n", "stream");
}

TEST_CASE("a syntax error is reported at its line and column") {
  const std::string_view text = "{\n  \"a\": 1,\n  \"b\": ]\n}\n";
  const ts::Document doc(tree_sitter_json(), text, 7);
  const auto error = doc.first_syntax_error();
  REQUIRE(error.has_value());
  CHECK(error->file == 7);
  CHECK(error->code == "syntax-error");
  CHECK(LineIndex(text).point(error->span.begin_byte).row == 2);
}
