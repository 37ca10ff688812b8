#pragma once
// YAML documents read with the tree-sitter YAML grammar into Values that keep their spans.
// Scalars follow the YAML 1.2 core schema (what Kubernetes' decoder accepts); anchors,
// aliases and `<<` merge keys are resolved within a document.
#include <akslint/model/Diagnostic.h>
#include <akslint/model/Value.h>

#include <string_view>
#include <vector>

namespace akslint::yaml {

struct Stream {
  std::vector<Value> documents;  // one per non-empty document, in file order
  std::vector<Diagnostic> diagnostics;
};

// Reads every document of `text`. A file with a syntax error yields no documents, only the
// diagnostic: a half-read file would hide objects from the rules.
[[nodiscard]] Stream read_stream(std::string_view text, FileId file);

}  // namespace akslint::yaml
