#pragma once
// HCL read by akslint's own parser into the tree tree-sitter-hcl would give, node for node:
// the same node types, spans, fields and comments, so that the Terraform reader walks either
// alike. tree-sitter's GLR parse of HCL was most of a scan's time; this one reads a file in
// one pass. It takes only what it understands: on a syntax error, or anything outside what
// tree-sitter-hcl accepts the same way (docs/hcl-reader.md), it answers nullptr and the file
// is parsed by tree-sitter, which also reports the error.
#include "ts/SyntaxTree.h"

#include <memory>
#include <optional>
#include <string_view>

namespace akslint::terraform {

[[nodiscard]] std::unique_ptr<ts::SyntaxTree> parse_hcl(std::string_view text, FileId file);

// The tree of `text`: parse_hcl's, or else tree-sitter's copied (nullptr, with the error in
// `error`, when the text does not parse).
[[nodiscard]] std::unique_ptr<ts::SyntaxTree> read_hcl(std::string_view text, FileId file,
                                                       std::optional<Diagnostic>& error);

}  // namespace akslint::terraform
