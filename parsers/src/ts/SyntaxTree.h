#pragma once
// A parse tree copied out of tree-sitter into flat arrays of its visible nodes. Terraform
// expressions are evaluated lazily, long after their file is parsed, so their tree lives as
// long as the unit; this copy takes a fraction of tree-sitter's memory (which keeps hidden
// nodes, parse state and a heap block per node), and the tree-sitter tree is freed at once.
#include "ts/TsTree.h"

#include <akslint/model/SourceSpan.h>

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace akslint::ts {

class SyntaxTree;

// A node of a SyntaxTree, cheap to copy; null when it has no tree.
struct Node {
  const SyntaxTree* tree = nullptr;
  std::uint32_t index = 0;
  friend bool operator==(Node, Node) = default;
};

class SyntaxTree {
 public:
  struct Entry {
    std::uint32_t start_byte = 0;
    std::uint32_t end_byte = 0;
    std::uint32_t first_child = 0;  // into nodes_: a node's children are consecutive
    std::uint32_t first_named = 0;  // into named_
    TSSymbol symbol = 0;
    TSFieldId field = 0;  // of this node in its parent; 0 for none
    bool named = false;
    std::uint32_t child_count = 0;
    std::uint32_t named_count = 0;
  };

  // Copies `doc`'s tree, which must have parsed (doc.ok()).
  explicit SyntaxTree(const Document& doc);
  // A tree that a parser of akslint's own laid out as the copy would (terraform/HclParser.cpp):
  // `nodes` with the root first and each node's children in one block, `named` each node's
  // named children, `language`'s symbols and fields.
  SyntaxTree(const TSLanguage* language, std::string_view text, FileId file, std::vector<Entry> nodes,
             std::vector<std::uint32_t> named);

  [[nodiscard]] Node root() const { return {this, 0}; }
  [[nodiscard]] std::string_view text(Node node) const;
  [[nodiscard]] SourceSpan span(Node node) const;
  [[nodiscard]] FileId file() const { return file_; }
  [[nodiscard]] std::string_view source() const { return text_; }

 private:
  friend std::string_view type(Node node);
  friend Node field(Node node, std::string_view name);
  friend std::uint32_t child_count(Node node);
  friend Node child(Node node, std::uint32_t i);
  friend std::uint32_t named_child_count(Node node);
  friend Node named_child(Node node, std::uint32_t i);
  friend bool is_named(Node node);
  friend std::uint32_t start_byte(Node node);
  friend std::uint32_t end_byte(Node node);

  [[nodiscard]] const Entry& at(Node node) const { return nodes_[node.index]; }
  struct Slots;
  // Copies the `count` visible nodes of `tree`.
  void copy_visible_nodes(const TSTree* tree, std::uint32_t count);

  std::vector<Entry> nodes_;          // the root first, then each node's children in a block
  std::vector<std::uint32_t> named_;  // each node's named children, consecutive
  const TSLanguage* language_;
  std::span<const std::string_view> symbol_names_;  // by symbol, for the language's life
  std::string_view text_;
  FileId file_;
};

// The node functions of tree-sitter's API, for a SyntaxTree. A child index past the end, or
// any question to a null node, gives a null node (or 0).
[[nodiscard]] std::string_view type(Node node);
[[nodiscard]] Node field(Node node, std::string_view name);
[[nodiscard]] bool is_null(Node node);
[[nodiscard]] bool is_named(Node node);
[[nodiscard]] std::uint32_t child_count(Node node);
[[nodiscard]] Node child(Node node, std::uint32_t i);
[[nodiscard]] std::uint32_t named_child_count(Node node);
[[nodiscard]] Node named_child(Node node, std::uint32_t i);
[[nodiscard]] std::uint32_t start_byte(Node node);
[[nodiscard]] std::uint32_t end_byte(Node node);

}  // namespace akslint::ts
