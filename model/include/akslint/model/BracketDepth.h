#pragma once
// How deep brackets nest in a text: the bound every reader is held to (--max-depth), found
// for each file as it is indexed, sixteen bytes at a time.
#include <cstdint>
#include <string_view>

namespace akslint {

// The deepest bracket nesting in a text read piece by piece, in order, counted over every
// byte (strings included: a cheap bound that holds for every format).
class BracketDepth {
 public:
  void add(std::string_view piece);
  [[nodiscard]] std::uint32_t deepest() const { return deepest_; }

 private:
  std::uint32_t depth_ = 0;
  std::uint32_t deepest_ = 0;
};

// The same for one whole text.
[[nodiscard]] std::uint32_t bracket_depth(std::string_view text);

}  // namespace akslint
