// tree-sitter documents: each is parsed in its thread's parse arena, which the one before it
// left, so nothing of one file's parse may reach the next.
#include "Budget.h"
#include "ts/TsTree.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <thread>

using namespace akslint;

namespace {

// The string is tree-sitter's, made in the document's arena, and goes with it.
std::string tree_text(const ts::Document& document) { return ts_node_string(document.root()); }

const std::string kSmall = "locals {\n  y = 1\n}\n";

}  // namespace

TEST_CASE("ts: the same text parses to the same tree, file after file, grammar after grammar") {
  const ts::Document first(tree_sitter_hcl(), kSmall, 0);
  const ts::Document yaml(tree_sitter_yaml(), "apiVersion: v1\nkind: Namespace\n", 1);
  const ts::Document again(tree_sitter_hcl(), kSmall, 2);
  REQUIRE(first.ok());
  REQUIRE(yaml.ok());
  REQUIRE(again.ok());
  CHECK_FALSE(ts_node_has_error(again.root()));
  CHECK(tree_text(again) == tree_text(first));
}

TEST_CASE("ts: a parse stopped by the time limit does not carry into the next file") {
  std::string many = "locals {\n";
  for (int i = 0; i < 2000; ++i) many += "  v" + std::to_string(i) + " = \"" + std::to_string(i) + "\"\n";
  many += "}\n";
  const ts::Document reference(tree_sitter_hcl(), kSmall, 0);
  {
    ReadLimits limits;
    limits.unit_timeout = std::chrono::seconds(1);
    budget::Scope scope(limits, 1);
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // the unit is out of time
    const ts::Document stopped(tree_sitter_hcl(), many, 1);
    CHECK_FALSE(stopped.ok());
  }
  const ts::Document next(tree_sitter_hcl(), kSmall, 2);
  REQUIRE(next.ok());
  CHECK_FALSE(ts_node_has_error(next.root()));
  CHECK(tree_text(next) == tree_text(reference));
}
