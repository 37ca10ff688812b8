#include "ts/SyntaxTree.h"

// tree-sitter's internal headers, from its runtime sources (a system include: not our code).
#include <src/language.h>
#include <src/subtree.h>
#include <src/tree.h>

#include <map>
#include <mutex>
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
  bool visible = false;            // the node is the visible ancestor itself, with slots for
  std::uint32_t slots = 0;         // as many children
  std::uint32_t named_slots = 0;   // and named children as tree-sitter counted
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

// The names of `language`'s symbols, each measured once for the process: the readers ask
// the type of nearly every node they visit, and tree-sitter's name is a C string.
std::span<const std::string_view> symbol_names(const TSLanguage* language) {
  static std::mutex lock;
  static std::map<const TSLanguage*, std::vector<std::string_view>> names;
  const std::lock_guard guard(lock);
  auto& found = names[language];
  if (found.empty()) {
    found.resize(ts_language_symbol_count(language));
    for (std::uint32_t s = 0; s < found.size(); ++s) found[s] = ts_language_symbol_name(language, static_cast<TSSymbol>(s));
  }
  return found;
}

}  // namespace

SyntaxTree::SyntaxTree(const Document& doc)
    : language_(language_of(doc)),
      symbol_names_(symbol_names(language_)),
      text_(doc.source()),
      file_(doc.file()) {
  copy_visible_nodes(doc.root().tree, ts_node_descendant_count(doc.root()));
}

SyntaxTree::SyntaxTree(const TSLanguage* language, std::string_view text, FileId file, std::vector<Entry> nodes,
                       std::vector<std::uint32_t> named)
    : nodes_(std::move(nodes)),
      named_(std::move(named)),
      language_(language),
      symbol_names_(symbol_names(language_)),
      text_(text),
      file_(file) {}

// Hands each visible node blocks of slots for its children and its named children, after
// all blocks so far, as many as tree-sitter counted; then the slots one by one as the walk
// meets the children. A node's children are consecutive, and are found without an index.
struct SyntaxTree::Slots {
  std::vector<Entry>& nodes;
  std::vector<std::uint32_t>& named;
  std::uint32_t next_block = 1;  // the root has slot 0
  std::uint32_t next_named = 0;

  void reserve(std::uint32_t index, std::uint32_t children, std::uint32_t named_children) {
    if (children > nodes.size() - next_block || named_children > named.size() - next_named) {
      throw std::logic_error("SyntaxTree: more children than the tree counts");
    }
    nodes[index].first_child = next_block;
    nodes[index].first_named = next_named;
    next_block += children;
    next_named += named_children;
  }

  // A child past its parent's block is caught when the parent closes (filled), unless it is
  // past every block: that is caught here, before it is written.
  std::uint32_t take(std::uint32_t parent, bool is_named) {
    Entry& p = nodes[parent];
    const std::uint32_t index = p.first_child + p.child_count++;
    if (index >= next_block) throw std::logic_error("SyntaxTree: a child past the slots of the last node");
    if (is_named) {
      const std::uint32_t slot = p.first_named + p.named_count++;
      if (slot >= next_named) throw std::logic_error("SyntaxTree: a named child past the slots of the last node");
      named[slot] = index;
    }
    return index;
  }

  [[nodiscard]] bool filled(std::uint32_t index, std::uint32_t children, std::uint32_t named_children) const {
    return nodes[index].child_count == children && nodes[index].named_count == named_children;
  }
};

// Walks tree-sitter's own subtrees rather than a TSTreeCursor: the cursor climbs back through
// the grammar's hidden nodes at every step to the next sibling and again for every node's
// field, which made this copy cost a tenth as much as the parse. The walk keeps what the
// cursor would compute on its stack of open nodes: a node's alias and field come from its
// parent's production (a node in a hidden node takes that node's field unless it has its
// own), extras take neither, and a hidden node with visible descendants is walked through.
// The copy answers as tree-sitter's node API does, node for node
// (tests/parsers/syntax_tree_test.cpp).
void SyntaxTree::copy_visible_nodes(const TSTree* tree, std::uint32_t count) {
  const TSLanguage* language = tree->language;
  const Subtree root = tree->root;
  const std::uint32_t root_start = ts_subtree_padding(root).bytes;
  nodes_.resize(count);
  named_.resize(count);
  nodes_[0] = {root_start, root_start + ts_subtree_size(root).bytes, 0, 0,
               ts_language_public_symbol(language, ts_subtree_symbol(root)), 0, ts_subtree_named(root)};
  Slots slots{nodes_, named_};
  const auto open_visible = [&](Subtree subtree, std::uint32_t index, std::uint32_t start) {
    OpenNode at = opened(subtree, index, 0, start);
    at.visible = true;
    at.slots = ts_subtree_visible_child_count(subtree);
    at.named_slots = subtree.ptr->named_child_count;
    slots.reserve(index, at.slots, at.named_slots);
    return at;
  };
  std::vector<OpenNode> open;
  if (ts_subtree_child_count(root) > 0) open.push_back(open_visible(root, 0, root_start));
  while (!open.empty()) {
    OpenNode& at = open.back();
    if (at.child == at.count) {
      if (at.visible && !slots.filled(at.visible_ancestor, at.slots, at.named_slots)) {
        throw std::logic_error("SyntaxTree: a node's children are not the ones tree-sitter counts");
      }
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
      const bool named = alias != 0 ? ts_language_symbol_metadata(language, alias).named : ts_subtree_named(node);
      const TSSymbol symbol = ts_language_public_symbol(language, alias != 0 ? alias : ts_subtree_symbol(node));
      const std::uint32_t index = slots.take(parent, named);
      nodes_[index] = {start, end, 0, 0, symbol, field, named};
      if (ts_subtree_child_count(node) > 0) open.push_back(open_visible(node, index, start));  // `at` is void from here
    } else if (ts_subtree_visible_child_count(node) > 0) {
      open.push_back(opened(node, parent, field, start));
    }
  }
  if (slots.next_block != count) throw std::logic_error("SyntaxTree: the walk missed nodes the tree counts");
  named_.resize(slots.next_named);
  named_.shrink_to_fit();
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
  const TSSymbol symbol = node.tree->at(node).symbol;
  // ERROR's symbol lies past the table.
  if (symbol >= node.tree->symbol_names_.size()) return ts_language_symbol_name(node.tree->language_, symbol);
  return node.tree->symbol_names_[symbol];
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
