// Columns in code points, counted through the file's block index, against a plain count.
#include <akslint/model/SourceFile.h>

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>

using namespace akslint;

namespace {

std::uint32_t plain_count(const std::string& text, std::uint32_t from, std::uint32_t to) {
  std::uint32_t n = 0;
  for (std::uint32_t i = from; i < to && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("code points in any range of a long line with multibyte text match a plain count", "[model]") {
  // One line of 40,000 bytes (ten blocks) mixing ASCII, 2-, 3- and 4-byte characters.
  std::string text;
  const char* pieces[] = {"abc", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "xyz=\"", "\xC3\xBC"};
  for (std::size_t i = 0; text.size() < 40000; ++i) text += pieces[(i * 7) % 6];
  FileTable files;
  const SourceFile& file = files[files.add({"plan.json", FileFormat::TerraformPlan, text})];
  REQUIRE(file.continuations_before_block.size() > 9);
  std::mt19937 random(42);
  std::uniform_int_distribution<std::uint32_t> offset(0, static_cast<std::uint32_t>(text.size()));
  for (int i = 0; i < 2000; ++i) {
    std::uint32_t a = offset(random);
    std::uint32_t b = offset(random);
    if (a > b) std::swap(a, b);
    INFO(a << ".." << b);
    REQUIRE(file.code_points(a, b) == plain_count(text, a, b));
  }
  CHECK(file.code_points(0, static_cast<std::uint32_t>(text.size())) ==
        plain_count(text, 0, static_cast<std::uint32_t>(text.size())));
  CHECK(file.code_points(10, 10) == 0);
}

TEST_CASE("a file made outside a table counts code points without an index", "[model]") {
  const SourceFile file{"a.tf", FileFormat::Terraform, "x = \"\xC3\xA9t\xC3\xA9\"\n"};
  CHECK(file.code_points(0, 11) == 9);  // x = "été": 11 bytes, 9 code points
}
