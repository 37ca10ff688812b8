// The emitters' JSON writer against nlohmann's dump(2), the layout the logs have always had:
// the same bytes for random documents and random strings, invalid UTF-8 included.
#include "JsonWriter.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <ostream>
#include <random>
#include <streambuf>
#include <string>
#include <vector>

using namespace akslint;
using emit::JsonWriter;
using json = nlohmann::ordered_json;

namespace {

// Bytes that matter to escaping and to UTF-8 more often than chance would give them.
std::string random_bytes(std::mt19937& rng) {
  static constexpr unsigned char kInteresting[] = {'"', '\\', '\n', '\t', 0x01, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC2,
                                                   0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x90, 0x8F};
  std::string out;
  const auto size = std::uniform_int_distribution<int>(0, 12)(rng);
  for (int i = 0; i < size; ++i) {
    const auto pick = std::uniform_int_distribution<int>(0, 2)(rng);
    if (pick == 0) {
      out += static_cast<char>(kInteresting[std::uniform_int_distribution<std::size_t>(0, std::size(kInteresting) - 1)(rng)]);
    } else if (pick == 1) {
      out += static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
    } else {
      out += static_cast<char>(std::uniform_int_distribution<int>('a', 'z')(rng));
    }
  }
  return out;
}

json random_document(std::mt19937& rng, int depth) {
  const auto kind = std::uniform_int_distribution<int>(0, depth > 3 ? 4 : 6)(rng);
  switch (kind) {
    case 0: return nullptr;
    case 1: return std::uniform_int_distribution<int>(0, 1)(rng) == 1;
    case 2: return std::uniform_int_distribution<std::uint32_t>(0, 4'000'000'000u)(rng);
    case 3: return std::uniform_int_distribution<int>(-50, 50)(rng);
    case 4: return random_bytes(rng);
    default: break;
  }
  const auto size = std::uniform_int_distribution<int>(0, 4)(rng);
  json out = kind == 5 ? json::array() : json::object();
  for (int i = 0; i < size; ++i) {
    if (kind == 5) {
      out.push_back(random_document(rng, depth + 1));
    } else {
      out[random_bytes(rng) + std::to_string(i)] = random_document(rng, depth + 1);
    }
  }
  return out;
}

void write(JsonWriter& out, const json& value) {
  switch (value.type()) {
    case json::value_t::object:
      out.begin_object();
      for (const auto& [key, member] : value.items()) {
        out.key(key);
        write(out, member);
      }
      out.end();
      return;
    case json::value_t::array:
      out.begin_array();
      for (const json& element : value) write(out, element);
      out.end();
      return;
    case json::value_t::string: out.value(value.get_ref<const std::string&>()); return;
    case json::value_t::boolean: out.value(value.get<bool>()); return;
    case json::value_t::number_unsigned: out.value(value.get<std::uint64_t>()); return;
    case json::value_t::number_integer: out.value(value.get<std::int64_t>()); return;
    default: out.value(nullptr); return;
  }
}

std::string dumped(const json& value) { return value.dump(2, ' ', false, json::error_handler_t::replace); }

}  // namespace

TEST_CASE("json writer: random documents are the bytes of dump(2), invalid UTF-8 replaced as dump replaces it") {
  std::mt19937 rng(20261128);
  for (int n = 0; n < 2'000; ++n) {
    const json document = random_document(rng, 0);
    JsonWriter out;
    write(out, document);
    const std::string text = std::move(out).take();
    INFO(dumped(document));
    REQUIRE(text == dumped(document));
    CHECK(json::parse(text) == json::parse(dumped(document)));  // and it is JSON
  }
}

TEST_CASE("json writer: elements written apart are indented for where they land, on any thread count") {
  std::mt19937 rng(7);
  std::vector<json> elements;
  for (int i = 0; i < 40; ++i) elements.push_back(random_document(rng, 1));
  const json document = {{"a", {{"b", elements}}}, {"c", json::array()}};
  for (const unsigned jobs : {1u, 4u}) {
    JsonWriter out;
    out.begin_object();
    out.key("a");
    out.begin_object();
    out.key("b");
    out.array_of(elements.size(), jobs, [&](std::size_t i, JsonWriter& element) { write(element, elements[i]); });
    out.end();
    out.key("c");
    out.array_of(0, jobs, [&](std::size_t, JsonWriter&) { FAIL("no elements to write"); });
    out.end();
    CHECK(std::move(out).take() == dumped(document));
  }
}

namespace {

// A stream that keeps what it is given and the size of each piece it was given in.
class PieceRecorder : public std::streambuf {
 public:
  std::string text;
  std::vector<std::size_t> pieces;

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    text.append(s, static_cast<std::size_t>(n));
    pieces.push_back(static_cast<std::size_t>(n));
    return n;
  }
  int_type overflow(int_type c) override {
    if (c != traits_type::eof()) xsputn(reinterpret_cast<const char*>(&c), 1);
    return c;
  }
};

}  // namespace

TEST_CASE("json writer: streamed, a large log reaches its sink in pieces, with the bytes it has as a whole") {
  std::mt19937 rng(11);
  json listed = json::array();  // written member by member, as the artifacts are
  for (int i = 0; i < 2'000; ++i) listed.push_back({{"uri", "dir/file" + std::to_string(i) + ".tf"}, {"n", i}});
  std::vector<json> results;  // written apart, as the results are
  for (int i = 0; i < 1'000; ++i) results.push_back({{"message", std::string(600, 'm')}, {"more", random_document(rng, 1)}});
  const json document = {{"artifacts", listed}, {"results", results}};
  for (const unsigned jobs : {1u, 4u}) {
    PieceRecorder sink;
    std::ostream stream(&sink);
    JsonWriter out(stream);
    out.begin_object();
    out.key("artifacts");
    write(out, listed);
    out.key("results");
    out.array_of(results.size(), jobs, [&](std::size_t i, JsonWriter& element) { write(element, results[i]); });
    out.end();
    out.flush();
    REQUIRE(sink.text == dumped(document));
    // 0.8 MB in pieces of about 64 KiB, or of a block of 128 results: never held whole.
    CHECK(sink.pieces.size() >= 10);
    CHECK(*std::max_element(sink.pieces.begin(), sink.pieces.end()) < sink.text.size() / 4);
  }
}
