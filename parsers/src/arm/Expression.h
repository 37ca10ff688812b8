#pragma once
// ARM template expressions ("[concat(parameters('a'), '-x')]"): parsed into a small tree
// with a span on every node, then evaluated against an environment.
#include "azure/TemplateFunctions.h"

#include <akslint/model/Diagnostic.h>

#include <memory>
#include <string>
#include <vector>

namespace akslint::arm {

struct Expr {
  enum class Kind : std::uint8_t { String, Number, Call, Member, Index };
  Kind kind = Kind::String;
  std::string text;                          // string value, function name or member name
  double number = 0;
  std::vector<std::unique_ptr<Expr>> args;   // call arguments; [0] = object for Member/Index, [1] = index
  SourceSpan span;
};

// Maps offsets in an expression's decoded text back to the file. Exact when the JSON string
// holds no escapes; otherwise every position is the whole string's span.
class SpanMap {
 public:
  SpanMap(const Value& json_string, std::string_view source);
  [[nodiscard]] SourceSpan at(std::size_t begin, std::size_t end) const;

 private:
  SourceSpan whole_;
  std::string_view raw_;  // the source between the quotes, when it matches the decoded text
  bool exact_ = false;
};

struct ParseResult {
  std::unique_ptr<Expr> expr;  // null when the text is not a valid expression
  std::optional<Diagnostic> error;
};

// Parses the inside of "[...]" (`body` excludes the brackets; `offset` is where it starts
// in the decoded string).
[[nodiscard]] ParseResult parse_expression(std::string_view body, std::size_t offset, const SpanMap& spans);

// Whether a JSON string is an expression: "[...]" but not the "[[" escape.
[[nodiscard]] bool is_expression(std::string_view s);

// What an expression can see besides the functions: parameters(), variables(),
// copyIndex(), user-defined functions. `lookup` answers nullopt for names it does not own.
class Environment {
 public:
  virtual ~Environment() = default;
  [[nodiscard]] virtual std::optional<Value> lookup(std::string_view function, std::span<const Value> args,
                                                    SourceSpan span) = 0;
  [[nodiscard]] virtual const azure::DeploymentContext& context() const = 0;
  // Told of each resourceId()-family call whose target is known, for references.
  virtual void on_resource_target(const azure::ResourceTarget& target, SourceSpan span) = 0;
  virtual void report(Diagnostic diagnostic) = 0;
};

[[nodiscard]] Value evaluate(const Expr& expr, Environment& env);

}  // namespace akslint::arm
