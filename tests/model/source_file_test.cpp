// Columns in code points and rows, counted through the file's block index, against a plain
// count and a LineIndex.
#include <akslint/model/LineIndex.h>
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
  REQUIRE(file.blocks.size() > 9);
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

namespace {

// Pads `text` with 'x' up to `size` bytes.
void pad_to(std::string& text, std::size_t size) {
  if (text.size() < size) text.append(size - text.size(), 'x');
}

}  // namespace

TEST_CASE("rows and columns through the block index match a LineIndex at every offset", "[model]") {
  // About 20,000 bytes (five blocks) of short lines ending in LF, CRLF or a lone CR, with 2-, 3-
  // and 4-byte characters; a CRLF straddles the first block boundary, a lone CR ends the
  // second block and an LF starts the fourth.
  constexpr std::size_t kBlock = SourceFile::kBlock;
  const char* pieces[] = {"a = 1\n", "b = \"\xC3\xA9\"\r\n", "\xE2\x82\xAC\r", "c\r\n", "\xF0\x9F\x98\x80 d\n", "\r",
                          "\n", "\xC3\xBCml\r\n"};
  std::string text;
  const auto append = [&](std::size_t up_to) {
    for (std::size_t i = 0; text.size() + 16 < up_to; ++i) text += pieces[(i * 5) % 8];
    pad_to(text, up_to);
  };
  append(kBlock - 1);
  text += "\r\n";  // bytes 4095 and 4096
  append(2 * kBlock - 1);
  text += "\ry";  // a lone CR as the block's last byte
  append(3 * kBlock);
  text += "\n";  // an LF as the block's first byte
  append(20000);
  text += "\r";  // ends in a lone CR
  REQUIRE(text.substr(kBlock - 1, 2) == "\r\n");
  REQUIRE(text[2 * kBlock - 1] == '\r');
  REQUIRE(text[2 * kBlock] == 'y');
  REQUIRE(text[3 * kBlock] == '\n');

  FileTable files;
  const FileId id = files.add({"mixed.tf", FileFormat::Terraform, text});
  const SourceFile& file = files[id];
  REQUIRE(file.blocks.size() > 4);
  const SourceFile unindexed{"mixed.tf", FileFormat::Terraform, text};
  const LineIndex lines(text);
  REQUIRE(lines.rows() > 1000);
  for (std::uint32_t offset = 0; offset <= text.size(); ++offset) {
    INFO("offset " << offset);
    const SourcePoint expected = lines.point(offset);
    REQUIRE(file.point(offset) == expected);
    REQUIRE(files.start(SourceSpan{id, offset, offset}) == expected);
    REQUIRE(files.end(SourceSpan{id, 0, offset}) == expected);
    if (offset % 97 == 0) REQUIRE(unindexed.point(offset) == expected);
  }
  CHECK(file.point(static_cast<std::uint32_t>(text.size())) == SourcePoint{lines.rows() - 1, 0});
}

TEST_CASE("one long line without a line break is row 0 and column equal to the offset", "[model]") {
  // Over three blocks, with multi-byte characters: the column counts bytes.
  std::string text;
  for (std::size_t i = 0; text.size() < 3 * SourceFile::kBlock + 1000; ++i) text += i % 3 == 0 ? "\xE2\x82\xAC" : "ab";
  FileTable files;
  const SourceFile& file = files[files.add({"plan.json", FileFormat::TerraformPlan, text})];
  REQUIRE(file.blocks.size() == 4);
  const LineIndex lines(text);
  for (std::uint32_t offset = 0; offset <= text.size(); ++offset) {
    INFO("offset " << offset);
    REQUIRE(file.point(offset) == SourcePoint{0, offset});
    REQUIRE(lines.point(offset) == SourcePoint{0, offset});
  }
}

TEST_CASE("a table finds a file by its path, exactly or ignoring ASCII case, the first added first", "[model]") {
  FileTable files;
  const FileId main = files.add({"infra/Main.bicep", FileFormat::Bicep, "param a string\n"});
  const FileId twin = files.add({"infra/main.bicep", FileFormat::Bicep, ""});
  const FileId other = files.add({"infra/Main.bicep", FileFormat::Bicep, "again\n"});  // a path added twice
  REQUIRE(other != main);
  CHECK(files.find("infra/Main.bicep") == main);
  CHECK(files.find("infra/main.bicep") == twin);
  CHECK_FALSE(files.find("infra/MAIN.bicep").has_value());
  CHECK_FALSE(files.find("infra").has_value());
  CHECK(files.find_ignoring_case("INFRA/MAIN.BICEP") == main);
  CHECK(files.find_ignoring_case("infra/main.bicep") == main);
  CHECK_FALSE(files.find_ignoring_case("infra/main.bice").has_value());
}

TEST_CASE("the index finds how deep brackets nest and the first bytes that are not UTF-8, across its blocks", "[model]") {
  // A character cut by the 1,024-byte block boundary is whole; a bad byte after it is found.
  std::string text(SourceFile::kBlock - 1, 'a');
  text += "\xE2\x82\xAC";  // the euro sign, bytes 1023 to 1025
  text += std::string(40, '[') + "]]" + std::string(2000, 'b') + "{";
  FileTable files;
  const SourceFile& whole = files[files.add({"main.tf", FileFormat::Terraform, text})];
  CHECK(whole.deepest_bracket == 40);
  CHECK_FALSE(whole.invalid_utf8.has_value());
  text[3000] = '\x80';
  const SourceFile& spoilt = files[files.add({"other.tf", FileFormat::Terraform, text})];
  CHECK(spoilt.invalid_utf8 == 3000u);
  CHECK(spoilt.deepest_bracket == 40);
}
