#include <akslint/model/JsonString.h>

#include <akslint/model/ByteWords.h>
#include <akslint/model/Utf8.h>

#include <cstdint>

namespace akslint {

namespace {

void append_escape(std::string& out, unsigned char c) {
  switch (c) {
    case '\b': out += "\\b"; return;
    case '\t': out += "\\t"; return;
    case '\n': out += "\\n"; return;
    case '\f': out += "\\f"; return;
    case '\r': out += "\\r"; return;
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    default: break;
  }
  constexpr std::string_view kHex = "0123456789abcdef";
  out += "\\u00";
  out += kHex[c >> 4];
  out += kHex[c & 0xF];
}

bool plain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

// Whether some byte of `word` is not plain.
bool needs_care(std::uint64_t word) {
  return ((word & words::kHighBits) | words::bytes_below(word, 0x20) | words::equal_bytes(word, '"') |
          words::equal_bytes(word, '\\')) != 0;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  std::size_t run = 0;  // where the bytes not yet appended start
  std::size_t i = 0;
  while (i < text.size()) {
    // Runs of plain ASCII, most of every string, eight bytes at a time.
    if (i + 8 <= text.size() && !needs_care(words::load(text, i))) {
      i += 8;
      continue;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (plain(c)) {
      ++i;
      continue;
    }
    out.append(text.substr(run, i - run));
    if (c < 0x80) {
      append_escape(out, c);
      ++i;
    } else {
      i += append_repaired_utf8(out, text.substr(i));
    }
    run = i;
  }
  out.append(text.substr(run));
  out += '"';
}

}  // namespace akslint
