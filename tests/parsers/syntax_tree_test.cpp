#include "ts/SyntaxTree.h"

#include <akslint/model/LineIndex.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

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

std::size_t compare_file(const std::string& text) {
  const ts::Document doc(tree_sitter_hcl(), text, 0);
  REQUIRE(doc.ok());
  const ts::SyntaxTree copy(doc);
  const LineIndex lines(text);
  Comparison comparison{copy, tree_sitter_hcl(), lines};
  comparison.compare(doc.root(), copy.root());
  return comparison.nodes;
}

}  // namespace

TEST_CASE("syntax tree: the copy answers as tree-sitter's tree does, node for node") {
  std::size_t files = 0;
  std::size_t nodes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(AKSLINT_TESTS_DIR)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".tf") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    INFO(entry.path().string());
    nodes += compare_file(text.str());
    ++files;
  }
  CHECK(files > 100);
  CHECK(nodes > 10000);
}

TEST_CASE("syntax tree: CRLF line ends count as one") {
  CHECK(compare_file("resource \"a\" \"b\" {\r\n  name = \"x\"\r\n  tags = { k = 1 }\r\n}\r\n") > 10);
}
