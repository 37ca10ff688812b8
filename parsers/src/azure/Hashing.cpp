#include "azure/Hashing.h"

#include <fmt/format.h>

namespace akslint::azure {

namespace {

constexpr std::uint32_t rotl(std::uint32_t x, int r) { return (x << r) | (x >> (32 - r)); }

constexpr std::uint32_t fmix(std::uint32_t h) {
  h ^= h >> 16;
  h *= 0x85ebca6bU;
  h ^= h >> 13;
  h *= 0xc2b2ae35U;
  h ^= h >> 16;
  return h;
}

// Little-endian read of up to four bytes.
std::uint32_t read_le(std::string_view s, std::size_t at, std::size_t count) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < count; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + i])) << (8 * i);
  return v;
}

constexpr std::uint32_t kC1 = 0x239b961bU;
constexpr std::uint32_t kC2 = 0xab0e9789U;

std::uint32_t scramble1(std::uint32_t k) { return rotl(k * kC1, 15) * kC2; }
std::uint32_t scramble2(std::uint32_t k) { return rotl(k * kC2, 17) * kC1; }

}  // namespace

std::uint64_t murmur_hash64(std::string_view bytes) {
  const std::size_t length = bytes.size();
  std::uint32_t h1 = 0;
  std::uint32_t h2 = 0;
  std::size_t i = 0;
  for (; i + 8 <= length; i += 8) {
    h1 ^= scramble1(read_le(bytes, i, 4));
    h1 = rotl(h1, 19) + h2;
    h1 = h1 * 5 + 0x561ccd1bU;
    h2 ^= scramble2(read_le(bytes, i + 4, 4));
    h2 = rotl(h2, 13) + h1;
    h2 = h2 * 5 + 0x0bcaa747U;
  }
  const std::size_t tail = length - i;
  if (tail > 0) {
    h1 ^= scramble1(read_le(bytes, i, tail < 4 ? tail : 4));
    if (tail > 4) h2 ^= scramble2(read_le(bytes, i + 4, tail - 4));
  }
  h1 ^= static_cast<std::uint32_t>(length);
  h2 ^= static_cast<std::uint32_t>(length);
  h1 += h2;
  h2 += h1;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h1 += h2;
  h2 += h1;
  return (static_cast<std::uint64_t>(h2) << 32) | h1;
}

std::string unique_string(std::string_view joined) {
  static constexpr std::string_view kAlphabet = "abcdefghijklmnopqrstuvwxyz234567";
  std::uint64_t hash = murmur_hash64(joined);
  std::string out;
  for (int i = 0; i < 13; ++i) {
    out += kAlphabet[hash >> 59];
    hash <<= 5;
  }
  return out;
}

std::array<std::uint8_t, 20> sha1(std::string_view bytes) {
  std::uint32_t h[5] = {0x67452301U, 0xEFCDAB89U, 0x98BADCFEU, 0x10325476U, 0xC3D2E1F0U};
  std::string msg(bytes);
  const std::uint64_t bit_length = static_cast<std::uint64_t>(bytes.size()) * 8;
  msg += static_cast<char>(0x80);
  while (msg.size() % 64 != 56) msg += '\0';
  for (int i = 7; i >= 0; --i) msg += static_cast<char>((bit_length >> (8 * i)) & 0xFF);
  for (std::size_t block = 0; block < msg.size(); block += 64) {
    std::uint32_t w[80];
    for (std::size_t t = 0; t < 16; ++t) {
      w[t] = 0;
      for (std::size_t b = 0; b < 4; ++b) w[t] = (w[t] << 8) | static_cast<unsigned char>(msg[block + 4 * t + b]);
    }
    for (std::size_t t = 16; t < 80; ++t) w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (std::size_t t = 0; t < 80; ++t) {
      std::uint32_t f = 0;
      std::uint32_t k = 0;
      if (t < 20) {
        f = (b & c) | (~b & d);
        k = 0x5A827999U;
      } else if (t < 40) {
        f = b ^ c ^ d;
        k = 0x6ED9EBA1U;
      } else if (t < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8F1BBCDCU;
      } else {
        f = b ^ c ^ d;
        k = 0xCA62C1D6U;
      }
      const std::uint32_t temp = rotl(a, 5) + f + e + k + w[t];
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = temp;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
  }
  std::array<std::uint8_t, 20> out{};
  for (std::size_t i = 0; i < 20; ++i) out[i] = static_cast<std::uint8_t>(h[i / 4] >> (24 - 8 * (i % 4)));
  return out;
}

std::string template_guid(std::string_view joined) {
  // The namespace in network byte order, as RFC 4122 hashes it.
  static constexpr std::uint8_t kNamespace[16] = {0x11, 0xfb, 0x06, 0xfb, 0x71, 0x2d, 0x4d, 0xdd,
                                                  0x98, 0xc7, 0xe7, 0x1b, 0xbd, 0x58, 0x88, 0x30};
  std::string input(reinterpret_cast<const char*>(kNamespace), sizeof kNamespace);
  input += joined;
  auto digest = sha1(input);
  digest[6] = static_cast<std::uint8_t>((digest[6] & 0x0F) | 0x50);
  digest[8] = static_cast<std::uint8_t>((digest[8] & 0x3F) | 0x80);
  std::string out;
  for (std::size_t i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += fmt::format("{:02x}", digest[i]);
  }
  return out;
}

}  // namespace akslint::azure
