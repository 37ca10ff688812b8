#pragma once
// Terraform's built-in functions that can be computed from known arguments alone.
#include <akslint/model/Value.h>

#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace akslint::terraform {

struct CallResult {
  Value value;
  bool error = false;  // Terraform would reject the call: try() moves on, can() says false
};

enum class FunctionKind : std::uint8_t {
  Evaluated,     // computed here
  NotEvaluated,  // a real function whose result we never compute (files, time, randomness)
  Unknown,       // not a Terraform function we know
};

[[nodiscard]] FunctionKind function_kind(std::string_view name);

// Calls an Evaluated function. Arguments that are not fully known give nullopt (unknown),
// except where the function's result does not depend on them (length of a list of unknowns).
[[nodiscard]] std::optional<CallResult> call_function(std::string_view name, std::span<const Value> args);

// Terraform's conversions, shared with the evaluator.
[[nodiscard]] std::optional<double> to_number(const Value& v);
[[nodiscard]] std::optional<bool> to_bool(const Value& v);
// Exact (case-sensitive) member lookup, as Terraform maps and objects compare keys.
[[nodiscard]] const Value* member(const Value& object, std::string_view key);
// A collection's elements as (key, value), in Terraform's iteration order: lists by index,
// maps and objects by key in lexical order.
[[nodiscard]] std::vector<std::pair<Value, Value>> elements(const Value& collection);
// The keys of an object in Terraform's iteration order (lexical).
[[nodiscard]] std::vector<const Value::Member*> sorted_members(const Value& object);

}  // namespace akslint::terraform
