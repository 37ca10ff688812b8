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
[[nodiscard]] JsonDocument read_json(const SourceFile& file, FileId id);

}  // namespace akslint
