// Built-in numeric, IPv4 network (cidr*) and base64 functions.
#include "terraform/FunctionLibrary.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace akslint::terraform::functions {

namespace {

// --- numbers ---

template <class F>
Result numeric(Args a, F&& f) {
  std::vector<double> nums;
  for (const Value& v : a) {
    const auto n = to_number(v);
    if (!n) return error();
    nums.push_back(*n);
  }
  if (nums.empty()) return error();
  return ok(Value::number(f(nums)));
}

Result f_min(Args a) { return numeric(a, [](auto& n) { return *std::min_element(n.begin(), n.end()); }); }
Result f_max(Args a) { return numeric(a, [](auto& n) { return *std::max_element(n.begin(), n.end()); }); }
Result f_abs(Args a) { return numeric(a, [](auto& n) { return std::fabs(n[0]); }); }
Result f_ceil(Args a) { return numeric(a, [](auto& n) { return std::ceil(n[0]); }); }
Result f_floor(Args a) { return numeric(a, [](auto& n) { return std::floor(n[0]); }); }
Result f_pow(Args a) { return numeric(a, [](auto& n) { return std::pow(n[0], n[1]); }); }
Result f_signum(Args a) { return numeric(a, [](auto& n) { return n[0] > 0 ? 1.0 : n[0] < 0 ? -1.0 : 0.0; }); }

Result f_sum(Args a) {
  const auto* items = list(a[0]);
  if (items == nullptr || items->empty()) return error();
  return numeric(*items, [](auto& n) {
    double s = 0;
    for (double x : n) s += x;
    return s;
  });
}

Result f_parseint(Args a) {
  auto s = str(a[0]);
  const auto base = integer(a[1]);
  if (!s || !base || *base < 2 || *base > 36) return error();
  long long v = 0;
  const auto [ptr, ec] = std::from_chars(s->data(), s->data() + s->size(), v, static_cast<int>(*base));
  if (ec != std::errc() || ptr != s->data() + s->size()) return error();
  return ok(Value::number(static_cast<double>(v)));
}

// --- IPv4 networks (IPv6 prefixes stay unknown) ---

struct Cidr {
  std::uint32_t address = 0;
  int bits = 0;
};

std::optional<std::uint32_t> parse_ipv4(std::string_view s) {
  std::uint32_t out = 0;
  for (int part = 0; part < 4; ++part) {
    unsigned octet = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), octet);
    if (ec != std::errc() || octet > 255) return std::nullopt;
    out = (out << 8) | octet;
    s.remove_prefix(static_cast<std::size_t>(ptr - s.data()));
    if (part < 3) {
      if (s.empty() || s.front() != '.') return std::nullopt;
      s.remove_prefix(1);
    }
  }
  return s.empty() ? std::optional(out) : std::nullopt;
}

std::optional<Cidr> parse_cidr(std::string_view s) {
  const auto slash = s.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto addr = parse_ipv4(s.substr(0, slash));
  int bits = -1;
  const auto tail = s.substr(slash + 1);
  std::from_chars(tail.data(), tail.data() + tail.size(), bits);
  if (!addr || bits < 0 || bits > 32) return std::nullopt;
  return Cidr{*addr, bits};
}

std::uint32_t mask(int bits) { return bits == 0 ? 0 : ~std::uint32_t{0} << (32 - bits); }

std::string ipv4(std::uint32_t a) {
  return fmt::format("{}.{}.{}.{}", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255);
}

Result f_cidrsubnet(Args a) {
  auto s = str(a[0]);
  const auto newbits = integer(a[1]);
  const auto netnum = integer(a[2]);
  if (!s || !newbits || !netnum) return error();
  if (s->find(':') != std::string::npos) return kUnknown;
  const auto cidr = parse_cidr(*s);
  if (!cidr || *newbits < 0) return error();
  const int bits = cidr->bits + static_cast<int>(*newbits);
  if (bits > 32 || *netnum < 0 || *netnum >= (1LL << *newbits)) return error();
  const std::uint32_t base = cidr->address & mask(cidr->bits);
  const auto sub = base | static_cast<std::uint32_t>(static_cast<unsigned long long>(*netnum) << (32 - bits));
  return ok(Value::string(fmt::format("{}/{}", ipv4(sub), bits)));
}

Result f_cidrhost(Args a) {
  auto s = str(a[0]);
  const auto host = integer(a[1]);
  if (!s || !host) return error();
  if (s->find(':') != std::string::npos) return kUnknown;
  const auto cidr = parse_cidr(*s);
  if (!cidr) return error();
  const long long size = 1LL << (32 - cidr->bits);
  const long long index = *host < 0 ? size + *host : *host;
  if (index < 0 || index >= size) return error();
  return ok(Value::string(ipv4((cidr->address & mask(cidr->bits)) + static_cast<std::uint32_t>(index))));
}

Result f_cidrnetmask(Args a) {
  auto s = str(a[0]);
  if (!s) return error();
  const auto cidr = parse_cidr(*s);
  return cidr ? ok(Value::string(ipv4(mask(cidr->bits)))) : error();
}

// --- base64 ---

constexpr std::string_view kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

Result f_base64encode(Args a) {
  auto s = str(a[0]);
  if (!s) return error();
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < s->size(); i += 3) {
    const auto n = (unsigned((*s)[i]) & 255) << 16 | (unsigned((*s)[i + 1]) & 255) << 8 | (unsigned((*s)[i + 2]) & 255);
    for (int k = 18; k >= 0; k -= 6) out += kBase64[(n >> k) & 63];
  }
  if (i < s->size()) {
    unsigned n = (unsigned((*s)[i]) & 255) << 16;
    if (i + 1 < s->size()) n |= (unsigned((*s)[i + 1]) & 255) << 8;
    out += kBase64[(n >> 18) & 63];
    out += kBase64[(n >> 12) & 63];
    out += i + 1 < s->size() ? kBase64[(n >> 6) & 63] : '=';
    out += '=';
  }
  return ok(Value::string(out));
}

constexpr FunctionDef kFunctions[] = {
    {"abs", 1, 1, true, f_abs},
    {"base64encode", 1, 1, true, f_base64encode},
    {"ceil", 1, 1, true, f_ceil},
    {"cidrhost", 2, 2, true, f_cidrhost},
    {"cidrnetmask", 1, 1, true, f_cidrnetmask},
    {"cidrsubnet", 3, 3, true, f_cidrsubnet},
    {"floor", 1, 1, true, f_floor},
    {"max", 1, kMany, true, f_max},
    {"min", 1, kMany, true, f_min},
    {"parseint", 2, 2, true, f_parseint},
    {"pow", 2, 2, true, f_pow},
    {"signum", 1, 1, true, f_signum},
    {"sum", 1, 1, true, f_sum},
};

}  // namespace

std::span<const FunctionDef> number_functions() { return kFunctions; }

}  // namespace akslint::terraform::functions
