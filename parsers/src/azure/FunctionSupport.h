#pragma once
// Internal to the function library: how one function call is seen by its implementation,
// and the conversions the functions share.
#include "azure/TemplateFunctions.h"

#include <functional>
#include <map>
#include <string>

namespace akslint::azure {

struct Call {
  std::string_view name;  // as written
  std::span<const Value> args;
  const DeploymentContext& context;
  SourceSpan span;

  [[nodiscard]] std::size_t size() const { return args.size(); }
  [[nodiscard]] const Value& operator[](std::size_t i) const { return args[i]; }
  [[nodiscard]] bool all_known() const;
  // The result for inputs that cannot be evaluated: unknown, with the call as its text.
  [[nodiscard]] Value unknown() const;
  [[nodiscard]] Value string(std::string s) const { return Value::string(std::move(s), span); }
  [[nodiscard]] Value number(double n) const { return Value::number(n, span); }
  [[nodiscard]] Value boolean(bool b) const { return Value::boolean(b, span); }
};

using Function = std::function<Value(const Call&)>;
// Keys are lower-case: Azure matches function names case-insensitively.
using FunctionTable = std::map<std::string, Function, std::less<>>;

void add_string_functions(FunctionTable& table);
void add_collection_functions(FunctionTable& table);
void add_logic_functions(FunctionTable& table);
void add_scope_functions(FunctionTable& table);

// Wraps a function that needs every argument fully known and `min`..`max` arguments.
[[nodiscard]] Function strict(std::size_t min, std::size_t max, std::function<Value(const Call&)> body);

// The text Azure gives a value where a string is needed (string(), format, concat):
// strings as they are, integers without a fraction, booleans as True/False, arrays and
// objects as compact JSON.
[[nodiscard]] std::string to_text(const Value& v);
// A value as an ARM expression literal: 'text' with '' escapes, numbers, or the unknown's text.
[[nodiscard]] std::string to_expression(const Value& v);
// A whole number held by `v`, when it holds one.
[[nodiscard]] std::optional<long long> as_integer(const Value& v);
// Copies `v` with the span of the call that produced it.
[[nodiscard]] Value at_span(Value v, SourceSpan span);

}  // namespace akslint::azure
