#pragma once
// Where two values differ in structure, keys, scalars or any span (Value's == ignores
// spans): for tests and fuzzers that check two readers give the same model.
#include <akslint/model/Value.h>

#include <string>

namespace akslint::testing {

// The first place, as a path from "$", where `a` and `b` differ; empty when they do not.
inline std::string first_difference(const Value& a, const Value& b, const std::string& path = "$") {
  const auto same_span = [](const SourceSpan& x, const SourceSpan& y) {
    return x.begin_byte == y.begin_byte && x.end_byte == y.end_byte;
  };
  if (a.kind() != b.kind()) return path + ": kinds differ";
  if (!same_span(a.span(), b.span())) {
    return path + ": spans " + std::to_string(a.span().begin_byte) + "-" + std::to_string(a.span().end_byte) +
           " and " + std::to_string(b.span().begin_byte) + "-" + std::to_string(b.span().end_byte);
  }
  if (const auto* members = a.as_object()) {
    const auto& other = *b.as_object();
    if (members->size() != other.size()) return path + ": member counts differ";
    for (std::size_t i = 0; i < members->size(); ++i) {
      const auto& [key, value, key_span] = (*members)[i];
      if (key != other[i].key) return path + ": keys " + key + " and " + other[i].key;
      if (!same_span(key_span, other[i].key_span)) return path + "." + key + ": key spans differ";
      if (auto d = first_difference(value, other[i].value, path + "." + key); !d.empty()) return d;
    }
    return {};
  }
  if (const auto* items = a.as_array()) {
    const auto& other = *b.as_array();
    if (items->size() != other.size()) return path + ": lengths differ";
    for (std::size_t i = 0; i < items->size(); ++i) {
      if (auto d = first_difference((*items)[i], other[i], path + "[" + std::to_string(i) + "]"); !d.empty()) return d;
    }
    return {};
  }
  return a == b ? std::string() : path + ": values differ";
}

}  // namespace akslint::testing
