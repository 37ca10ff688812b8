#pragma once
// The YAML that configuration files need, and no more: block mappings and sequences, scalars
// (plain, single- or double-quoted), one-line flow sequences, comments. Everything else is an
// error with its line, so a configuration never means something other than what it says.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace akslint::config {

struct YamlEntry;

struct YamlNode {
  enum class Kind : std::uint8_t { Null, Scalar, Map, Seq };
  Kind kind = Kind::Null;
  std::string scalar;
  std::uint32_t line = 0;  // 1-based
  std::vector<YamlEntry> map;  // source order; the node's line is the key's
  std::vector<YamlNode> seq;
};

// A mapping entry. Not a std::pair: clang would need the pair complete inside YamlNode.
struct YamlEntry {
  std::string key;
  YamlNode value;
};

struct YamlError {
  std::uint32_t line = 0;
  std::string message;
};

struct YamlResult {
  std::optional<YamlNode> root;
  std::optional<YamlError> error;
};

[[nodiscard]] YamlResult parse_yaml(std::string_view text);

}  // namespace akslint::config
