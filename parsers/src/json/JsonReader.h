#pragma once
// JSON with a span on every value, for ARM templates, parameter files, .tf.json and plans.
#include <akslint/model/Diagnostic.h>
#include <akslint/model/SourceFile.h>
#include <akslint/model/Value.h>

#include <optional>
#include <vector>

namespace akslint {

struct JsonDocument {
  std::optional<Value> root;  // absent when the file is not JSON enough to read
  std::vector<Diagnostic> diagnostics;
};

// Reads `file` (registered as `id`). Syntax errors give a diagnostic with the position.
// Well-formed JSON (comments allowed) is read by the JsonScanner; anything else goes to
// read_json_with_recovery, which gives the same values where both read a file.
[[nodiscard]] JsonDocument read_json(const SourceFile& file, FileId id);

// Reads `file` through the tree-sitter grammar, with what else Azure tolerates in templates
// (a byte-order mark, trailing commas, line breaks in strings), and places syntax errors.
[[nodiscard]] JsonDocument read_json_with_recovery(const SourceFile& file, FileId id);

}  // namespace akslint
