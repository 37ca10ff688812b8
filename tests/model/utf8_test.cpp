// UTF-8 validation finds the first bad sequence wherever it sits, in a run of ASCII or after it.
#include <akslint/model/Utf8.h>

#include <catch2/catch.hpp>

#include <string>

using namespace akslint;

TEST_CASE("utf8: valid text passes, ASCII or not, at any length") {
  std::string text;
  for (int n = 0; n < 40; ++n) {
    CHECK_FALSE(first_invalid_utf8(text).has_value());
    text += n % 7 == 3 ? "\xC3\xA9" : n % 11 == 5 ? "\xF0\x9F\x98\x80" : "a";
  }
}

TEST_CASE("utf8: each kind of bad sequence is found at its first byte, at every position") {
  const std::string bad[] = {
      "\xFF",              // never a UTF-8 byte
      "\x80",              // a continuation byte on its own
      "\xC3",              // cut short by the end
      "\xC3(",             // cut short by an ASCII byte
      "\xC0\xAF",          // overlong
      "\xE0\x80\xAF",      // overlong, three bytes
      "\xED\xA0\x80",      // a surrogate
      "\xF4\x90\x80\x80",  // past U+10FFFF
  };
  for (const std::string& sequence : bad) {
    for (std::size_t at = 0; at < 20; ++at) {
      const std::string text = std::string(at, 'x') + sequence + std::string(at % 9, 'y');
      INFO("at " << at);
      CHECK(first_invalid_utf8(text) == at);
    }
  }
}

TEST_CASE("utf8: a bad sequence's maximal subparts, each one U+FFFD, as Unicode's example has them") {
  // Unicode 15, section 3.9, table 3-8: 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64 is
  // a, FFFD, FFFD, FFFD, b, FFFD, c, FFFD, FFFD, d.
  const std::string text = "\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64";
  std::string decoded;
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Sequence sequence = utf8_sequence(std::string_view(text).substr(i));
    decoded += sequence.valid ? text.substr(i, sequence.length) : "<?>";
    i += sequence.length;
  }
  CHECK(decoded == "a<?><?><?>b<?>c<?><?>d");
}

TEST_CASE("utf8: well-formed sequences of every length are whole characters") {
  for (const std::string sequence : {"a", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF"}) {
    const Utf8Sequence found = utf8_sequence(sequence + "z");
    CHECK(found.valid);
    CHECK(found.length == sequence.size());
  }
}

TEST_CASE("utf8: checked stretch by stretch, a text gives what it gives whole, sequences across the cuts included") {
  std::string text;
  const char* pieces[] = {"ab", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "0123456789abcdefgh"};
  for (std::size_t i = 0; text.size() < 300; ++i) text += pieces[(i * 3) % 5];
  std::string spoilt = text;
  spoilt[200] = '\xFF';
  for (const std::string* t : {&text, &spoilt}) {
    for (std::size_t stretch = 1; stretch <= 40; ++stretch) {
      Utf8Check check;
      for (std::size_t end = stretch; end < t->size() + stretch; end += stretch) check.check(*t, end);
      INFO("stretch " << stretch);
      CHECK(check.first_invalid() == first_invalid_utf8(*t));
    }
  }
  CHECK_FALSE(first_invalid_utf8(text).has_value());
  REQUIRE(first_invalid_utf8(spoilt).has_value());
  CHECK(*first_invalid_utf8(spoilt) <= 200);
}
