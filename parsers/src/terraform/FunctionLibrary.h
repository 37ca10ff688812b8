#pragma once
// What the built-in function files share: the calling convention and small argument
// readers. Each area file lists its functions in a table.
#include "terraform/Evaluator.h"
#include "terraform/Functions.h"

#include <cmath>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace akslint::terraform::functions {

using Args = std::span<const Value>;
using Result = std::optional<CallResult>;

[[nodiscard]] Result ok(Value v);
[[nodiscard]] Result error();
inline constexpr Result kUnknown = std::nullopt;

inline std::optional<std::string> str(const Value& v) { return to_template_string(v); }
inline const Value::Array* list(const Value& v) { return v.as_array(); }

inline std::optional<long long> integer(const Value& v) {
  const auto n = to_number(v);
  if (!n || std::floor(*n) != *n) return std::nullopt;
  return static_cast<long long>(*n);
}

inline Value strings(std::vector<std::string> items) {
  Value::Array out;
  for (auto& s : items) out.push_back(Value::string(std::move(s)));
  return Value::array(std::move(out));
}

inline // Byte offsets of each code point, so substr and length count characters as Terraform does.
std::vector<std::size_t> code_points(std::string_view s) {
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) at.push_back(i);
  }
  return at;
}

struct FunctionDef {
  std::string_view name;
  std::size_t min_args;
  std::size_t max_args;  // kMany for variadic
  bool deep;             // every argument must be fully known
  Result (*fn)(Args);
};

inline constexpr std::size_t kMany = SIZE_MAX;

[[nodiscard]] std::span<const FunctionDef> string_functions();
[[nodiscard]] std::span<const FunctionDef> collection_functions();
[[nodiscard]] std::span<const FunctionDef> number_functions();

}  // namespace akslint::terraform::functions
