#pragma once
// Where two syntax trees differ: for the tests and the fuzzer that hold akslint's HCL parser
// to tree-sitter's tree, node for node.
#include "ts/SyntaxTree.h"

#include <string>
#include <string_view>

namespace akslint::testing {

// The first place, as a path of child indexes from "root", where `a` and `b` differ in a
// node's type, named-ness, span, children or `language`'s fields; empty when they do not.
inline std::string first_difference(ts::Node a, ts::Node b, const TSLanguage* language,
                                    const std::string& path = "root") {
  const auto describe = [](ts::Node n) {
    return std::string(ts::type(n)) + (ts::is_named(n) ? "" : " (anonymous)") + " [" +
           std::to_string(ts::start_byte(n)) + "," + std::to_string(ts::end_byte(n)) + ") with " +
           std::to_string(ts::child_count(n)) + " children";
  };
  if (ts::type(a) != ts::type(b) || ts::is_named(a) != ts::is_named(b) || ts::start_byte(a) != ts::start_byte(b) ||
      ts::end_byte(a) != ts::end_byte(b) || ts::child_count(a) != ts::child_count(b) ||
      ts::named_child_count(a) != ts::named_child_count(b)) {
    return path + ": " + describe(a) + " against " + describe(b);
  }
  for (TSFieldId id = 1; id <= ts_language_field_count(language); ++id) {
    const std::string_view name = ts_language_field_name_for_id(language, id);
    const ts::Node x = ts::field(a, name);
    const ts::Node y = ts::field(b, name);
    if (ts::is_null(x) != ts::is_null(y) || (!ts::is_null(x) && ts::start_byte(x) != ts::start_byte(y))) {
      return path + ": field " + std::string(name) + " differs";
    }
  }
  for (std::uint32_t i = 0; i < ts::named_child_count(a); ++i) {
    if (ts::start_byte(ts::named_child(a, i)) != ts::start_byte(ts::named_child(b, i))) {
      return path + ": named child " + std::to_string(i) + " differs";
    }
  }
  for (std::uint32_t i = 0; i < ts::child_count(a); ++i) {
    auto found = first_difference(ts::child(a, i), ts::child(b, i), language, path + "/" + std::to_string(i));
    if (!found.empty()) return found;
  }
  return {};
}

}  // namespace akslint::testing
