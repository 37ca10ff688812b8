#include "ts/SyntaxTree.h"

#include <akslint/model/LineIndex.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

using namespace akslint;

namespace {

// Compares a SyntaxTree node with the tree-sitter node it was copied from, and their
// subtrees; counts the nodes compared. Spans hold bytes: their rows and columns, from a
// LineIndex over the text, must be tree-sitter's points.
struct Comparison {
  const ts::SyntaxTree& copy;
  const TSLanguage* language;
  const LineIndex& lines;
  std::size_t nodes = 0;

  void compare(TSNode original, ts::Node node) {
    ++nodes;
    REQUIRE(ts::type(node) == std::string_view(ts_node_type(original)));
    REQUIRE(ts::is_named(node) == ts_node_is_named(original));
    REQUIRE(ts::start_byte(node) == ts_node_start_byte(original));
    REQUIRE(ts::end_byte(node) == ts_node_end_byte(original));
    const SourceSpan span = copy.span(node);
    REQUIRE(span.begin_byte == ts_node_start_byte(original));
    REQUIRE(span.end_byte == ts_node_end_byte(original));
    REQUIRE(lines.point(span.begin_byte).row == ts_node_start_point(original).row);
    REQUIRE(lines.point(span.begin_byte).column == ts_node_start_point(original).column);
    REQUIRE(lines.point(span.end_byte).row == ts_node_end_point(original).row);
    REQUIRE(lines.point(span.end_byte).column == ts_node_end_point(original).column);
    for (TSFieldId id = 1; id <= ts_language_field_count(language); ++id) {
      const std::string_view name = ts_language_field_name_for_id(language, id);
      const TSNode by_field = ts_node_child_by_field_name(original, name.data(), static_cast<uint32_t>(name.size()));
      const ts::Node ours = ts::field(node, name);
      REQUIRE(ts_node_is_null(by_field) == ts::is_null(ours));
      if (!ts::is_null(ours)) REQUIRE(ts::start_byte(ours) == ts_node_start_byte(by_field));
    }
    REQUIRE(ts::named_child_count(node) == ts_node_named_child_count(original));
    for (uint32_t i = 0; i < ts::named_child_count(node); ++i) {
      REQUIRE(ts::start_byte(ts::named_child(node, i)) == ts_node_start_byte(ts_node_named_child(original, i)));
    }
    CHECK(ts::is_null(ts::named_child(node, ts::named_child_count(node))));
    REQUIRE(ts::child_count(node) == ts_node_child_count(original));
    for (uint32_t i = 0; i < ts::child_count(node); ++i) compare(ts_node_child(original, i), ts::child(node, i));
  }
};

std::size_t compare_file(const std::string& text, const TSLanguage* language = tree_sitter_hcl()) {
  const ts::Document doc(language, text, 0);
  if (!doc.ok()) return 0;
  const ts::SyntaxTree copy(doc);
  const LineIndex lines(text);
  Comparison comparison{copy, language, lines};
  comparison.compare(doc.root(), copy.root());
  return comparison.nodes;
}

// Every file with `extension` under `dir`: the files compared and their nodes.
std::pair<std::size_t, std::size_t> compare_tree(const std::filesystem::path& dir, std::string_view extension = ".tf",
                                                 const TSLanguage* language = tree_sitter_hcl()) {
  std::size_t files = 0;
  std::size_t nodes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != extension) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    INFO(entry.path().string());
    nodes += compare_file(text.str(), language);
    ++files;
  }
  return {files, nodes};
}

}  // namespace

TEST_CASE("syntax tree: the copy answers as tree-sitter's tree does, node for node") {
  const auto [files, nodes] = compare_tree(AKSLINT_TESTS_DIR);
  CHECK(files > 100);
  CHECK(nodes > 10000);
}

// The HCL grammar has no aliases, and none of its fields reach a node through a hidden one;
// the Bicep grammar has aliases and YAML's fields do. The copy must get them right too.
TEST_CASE("syntax tree: aliases and fields through hidden nodes, in the Bicep and YAML grammars") {
  const auto [bicep_files, bicep_nodes] = compare_tree(AKSLINT_TESTS_DIR, ".bicep", tree_sitter_bicep());
  CHECK(bicep_files > 50);
  CHECK(bicep_nodes > 10000);
  const auto [yaml_files, yaml_nodes] = compare_tree(AKSLINT_TESTS_DIR, ".yaml", tree_sitter_yaml());
  CHECK(yaml_files > 5);
  CHECK(yaml_nodes > 1000);
}

// The copy walks tree-sitter's subtrees itself: aliases, fields inherited through hidden
// nodes and extras (comments) must come out as tree-sitter's API gives them, in real code.
TEST_CASE("syntax tree: the shared corpus's .tf files copy node for node") {
  const std::filesystem::path corpus = std::filesystem::path(AKSLINT_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!std::filesystem::exists(corpus)) {
    WARN("corpus not present: skipped");
    return;
  }
  const auto [files, nodes] = compare_tree(corpus);
  WARN("corpus: " << files << " .tf files, " << nodes << " nodes compared");
  CHECK(files > 1000);
}

TEST_CASE("syntax tree: CRLF line ends count as one") {
  CHECK(compare_file("resource \"a\" \"b\" {\r\n  name = \"x\"\r\n  tags = { k = 1 }\r\n}\r\n") > 10);
}
