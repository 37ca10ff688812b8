#pragma once
// Decides what a file is from its name and, for JSON and YAML, its first bytes.
#include <akslint/model/SourceFile.h>

#include <string_view>

namespace akslint {

// How many leading bytes `classify` needs to see.
inline constexpr std::size_t kClassifyHeadBytes = 8192;

// Whether a file of this name could be an input at all; others are skipped unopened.
[[nodiscard]] bool is_candidate(std::string_view path);

// FileFormat::Unknown means the file is not read further. `head` is the start of the file.
[[nodiscard]] FileFormat classify(std::string_view path, std::string_view head);

}  // namespace akslint
