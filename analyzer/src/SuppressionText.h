#pragma once
// Reading suppressions out of file text: comments per format, and JSON metadata entries.
#include <akslint/analyzer/Suppression.h>

#include <string_view>
#include <vector>

namespace akslint::suppression {

struct Comment {
  std::string_view body;  // without the marker (`#`, `//`, `/* */`)
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool own_line = false;   // only whitespace before it on its line
  bool directive = false;  // Bicep `#...` (a compiler directive, not a comment)
};

// Whether the format has comments at all (a plan, for one, has none).
[[nodiscard]] bool has_comments(FileFormat format);
// Whether the format has Bicep's `#disable-next-line` directives.
[[nodiscard]] bool has_directives(FileFormat format);

// The comments of a file in its format's syntax, skipping the insides of strings.
[[nodiscard]] std::vector<Comment> scan_comments(std::string_view text, FileFormat format);

// `"metadata": {"akslint-ignore": {"AKS101": "reason"}}` entries of JSON objects.
[[nodiscard]] std::vector<Suppression> metadata_suppressions(std::string_view text, FileId file);

}  // namespace akslint::suppression
