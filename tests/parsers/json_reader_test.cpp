// The JSON reader: well-formed JSON through the scanner, the rest through the tree-sitter
// reader that recovers, and the two agreeing value for value, span for span.
#include "json/JsonReader.h"
#include "json/JsonScanner.h"

#include "support/TestSupport.h"
#include "support/ValueDifference.h"

#include <catch2/catch.hpp>

#include <filesystem>

#include <fcntl.h>

using namespace akslint;

namespace {

SourceFile json_file(std::string text) { return {"t.json", FileFormat::ArmTemplate, std::move(text)}; }

std::string first_difference(const JsonDocument& fast, const JsonDocument& recovering) {
  if (fast.root.has_value() != recovering.root.has_value()) return "one reader gave a value, the other none";
  if (fast.diagnostics.size() != recovering.diagnostics.size()) return "diagnostic counts differ";
  for (std::size_t i = 0; i < fast.diagnostics.size(); ++i) {
    const auto& a = fast.diagnostics[i];
    const auto& b = recovering.diagnostics[i];
    if (a.code != b.code || a.message != b.message || a.span.begin_byte != b.span.begin_byte) {
      return "diagnostics differ: " + a.message + " / " + b.message;
    }
  }
  return fast.root ? testing::first_difference(*fast.root, *recovering.root) : std::string();
}

JsonDocument read(const std::string& text) { return read_json(json_file(text), 0); }

}  // namespace

TEST_CASE("json: comments, a byte-order mark and line breaks in strings are read as Azure reads them") {
  const std::string text =
      "\xEF\xBB\xBF// leading\n{ /* a */ \"a\" /* b */ : [1, 2.5e-1, -0] // c\n, \"b\": \"x\ny\", \"c\": {}}\n// end";
  const auto doc = read(text);
  REQUIRE(doc.root);
  CHECK(doc.diagnostics.empty());
  CHECK(doc.root->find("a")->as_array()->size() == 3);
  CHECK(*(*doc.root->find("a")->as_array())[1].as_number() == 0.25);
  CHECK(*doc.root->find("b")->as_string() == "x\ny");
  CHECK(first_difference(doc, read_json_with_recovery(json_file(text), 0)).empty());
}

TEST_CASE("json: escapes are decoded, surrogate pairs joined") {
  const auto doc = read(R"({"s": "q\" b\\ s\/ \n\t \u00e9 \ud83d\ude00"})");
  REQUIRE(doc.root);
  CHECK(*doc.root->find("s")->as_string() == "q\" b\\ s/ \n\t \xC3\xA9 \xF0\x9F\x98\x80");
}

TEST_CASE("json: spans cover each value and key as written") {
  const std::string text = R"({ "key" : [ true , null ] })";
  const auto doc = read(text);
  REQUIRE(doc.root);
  const auto& member = doc.root->as_object()->front();
  CHECK(text.substr(member.key_span.begin_byte, member.key_span.end_byte - member.key_span.begin_byte) == "\"key\"");
  const auto& list = member.value.span();
  CHECK(text.substr(list.begin_byte, list.end_byte - list.begin_byte) == "[ true , null ]");
  CHECK(doc.root->span().begin_byte == 0);
  CHECK(doc.root->span().end_byte == text.size());
}

TEST_CASE("json: what the scanner does not take goes to the reader that recovers, with the same result") {
  // Trailing commas (Azure accepts them), two documents, a fraction without digits, an escape
  // JSON does not have, an unclosed comment, nothing at all.
  for (const std::string text : {"{\"a\": [1, 2,], }", "{} {\"b\": 1}", "[1.]", R"(["\x"])", "[1] /* open", "",
                                 "  // only a comment\n", "{\"a\": tru}", "[01]"}) {
    INFO(text);
    const auto recovering = read_json_with_recovery(json_file(text), 0);
    CHECK(first_difference(read(text), recovering).empty());
  }
  CHECK(read("{\"a\": [1, 2,], }").root->find("a")->as_array()->size() == 2);
  CHECK(read("[1.]").root.has_value());
  CHECK(read("{} {\"b\": 1}").root->as_object()->empty());
  for (const std::string text : {R"(["\x"])", "[1] /* open", "", "{\"a\": tru}"}) {
    INFO(text);
    CHECK_FALSE(read(text).root.has_value());
    CHECK_FALSE(read(text).diagnostics.empty());
  }
}

TEST_CASE("json: an exponent with a plus sign is valid JSON and read, which the grammar alone rejected") {
  const auto doc = read("[1e+3, 2E+0]");
  REQUIRE(doc.root);
  CHECK(*doc.root->as_array()->front().as_number() == 1000);
  CHECK_FALSE(read_json_with_recovery(json_file("[1e+3, 2E+0]"), 0).root.has_value());
}

// Every JSON file of the test fixtures and of the shared corpus (when it is there): where the
// reader that recovers reads a value, the JSON reader reads the same, spans included.
TEST_CASE("json: the scanner and the reader that recovers agree on every JSON file at hand") {
  std::vector<std::filesystem::path> roots{AKSLINT_SOURCE_DIR "/tests"};
  if (std::filesystem::exists(AKSLINT_SOURCE_DIR "/../shared/corpus")) {
    roots.emplace_back(AKSLINT_SOURCE_DIR "/../shared/corpus");
  } else {
    WARN("corpus absent; only the test fixtures are compared");
  }
  std::size_t files = 0;
  std::vector<std::string> differences;
  for (const auto& root : roots) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
      const SourceFile file = json_file(testing::read_file(entry.path()));
      const auto recovering = read_json_with_recovery(file, 0);
      if (!recovering.root) continue;
      ++files;
      const auto doc = read_json(file, 0);
      if (auto d = first_difference(doc, recovering); !d.empty()) differences.push_back(entry.path().string() + ": " + d);
    }
  }
  INFO(files << " files compared; the first differences:\n" << [&] {
    std::string first;
    for (std::size_t i = 0; i < std::min<std::size_t>(differences.size(), 20); ++i) first += differences[i] + "\n";
    return first;
  }());
  CHECK(files > 50);
  CHECK(differences.empty());
}

TEST_CASE("json scanner: a mapped text's pages are handed back as the scanner passes them") {
  std::string text = "[";
  std::size_t written = 1;
  for (; text.size() < (std::size_t{8} << 20); ++written) text += R"({"name": "pool", "count": [1, 2, 3]}, )";
  text += "{}]";
  const akslint::testing::TempDir dir;
  const auto path = dir.write("plan.json", text);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  auto mapped = SourceText::map(fd, text.size(), path.string(), 64 << 10);
  REQUIRE(mapped.has_value());
  const auto resident_kib = [&] { return akslint::testing::mapping_of(mapped->data())->rss_kib; };
  std::size_t elements = 0;
  std::size_t most_resident = 0;
  {
    JsonScanner scanner(*mapped, 0);
    CHECK(scanner.elements([&] {
      if (++elements % 20000 == 0) most_resident = std::max(most_resident, resident_kib());
      scanner.skip();
    }));
    CHECK_FALSE(scanner.failed());
  }
  CHECK(elements == written);
  // One window, rounded out to the page cache's folios (up to 2 MiB), of the 8 MiB.
  CHECK(most_resident <= 64 + 2048);
  CHECK(resident_kib() <= 2048);
}
