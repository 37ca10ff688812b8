// How deep brackets nest, as the file index finds it for --max-depth.
#include <akslint/model/BracketDepth.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>

using namespace akslint;

TEST_CASE("bracket depth counts the deepest nesting of (), [] and {}, ignoring closers with nothing open") {
  CHECK(bracket_depth("") == 0);
  CHECK(bracket_depth("no brackets") == 0);
  CHECK(bracket_depth("([{}])") == 3);
  CHECK(bracket_depth("a(b)c[d{e}]") == 2);
  CHECK(bracket_depth("}}}(((") == 3);
  CHECK(bracket_depth(")(") == 1);
  CHECK(bracket_depth(std::string(1000, '[') + std::string(2000, ']') + "{") == 1000);
  // Words are skipped eight bytes at a time: a bracket is found at every offset, and the
  // bytes one bit away from a bracket (tab, 'y', 'Z', 0x7F, ...) are none.
  for (std::size_t at = 0; at < 24; ++at) {
    for (const char bracket : {'(', '[', '{'}) {
      std::string text(24, 'a');
      text[at] = bracket;
      CHECK(bracket_depth(text) == 1);
    }
    for (const char closer : {')', ']', '}'}) {
      if (at == 0 || at == 23) continue;
      std::string text(24, 'a');
      text[0] = '(';
      text[at] = closer;
      text[23] = '(';  // 1 deep when the closer was seen, 2 when it was missed
      CHECK(bracket_depth(text) == 1);
    }
  }
  std::string near;
  for (int c = 1; c < 256; ++c) {
    const char ch = static_cast<char>(c);
    if (std::string_view("([{}])").find(ch) == std::string_view::npos) near += ch;
  }
  CHECK(bracket_depth(near + near) == 0);
}

TEST_CASE("bracket depth agrees with a byte-by-byte count on text dense with brackets") {
  const auto by_bytes = [](std::string_view text) {
    std::uint32_t depth = 0;
    std::uint32_t deepest = 0;
    for (const char c : text) {
      if (c == '(' || c == '[' || c == '{') deepest = std::max(deepest, ++depth);
      if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    }
    return deepest;
  };
  std::uint32_t state = 12345;
  const std::string_view alphabet = "([{}])(([[{{a)\x29\x28 \t";
  for (int round = 0; round < 500; ++round) {
    std::string text;
    const auto size = static_cast<std::size_t>(1 + round % 61);
    for (std::size_t k = 0; k < size; ++k) {
      state = state * 1103515245u + 12345u;
      text += alphabet[(state >> 16) % alphabet.size()];
    }
    INFO(text);
    CHECK(bracket_depth(text) == by_bytes(text));
  }
}

TEST_CASE("bracket depth read piece by piece is the depth of the whole") {
  const std::string text = "{[(a)]}" + std::string(40, '[') + "x]]]{(" + std::string(30, ')') + "[[[";
  for (std::size_t piece = 1; piece <= 9; ++piece) {
    BracketDepth depth;
    for (std::size_t at = 0; at < text.size(); at += piece) depth.add(std::string_view(text).substr(at, piece));
    CHECK(depth.deepest() == bracket_depth(text));
  }
}
