#pragma once
// The Bicep syntax tree our reader builds: declarations and expressions, each with its span.
// Types are parsed (so that every valid file reads) but kept as text: they are not enforced.
#include "bicep/BicepLexer.h"

#include <akslint/model/Diagnostic.h>

#include <string>
#include <vector>

namespace akslint::bicep {

struct Statement;

enum class ExprKind : std::uint8_t {
  Null,
  Bool,         // text: "true" / "false"
  Number,       // text: digits
  String,       // strings: the one decoded piece
  Interpolated, // strings: n+1 literal pieces around n children
  Identifier,   // text: name
  Call,         // text: function name; children: [receiver?] + arguments (see `receiver`)
  Member,       // text: property; children[0]: object; `safe` for `.?`
  Index,        // children: object, index; `safe` for `[?`
  ChildAccess,  // `parent::child`; text: child symbol; children[0]: parent
  NonNull,      // `x!`; children[0]
  Unary,        // text: operator; children[0]
  Binary,       // text: operator; children: left, right
  Ternary,      // children: condition, then, else
  Array,        // children: items (Spread items allowed)
  Object,       // children: Property or Spread; nested resources in `resources`
  Property,     // text: key (decoded); children[0]: value; key_span
  Spread,       // `...x`; children[0]
  For,          // names: item, index (may be empty); children: iterable, body
  If,           // `if (cond) body`; children: condition, body
  Lambda,       // names: parameters; children[0]: body
  Error,
};

struct Expr {
  ExprKind kind = ExprKind::Error;
  std::string text;
  std::vector<Expr> children;
  std::vector<std::string> strings;  // string pieces, or loop / lambda variable names
  std::vector<Statement> resources;  // nested `resource` declarations of an Object
  bool safe = false;
  bool receiver = false;  // Call: children[0] is the receiver (`az.resourceGroup()`, `ns.fn()`)
  SourceSpan span;
  SourceSpan key_span;  // Property
};

enum class StmtKind : std::uint8_t {
  TargetScope,
  Metadata,
  Param,       // in .bicepparam files: `param x = value` (type empty)
  Var,
  Resource,
  Module,
  Output,
  Type,
  Function,
  Import,      // compile-time and provider imports
  Extension,   // `extension x` and the older `provider x`
  Using,       // .bicepparam
  Extends,     // .bicepparam
  Assert,
  Test,
};

// A name a compile-time import brings into scope: `{ original as local }`, or `* as local`
// (original "*": the local name is a namespace).
struct ImportedName {
  std::string local;
  std::string original;
  friend bool operator==(const ImportedName&, const ImportedName&) = default;
};

struct Decorator {
  Expr call;  // a Call (possibly with a `sys.` receiver)
};

struct Statement {
  StmtKind kind = StmtKind::Var;
  SourceSpan keyword_span;  // `resource`, `param`, ...
  std::string name;       // symbol; empty when the declaration has none
  SourceSpan name_span;
  std::string type;       // declared type text, resource type string, or module/import path
  SourceSpan type_span;
  bool existing = false;  // `resource x '...' existing = ...`
  Expr value;             // default value, body, assigned expression (Error when absent)
  std::vector<ImportedName> imported;
  std::vector<Decorator> decorators;
  SourceSpan span;        // the whole declaration, decorators included
};

struct Program {
  std::vector<Statement> statements;
  std::vector<Diagnostic> diagnostics;  // syntax errors
};

// Parses one .bicep or .bicepparam file. Never throws on bad input: a syntax error gives a
// diagnostic with its position and the parser skips to the next declaration.
[[nodiscard]] Program parse_bicep(std::string_view text, FileId file);

}  // namespace akslint::bicep
