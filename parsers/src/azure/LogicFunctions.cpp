// Logical, comparison and numeric functions: and, or, not, if, coalesce, equals, bool, int,
// less, lessOrEquals, greater, greaterOrEquals, add, sub, mul, div, mod, true, false, null.
#include "azure/FunctionSupport.h"

#include <charconv>
#include <cmath>

namespace akslint::azure {

namespace {

// and/or decide as soon as one known argument decides, whatever the others are.
Value junction(const Call& call, bool deciding) {
  if (call.size() < 2) return call.unknown();
  bool uncertain = false;
  for (const auto& arg : call.args) {
    const auto b = arg.as_bool();
    if (b && *b == deciding) return call.boolean(deciding);
    if (!b) uncertain = true;
  }
  return uncertain ? call.unknown() : call.boolean(!deciding);
}

Value if_then_else(const Call& call) {
  if (call.size() != 3) return call.unknown();
  const auto condition = call[0].as_bool();
  if (!condition) return call.unknown();
  return *condition ? call[1] : call[2];
}

Value coalesce(const Call& call) {
  for (const auto& arg : call.args) {
    if (arg.is_unknown()) return call.unknown();
    if (!arg.is_null()) return arg;
  }
  return Value::null(call.span);
}

Value to_int(const Call& call) {
  if (const auto n = call[0].as_number()) return call.number(std::trunc(*n));
  if (const auto s = call[0].as_string()) {
    long long v = 0;
    const auto text = s->substr(s->find_first_not_of(' ') == std::string_view::npos ? 0 : s->find_first_not_of(' '));
    const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec == std::errc{} && res.ptr == text.data() + text.size()) return call.number(static_cast<double>(v));
  }
  return call.unknown();
}

Value to_bool(const Call& call) {
  if (const auto b = call[0].as_bool()) return call.boolean(*b);
  if (const auto n = call[0].as_number()) return call.boolean(*n != 0);
  if (const auto s = call[0].as_string()) {
    if (iequals(*s, "true")) return call.boolean(true);
    if (iequals(*s, "false")) return call.boolean(false);
  }
  return call.unknown();
}

// Compares two numbers or two strings (ordinal); -1, 0, 1, or nullopt for other kinds.
std::optional<int> compare(const Value& a, const Value& b) {
  if (const auto x = a.as_number(), y = b.as_number(); x && y) return *x < *y ? -1 : (*x > *y ? 1 : 0);
  if (const auto x = a.as_string(), y = b.as_string(); x && y) {
    const int c = x->compare(*y);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  return std::nullopt;
}

template <class Pred>
Function comparison(Pred pred) {
  return strict(2, 2, [pred](const Call& call) {
    const auto c = compare(call[0], call[1]);
    return c ? call.boolean(pred(*c)) : call.unknown();
  });
}

// Integer arithmetic as Azure does it (div and mod truncate; division by zero is an error).
template <class Op>
Function arithmetic(Op op) {
  return strict(2, 2, [op](const Call& call) {
    const auto a = as_integer(call[0]);
    const auto b = as_integer(call[1]);
    if (!a || !b) return call.unknown();
    const auto r = op(*a, *b);
    return r ? call.number(static_cast<double>(*r)) : call.unknown();
  });
}

}  // namespace

void add_logic_functions(FunctionTable& table) {
  table["and"] = [](const Call& call) { return junction(call, false); };
  table["or"] = [](const Call& call) { return junction(call, true); };
  table["not"] = strict(1, 1, [](const Call& call) {
    const auto b = call[0].as_bool();
    return b ? call.boolean(!*b) : call.unknown();
  });
  table["if"] = if_then_else;
  table["coalesce"] = coalesce;
  table["equals"] = strict(2, 2, [](const Call& call) { return call.boolean(call[0] == call[1]); });
  table["int"] = strict(1, 1, to_int);
  table["bool"] = strict(1, 1, to_bool);
  table["less"] = comparison([](int c) { return c < 0; });
  table["lessorequals"] = comparison([](int c) { return c <= 0; });
  table["greater"] = comparison([](int c) { return c > 0; });
  table["greaterorequals"] = comparison([](int c) { return c >= 0; });
  using R = std::optional<long long>;
  table["add"] = arithmetic([](long long a, long long b) -> R { return a + b; });
  table["sub"] = arithmetic([](long long a, long long b) -> R { return a - b; });
  table["mul"] = arithmetic([](long long a, long long b) -> R { return a * b; });
  table["div"] = arithmetic([](long long a, long long b) -> R { return b == 0 ? R{} : R{a / b}; });
  table["mod"] = arithmetic([](long long a, long long b) -> R { return b == 0 ? R{} : R{a % b}; });
  table["true"] = strict(0, 0, [](const Call& call) { return call.boolean(true); });
  table["false"] = strict(0, 0, [](const Call& call) { return call.boolean(false); });
  table["null"] = strict(0, 0, [](const Call& call) { return Value::null(call.span); });
}

}  // namespace akslint::azure
