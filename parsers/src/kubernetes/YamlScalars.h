#pragma once
// The text of YAML scalars: quoted, plain and block styles, and the core-schema types.
#include <akslint/model/Value.h>

#include <string>
#include <string_view>

namespace akslint::yaml {

[[nodiscard]] std::string double_quoted(std::string_view token);  // with the quotes
[[nodiscard]] std::string single_quoted(std::string_view token);  // with the quotes
[[nodiscard]] std::string plain(std::string_view token);          // multi-line plain scalars fold
[[nodiscard]] std::string block(std::string_view token);          // `|` and `>` with chomping

// A plain scalar typed by the YAML 1.2 core schema: null, bool, int, float or string.
[[nodiscard]] Value typed_plain(std::string_view token, SourceSpan span);

}  // namespace akslint::yaml
