#include "ts/SyntaxTree.h"

// tree-sitter's internal headers, from its runtime sources (a system include: not our code).
#include <src/language.h>
#include <src/subtree.h>
#include <src/tree.h>

#include <stdexcept>

namespace akslint::ts {

namespace {

const TSLanguage* language_of(const Document& doc) {
  if (!doc.ok()) throw std::logic_error("SyntaxTree of a document that did not parse");
  return ts_tree_language(doc.root().tree);
}

// A node whose children the walk is visiting: a visible node, or a hidden one whose visible
// descendants are children of its nearest visible ancestor.
struct OpenNode {
  const Subtree* children;  // the subtree's children, count and production, read once
  std::uint32_t count;
  std::uint16_t production;
  TSFieldId field;                 // a hidden node's own field, which its children inherit; 0 for a visible node
  std::uint32_t visible_ancestor;  // index of the node the children belong to
  std::uint32_t byte;              // where the next child starts, after its padding
  std::uint32_t child = 0;         // the next child
  std::uint32_t structural = 0;    // the next child's index among the children that are not extras
};

OpenNode opened(Subtree subtree, std::uint32_t visible_ancestor, TSFieldId field, std::uint32_t byte) {
  return {ts_subtree_children(subtree), ts_subtree_child_count(subtree), ts_subtree_production_id(subtree), field,
          visible_ancestor, byte};
}

// The field a production gives its child at `structural`, 0 when none.
TSFieldId own_field(const TSLanguage* language, std::uint16_t production, std::uint32_t structural) {
  const TSFieldMapEntry* map = nullptr;
  const TSFieldMapEntry* end = nullptr;
  ts_language_field_map(language, production, &map, &end);
  for (; map < end; ++map) {
    if (!map->inherited && map->child_index == structural) return map->field_id;
  }
  return 0;
}

}  // namespace

SyntaxTree::SyntaxTree(const Document& doc)
    : language_(language_of(doc)), text_(doc.source()), file_(doc.file()) {
  const std::uint32_t count = ts_node_descendant_count(doc.root());
  nodes_.reserve(count);
  std::vector<std::uint32_t> parents;
  parents.reserve(count);
  copy_visible_nodes(doc.root().tree, parents);
  if (nodes_.size() != count) throw std::logic_error("SyntaxTree: the walk missed nodes the tree counts");
  lay_out_children(parents);
}

// Walks tree-sitter's own subtrees rather than a TSTreeCursor: the cursor climbs back through
// the grammar's hidden nodes at every step to the next sibling and again for every node's
// field, which made this copy cost a tenth as much as the parse. The walk keeps what the
// cursor would compute on its stack of open nodes: a node's alias and field come from its
// parent's production (a node in a hidden node takes that node's field unless it has its
// own), extras take neither, and a hidden node with visible descendants is walked through.
// The copy answers as tree-sitter's node API does, node for node
// (tests/parsers/syntax_tree_test.cpp).
void SyntaxTree::copy_visible_nodes(const TSTree* tree, std::vector<std::uint32_t>& parents) {
  const TSLanguage* language = tree->language;
  const Subtree root = tree->root;
  const std::uint32_t root_start = ts_subtree_padding(root).bytes;
  nodes_.push_back({root_start, root_start + ts_subtree_size(root).bytes, 0, 0,
                    ts_language_public_symbol(language, ts_subtree_symbol(root)), 0, ts_subtree_named(root)});
  parents.push_back(kNone);
  std::vector<OpenNode> open;
  if (ts_subtree_child_count(root) > 0) open.push_back(opened(root, 0, 0, root_start));
  while (!open.empty()) {
    OpenNode& at = open.back();
    if (at.child == at.count) {
      open.pop_back();
      continue;
    }
    const Subtree node = at.children[at.child];
    const std::uint32_t start = at.byte;
    const std::uint32_t end = start + ts_subtree_size(node).bytes;
    TSSymbol alias = 0;
    TSFieldId field = 0;
    if (!ts_subtree_extra(node)) {
      alias = ts_language_alias_at(language, at.production, at.structural);
      field = own_field(language, at.production, at.structural);
      if (field == 0) field = at.field;
      ++at.structural;
    }
    ++at.child;
    at.byte = end;
    if (at.child < at.count) at.byte += ts_subtree_padding(at.children[at.child]).bytes;
    const std::uint32_t parent = at.visible_ancestor;
    if (ts_subtree_visible(node) || alias != 0) {
      const auto index = static_cast<std::uint32_t>(nodes_.size());
      const bool named = alias != 0 ? ts_language_symbol_metadata(language, alias).named : ts_subtree_named(node);
      const TSSymbol symbol = ts_language_public_symbol(language, alias != 0 ? alias : ts_subtree_symbol(node));
      nodes_.push_back({start, end, 0, 0, symbol, field, named});
      parents.push_back(parent);
      Entry& p = nodes_[parent];  // counted here, while the parent is still near in memory
      ++p.child_count;
      if (named) ++p.named_count;
      if (ts_subtree_child_count(node) > 0) open.push_back(opened(node, index, 0, start));  // `at` is void from here
    } else if (ts_subtree_visible_child_count(node) > 0) {
      open.push_back(opened(node, parent, field, start));
    }
  }
}

// Children in walk order are in document order, so each parent's slots fill in order from its
// first: first_child and first_named serve as the cursors, and step back by the count after.
void SyntaxTree::lay_out_children(const std::vector<std::uint32_t>& parents) {
  const auto n = static_cast<std::uint32_t>(nodes_.size());
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
  for (std::uint32_t i = 1; i < n; ++i) {
    Entry& p = nodes_[parents[i]];
    children_[p.first_child++] = i;
    if (nodes_[i].named) named_[p.first_named++] = i;
  }
  for (Entry& e : nodes_) {
    e.first_child -= e.child_count;
    e.first_named -= e.named_count;
  }
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
