#include <akslint/model/Utf8.h>

#include <akslint/model/ByteWords.h>

#include <algorithm>

namespace akslint {

void append_utf8(std::string& out, std::uint32_t code_point) {
  const std::uint32_t cp = code_point;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

Utf8Sequence utf8_sequence(std::string_view text) {
  const auto lead = static_cast<unsigned char>(text[0]);
  std::size_t length = 0;
  unsigned char low = 0x80;  // the second byte's range, narrower after some leads
  unsigned char high = 0xBF;
  if (lead < 0x80) return {1, true};
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // past U+10FFFF
  } else {
    return {1, false};  // a continuation byte, C0, C1 (overlong) or F5 and up
  }
  for (std::size_t i = 1; i < length; ++i) {
    if (i >= text.size()) return {i, false};
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < low || byte > high) return {i, false};
    low = 0x80;
    high = 0xBF;
  }
  return {length, true};
}

std::size_t append_repaired_utf8(std::string& out, std::string_view text) {
  const Utf8Sequence sequence = utf8_sequence(text);
  out.append(sequence.valid ? text.substr(0, sequence.length) : std::string_view("\xEF\xBF\xBD"));
  return sequence.length;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  Utf8Check check;
  check.check(text, text.size());
  return check.first_invalid();
}

void Utf8Check::check(std::string_view text, std::size_t end) {
  if (invalid_) return;
  end = std::min(end, text.size());
  std::size_t i = next_;
  while (i < end) {
    // Runs of ASCII, most of every file, sixteen bytes at a time.
    if (i + words::kBlockSize <= text.size() && words::marks(words::load_block(text, i)).none()) {
      i += words::kBlockSize;
      continue;
    }
    const Utf8Sequence sequence = utf8_sequence(text.substr(i));
    if (!sequence.valid) {
      invalid_ = i;
      return;
    }
    i += sequence.length;
  }
  next_ = i;
}

}  // namespace akslint
