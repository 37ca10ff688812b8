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
    : language_(language_of(doc)), text_(doc.source()), file_(doc.file()) {
  // One depth-first walk records every node and its parent; the children lists are then laid
  // out per parent by counting (a walk that visits each parent's children together would
  // reset a cursor per node). The tree keeps each node's count of children and of
  // descendants: the lists are sized once, leaves are not asked for a first child, and the
  // walk leaves a parent after its last child instead of asking the cursor for one more,
  // which through the grammar's hidden nodes cost as much as a step that succeeds.
  const std::uint32_t count = ts_node_descendant_count(doc.root());
  nodes_.reserve(count);
  std::vector<std::uint32_t> parents;
  parents.reserve(count);
  struct Level {
    std::uint32_t node;
    std::uint32_t children_left;
  };
  std::vector<Level> open;
  TSTreeCursor cursor = ts_tree_cursor_new(doc.root());
  const auto record = [&](std::uint32_t parent) {
    const TSNode n = ts_tree_cursor_current_node(&cursor);
    nodes_.push_back({ts_node_start_byte(n), ts_node_end_byte(n), 0, 0, ts_node_symbol(n),
                      ts_tree_cursor_current_field_id(&cursor), ts_node_is_named(n)});
    parents.push_back(parent);
    return ts_node_child_count(n);
  };
  std::uint32_t children = record(kNone);
  for (;;) {
    const auto current = static_cast<std::uint32_t>(nodes_.size() - 1);
    if (children > 0 && ts_tree_cursor_goto_first_child(&cursor)) {
      open.push_back({current, children - 1});
    } else {
      while (!open.empty() && open.back().children_left == 0) {
        open.pop_back();
        ts_tree_cursor_goto_parent(&cursor);
      }
      if (open.empty() || !ts_tree_cursor_goto_next_sibling(&cursor)) break;
      --open.back().children_left;
    }
    children = record(open.back().node);
  }
  ts_tree_cursor_delete(&cursor);
  if (nodes_.size() != count) throw std::logic_error("SyntaxTree: the walk missed nodes the tree counts");
  lay_out_children(parents);
}

void SyntaxTree::lay_out_children(const std::vector<std::uint32_t>& parents) {
  const auto n = static_cast<std::uint32_t>(nodes_.size());
  for (std::uint32_t i = 1; i < n; ++i) {
    Entry& p = nodes_[parents[i]];
    ++p.child_count;
    if (nodes_[i].named) ++p.named_count;
  }
  std::uint32_t all = 0;
  std::uint32_t named = 0;
  for (Entry& e : nodes_) {
    e.first_child = all;
    e.first_named = named;
    all += e.child_count;
    named += e.named_count;
  }
  children_.resize(all);
  named_.resize(named);
  // Children in walk order are in document order; each parent's slots fill from its first.
  std::vector<std::uint32_t> filled(n, 0);
  std::vector<std::uint32_t> filled_named(n, 0);
  for (std::uint32_t i = 1; i < n; ++i) {
    const Entry& p = nodes_[parents[i]];
    children_[p.first_child + filled[parents[i]]++] = i;
    if (nodes_[i].named) named_[p.first_named + filled_named[parents[i]]++] = i;
  }
  nodes_.shrink_to_fit();
}

std::string_view SyntaxTree::text(Node node) const {
  const Entry& e = at(node);
  return text_.substr(e.start_byte, e.end_byte - e.start_byte);
}

SourceSpan SyntaxTree::span(Node node) const {
  const Entry& e = at(node);
  return {file_, e.start_byte, e.end_byte};
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
    const std::uint32_t c = node.tree->children_[e.first_child + i];
    if (node.tree->nodes_[c].field == id) return {node.tree, c};
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
  return {node.tree, node.tree->children_[node.tree->at(node).first_child + i]};
}

Node named_child(Node node, std::uint32_t i) {
  if (i >= named_child_count(node)) return {};
  return {node.tree, node.tree->named_[node.tree->at(node).first_named + i]};
}

}  // namespace akslint::ts
