#pragma once
// tree-sitter handles wrapped once, and the few node helpers every frontend needs.
#include "ts/ParseArena.h"

#include <akslint/model/Diagnostic.h>
#include <akslint/model/SourceSpan.h>

#include <tree_sitter/api.h>

#include <optional>
#include <string_view>

extern "C" {
const TSLanguage* tree_sitter_hcl();
const TSLanguage* tree_sitter_json();
const TSLanguage* tree_sitter_bicep();
const TSLanguage* tree_sitter_yaml();
}

namespace akslint::ts {

// A parsed document: the tree plus the text it points into (owned by the FileTable). The tree
// is made in this thread's parse arena and lives until the document closes, on this thread.
class Document {
 public:
  // Parses `text` with `language`. A parse that tree-sitter gives up on yields no tree.
  Document(const TSLanguage* language, std::string_view text, FileId file);
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  [[nodiscard]] bool ok() const { return tree_ != nullptr; }
  [[nodiscard]] TSNode root() const { return ts_tree_root_node(tree_); }
  [[nodiscard]] std::string_view text(TSNode node) const;
  [[nodiscard]] SourceSpan span(TSNode node) const;
  [[nodiscard]] FileId file() const { return file_; }
  [[nodiscard]] std::string_view source() const { return text_; }

  // The first syntax error (ERROR or MISSING node) in document order, as a diagnostic at its
  // position; nullopt when the tree is clean.
  [[nodiscard]] std::optional<Diagnostic> first_syntax_error() const;

 private:
  ArenaScope arena_;       // first, so that it closes last
  TSTree* tree_ = nullptr;  // never deleted: it goes with the arena, unvisited
  std::string_view text_;
  FileId file_;
};

[[nodiscard]] std::string_view type(TSNode node);
[[nodiscard]] TSNode field(TSNode node, std::string_view name);
[[nodiscard]] bool is_null(TSNode node);

}  // namespace akslint::ts
