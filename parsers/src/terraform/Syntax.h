#pragma once
// The block structure of Terraform configuration, the same whether it was written as HCL
// (.tf, .tfvars) or JSON (.tf.json, .tfvars.json). Expressions stay unevaluated: an HCL
// syntax node or a JSON value, both pointing into a ConfigFile that outlives them.
#include "ts/SyntaxTree.h"

#include <akslint/model/SourceFile.h>
#include <akslint/model/Value.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace akslint::terraform {

// An unevaluated expression: an HCL `expression` node, or a JSON value whose strings are
// templates.
struct Expr {
  const ts::SyntaxTree* doc = nullptr;
  ts::Node node{};
  const Value* json = nullptr;

  [[nodiscard]] bool empty() const { return doc == nullptr && json == nullptr; }
  [[nodiscard]] SourceSpan span() const;
  [[nodiscard]] std::string text() const;
};

struct Attribute {
  std::string name;
  Expr expr;
  SourceSpan name_span;
};

struct Block;

struct Body {
  std::vector<Attribute> attributes;
  std::vector<Block> blocks;

  [[nodiscard]] const Attribute* attribute(std::string_view name) const;
  [[nodiscard]] const Block* block(std::string_view type) const;
};

struct Block {
  std::string type;
  std::vector<std::string> labels;
  Body body;
  SourceSpan span;
  SourceSpan header_span;  // the opening line: `resource "type" "name" {`
};

// One parsed file. Syntax errors leave `body` empty and a diagnostic in `error`.
struct ConfigFile {
  FileId id = kNoFile;
  std::unique_ptr<ts::SyntaxTree> doc;
  std::optional<Value> json;
  Body body;
  std::optional<Diagnostic> error;
};

// Parses a .tf/.tfvars (HCL) or .tf.json/.tfvars.json file.
[[nodiscard]] std::unique_ptr<ConfigFile> parse_config_file(const SourceFile& file, FileId id);

// The tuple or object node of an HCL expression written as one (`depends_on = [a.b]`,
// `providers = {...}`); a null node otherwise.
[[nodiscard]] ts::Node collection_node(const Expr& expr, std::string_view type);

// The names a traversal expression spells, "azurerm_subnet.s" for `azurerm_subnet.s[0].id`
// when `depth` is 2; empty when the expression is not a plain traversal.
[[nodiscard]] std::string traversal_prefix(const Expr& expr, std::size_t depth);

}  // namespace akslint::terraform
