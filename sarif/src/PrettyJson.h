#pragma once
// Writing a large pretty-printed JSON document in parts: the elements of its one large array
// are written on their own, on several threads, and spliced into the rest, so that the text is
// the bytes one dump(2) of the whole would give.
#include <akslint/model/Parallel.h>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace akslint::emit {

// `text` (pretty JSON at depth 0) indented by `spaces` on every line.
[[nodiscard]] std::string indented(std::string_view text, std::size_t spaces);

// `document` (a dump(2)) with `elements` (already indented) put into its empty array
// `"key": []`, whose line is at nesting `depth` (0: the top object's braces). The key must be
// unique: unescaped, `"key": []` can only be a key, since quotes inside strings are escaped.
[[nodiscard]] std::string splice_array(std::string_view document, std::string_view key,
                                       const std::vector<std::string>& elements, std::size_t depth);

// dump(2) of `document` with element(0) ... element(count - 1) in its empty array under `key`.
template <class Element>
[[nodiscard]] std::string dump_with_array(const nlohmann::ordered_json& document, std::string_view key,
                                          std::size_t depth, std::size_t count, unsigned jobs, Element&& element) {
  std::vector<std::string> elements(count);
  parallel_for(count, jobs, [&](std::size_t i) { elements[i] = indented(element(i).dump(2), 2 * (depth + 1)); });
  return splice_array(document.dump(2), key, elements, depth);
}

}  // namespace akslint::emit
