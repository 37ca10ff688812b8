#pragma once
// Small syntax-tree and value helpers shared by the evaluator's source files.
#include "ts/SyntaxTree.h"

#include <akslint/model/Value.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

namespace akslint::terraform::detail {

inline std::string_view kind_of(ts::Node n) { return ts::type(n); }
inline ts::Node named(ts::Node n, uint32_t i) { return ts::named_child(n, i); }

inline Value unknown(std::string text, SourceSpan span) { return Value::unknown(std::move(text), span); }

// A value computed from something else, reported at the expression that computed it.
inline Value resolved(Value v, SourceSpan span) {
  v.set_span(span);
  v.set_provenance(Provenance::Resolved);
  return v;
}

inline bool is_one_of(std::string_view s, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), s) != names.end();
}

// The object a `for_each` instance or dynamic-block iterator sees: { key, value }.
inline Value keyed_object(Value key, Value value) {
  return Value::object({{"key", std::move(key), {}}, {"value", std::move(value), {}}});
}

}  // namespace akslint::terraform::detail
