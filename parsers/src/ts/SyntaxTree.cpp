#include "ts/SyntaxTree.h"

#include <stdexcept>

namespace akslint::ts {

namespace {

const TSLanguage* language_of(const Document& doc) {
  if (!doc.ok()) throw std::logic_error("SyntaxTree of a document that did not parse");
  return ts_tree_language(doc.root().tree);
}

}  // namespace

SyntaxTree::SyntaxTree(const Document& doc)
    : language_(language_of(doc)), text_(doc.source()), file_(doc.file()), lines_(text_) {
  // Breadth first, so that every node's children are consecutive entries.
  std::vector<TSNode> pending{doc.root()};
  const TSNode root = doc.root();
  nodes_.push_back({ts_node_start_byte(root), ts_node_end_byte(root), 0, 0, 0, 0, ts_node_symbol(root), 0,
                    ts_node_is_named(root)});
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  for (std::size_t i = 0; i < pending.size(); ++i) {
    const auto first = static_cast<std::uint32_t>(nodes_.size());
    const auto first_named = static_cast<std::uint32_t>(named_.size());
    ts_tree_cursor_reset(&cursor, pending[i]);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      do {
        const TSNode c = ts_tree_cursor_current_node(&cursor);
        const bool named = ts_node_is_named(c);
        if (named) named_.push_back(static_cast<std::uint32_t>(nodes_.size()));
        nodes_.push_back({ts_node_start_byte(c), ts_node_end_byte(c), 0, 0, 0, 0, ts_node_symbol(c),
                          ts_tree_cursor_current_field_id(&cursor), named});
        pending.push_back(c);
      } while (ts_tree_cursor_goto_next_sibling(&cursor));
    }
    Entry& e = nodes_[i];
    e.first_child = first;
    e.child_count = static_cast<std::uint32_t>(nodes_.size()) - first;
    e.first_named = first_named;
    e.named_count = static_cast<std::uint32_t>(named_.size()) - first_named;
  }
  ts_tree_cursor_delete(&cursor);
  nodes_.shrink_to_fit();
  named_.shrink_to_fit();
}

std::string_view SyntaxTree::text(Node node) const {
  const Entry& e = at(node);
  return text_.substr(e.start_byte, e.end_byte - e.start_byte);
}

SourceSpan SyntaxTree::span(Node node) const {
  const Entry& e = at(node);
  return lines_.span(file_, e.start_byte, e.end_byte);
}

std::string_view type(Node node) {
  if (is_null(node)) return {};
  return ts_language_symbol_name(node.tree->language_, node.tree->at(node).symbol);
}

Node field(Node node, std::string_view name) {
  if (is_null(node)) return {};
  const TSFieldId id =
      ts_language_field_id_for_name(node.tree->language_, name.data(), static_cast<std::uint32_t>(name.size()));
  if (id == 0) return {};
  const auto& e = node.tree->at(node);
  for (std::uint32_t i = 0; i < e.child_count; ++i) {
    if (node.tree->nodes_[e.first_child + i].field == id) return {node.tree, e.first_child + i};
  }
  return {};
}

bool is_null(Node node) { return node.tree == nullptr; }
bool is_named(Node node) { return !is_null(node) && node.tree->at(node).named; }
std::uint32_t child_count(Node node) { return is_null(node) ? 0 : node.tree->at(node).child_count; }
std::uint32_t named_child_count(Node node) { return is_null(node) ? 0 : node.tree->at(node).named_count; }
std::uint32_t start_byte(Node node) { return is_null(node) ? 0 : node.tree->at(node).start_byte; }
std::uint32_t end_byte(Node node) { return is_null(node) ? 0 : node.tree->at(node).end_byte; }

Node child(Node node, std::uint32_t i) {
  if (i >= child_count(node)) return {};
  return {node.tree, node.tree->at(node).first_child + i};
}

Node named_child(Node node, std::uint32_t i) {
  if (i >= named_child_count(node)) return {};
  return {node.tree, node.tree->named_[node.tree->at(node).first_named + i]};
}

}  // namespace akslint::ts
