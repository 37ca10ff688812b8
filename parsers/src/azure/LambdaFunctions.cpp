// The lambda functions: map, filter, reduce, sort, toObject, groupBy, mapValues. The caller
// owns the lambdas' syntax (ARM `lambda('x', ...)`, Bicep `x => ...`) and applies them.
#include "azure/FunctionSupport.h"

#include <algorithm>

namespace akslint::azure {

namespace {

Value index_value(std::size_t i) { return Value::number(static_cast<double>(i)); }

Value map_or_filter(const Value::Array& items, const Lambda& fn, bool map, const Value& unknown, SourceSpan span) {
  Value::Array out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Value args[] = {items[i], index_value(i)};
    Value r = fn(args);
    if (map) {
      out.push_back(std::move(r));
    } else if (const auto keep = r.as_bool()) {
      if (*keep) out.push_back(items[i]);
    } else {
      return unknown;
    }
  }
  return Value::array(std::move(out), span);
}

Value sort(const Value::Array& items, const Lambda& before, const Value& unknown, SourceSpan span) {
  Value::Array out = items;
  bool decided = true;
  std::stable_sort(out.begin(), out.end(), [&](const Value& a, const Value& b) {
    const Value args[] = {a, b};
    const auto r = before(args).as_bool();
    decided = decided && r.has_value();
    return r.value_or(false);
  });
  return decided ? Value::array(std::move(out), span) : unknown;
}

// toObject(array, key[, value]) and groupBy(array, key).
Value keyed(const Value::Array& items, std::span<const Lambda> fns, bool group, const Value& unknown, SourceSpan span) {
  Value out = Value::object({}, span);
  for (const Value& item : items) {
    const Value args[] = {item};
    const Value key = fns[0](args);
    if (!key.as_string()) return unknown;
    const std::string k(*key.as_string());
    if (group) {
      Value* existing = out.find(k);
      if (existing == nullptr) existing = &out.set(k, Value::array({}, span));
      existing->as_array()->push_back(item);
    } else {
      out.set(k, fns.size() > 1 ? fns[1](args) : item);
    }
  }
  return out;
}

}  // namespace

std::optional<Value> call_lambda_function(std::string_view name, std::span<const Value> values,
                                          std::span<const Lambda> lambdas, SourceSpan span) {
  static constexpr std::string_view kNames[] = {"map", "filter", "reduce", "sort", "toObject", "groupBy", "mapValues"};
  if (std::none_of(std::begin(kNames), std::end(kNames), [&](std::string_view n) { return iequals(n, name); })) {
    return std::nullopt;
  }
  const Value unknown = Value::unknown(std::string(name) + "(...)", span);
  if (values.empty() || lambdas.empty()) return unknown;
  if (iequals(name, "mapValues")) {
    if (!values[0].is_object()) return unknown;
    Value out = Value::object({}, span);
    for (const auto& m : *values[0].as_object()) {
      const Value args[] = {m.value};
      out.set(m.key, lambdas[0](args), m.key_span);
    }
    return out;
  }
  const auto* items = values[0].as_array();
  if (items == nullptr) return unknown;
  if (iequals(name, "reduce")) {
    if (values.size() < 2) return unknown;
    Value acc = values[1];
    for (std::size_t i = 0; i < items->size(); ++i) {
      const Value args[] = {acc, (*items)[i], index_value(i)};
      acc = lambdas[0](args);
    }
    return acc;
  }
  if (iequals(name, "sort")) return sort(*items, lambdas[0], unknown, span);
  if (iequals(name, "toObject")) return keyed(*items, lambdas, false, unknown, span);
  if (iequals(name, "groupBy")) return keyed(*items, lambdas, true, unknown, span);
  return map_or_filter(*items, lambdas[0], iequals(name, "map"), unknown, span);
}

}  // namespace akslint::azure
