#include "terraform/Functions.h"

#include "terraform/Evaluator.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace akslint::terraform {

namespace {

using Args = std::span<const Value>;
using Result = std::optional<CallResult>;

Result ok(Value v) { return CallResult{std::move(v), false}; }
Result error() { return CallResult{Value::null(), true}; }
constexpr Result kUnknown = std::nullopt;

std::optional<std::string> str(const Value& v) { return to_template_string(v); }

// A list argument: arrays, or null treated as an error by the caller.
const Value::Array* list(const Value& v) { return v.as_array(); }

std::optional<long long> integer(const Value& v) {
  const auto n = to_number(v);
  if (!n || std::floor(*n) != *n) return std::nullopt;
  return static_cast<long long>(*n);
}

Value strings(std::vector<std::string> items) {
  Value::Array out;
  for (auto& s : items) out.push_back(Value::string(std::move(s)));
  return Value::array(std::move(out));
}

// --- strings ---

Result f_lower(Args a) {
  auto s = str(a[0]);
  if (!s) return error();
  std::transform(s->begin(), s->end(), s->begin(), [](char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; });
  return ok(Value::string(*s));
}

Result f_upper(Args a) {
  auto s = str(a[0]);
  if (!s) return error();
  std::transform(s->begin(), s->end(), s->begin(), [](char c) { return c >= 'a' && c <= 'z' ? char(c - 32) : c; });
  return ok(Value::string(*s));
}

Result f_title(Args a) {
  auto s = str(a[0]);
  if (!s) return error();
  bool start = true;
  for (char& c : *s) {
    if (start && c >= 'a' && c <= 'z') c = char(c - 32);
    start = c == ' ' || c == '\t' || c == '\n' || c == '-' || c == '_';
  }
  return ok(Value::string(*s));
}

std::string trim_set(std::string s, std::string_view set, bool left, bool right) {
  if (right) s.erase(s.find_last_not_of(set) + 1);
  if (left) s.erase(0, std::min(s.find_first_not_of(set), s.size()));
  return s;
}

Result f_trimspace(Args a) {
  auto s = str(a[0]);
  return s ? ok(Value::string(trim_set(*s, " \t\r\n\v\f", true, true))) : error();
}

Result f_trim(Args a) {
  auto s = str(a[0]);
  auto set = str(a[1]);
  return s && set ? ok(Value::string(trim_set(*s, *set, true, true))) : error();
}

Result f_chomp(Args a) {
  auto s = str(a[0]);
  if (!s) return error();
  while (!s->empty() && (s->back() == '\n' || s->back() == '\r')) s->pop_back();
  return ok(Value::string(*s));
}

Result f_trimprefix(Args a) {
  auto s = str(a[0]);
  auto p = str(a[1]);
  if (!s || !p) return error();
  if (s->starts_with(*p)) s->erase(0, p->size());
  return ok(Value::string(*s));
}

Result f_trimsuffix(Args a) {
  auto s = str(a[0]);
  auto p = str(a[1]);
  if (!s || !p) return error();
  if (s->ends_with(*p)) s->erase(s->size() - p->size());
  return ok(Value::string(*s));
}

Result f_startswith(Args a) {
  auto s = str(a[0]);
  auto p = str(a[1]);
  return s && p ? ok(Value::boolean(s->starts_with(*p))) : error();
}

Result f_endswith(Args a) {
  auto s = str(a[0]);
  auto p = str(a[1]);
  return s && p ? ok(Value::boolean(s->ends_with(*p))) : error();
}

Result f_strcontains(Args a) {
  auto s = str(a[0]);
  auto p = str(a[1]);
  return s && p ? ok(Value::boolean(s->find(*p) != std::string::npos)) : error();
}

Result f_replace(Args a) {
  auto s = str(a[0]);
  auto from = str(a[1]);
  auto to = str(a[2]);
  if (!s || !from || !to) return error();
  // A /regex/ pattern is RE2 syntax; we do not evaluate it rather than risk a wrong value.
  if (from->size() >= 2 && from->front() == '/' && from->back() == '/') return kUnknown;
  if (from->empty()) return ok(Value::string(*s));
  std::string out;
  std::size_t pos = 0;
  for (auto hit = s->find(*from); hit != std::string::npos; hit = s->find(*from, pos)) {
    out += s->substr(pos, hit - pos);
    out += *to;
    pos = hit + from->size();
  }
  out += s->substr(pos);
  return ok(Value::string(out));
}

// Byte offsets of each code point, so substr and length count characters as Terraform does.
std::vector<std::size_t> code_points(std::string_view s) {
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) at.push_back(i);
  }
  return at;
}

Result f_substr(Args a) {
  auto s = str(a[0]);
  auto off = integer(a[1]);
  auto len = integer(a[2]);
  if (!s || !off || !len) return error();
  const auto cps = code_points(*s);
  const auto count = static_cast<long long>(cps.size());
  long long begin = *off < 0 ? count + *off : *off;
  if (begin < 0 || begin > count) return error();
  long long end = *len < 0 ? count : std::min(count, begin + *len);
  const auto byte = [&](long long i) { return i >= count ? s->size() : cps[static_cast<std::size_t>(i)]; };
  return ok(Value::string(s->substr(byte(begin), byte(end) - byte(begin))));
}

Result f_split(Args a) {
  auto sep = str(a[0]);
  auto s = str(a[1]);
  if (!sep || !s) return error();
  std::vector<std::string> parts;
  if (sep->empty()) {
    const auto cps = code_points(*s);
    for (std::size_t i = 0; i < cps.size(); ++i) {
      parts.push_back(s->substr(cps[i], (i + 1 < cps.size() ? cps[i + 1] : s->size()) - cps[i]));
    }
    return ok(strings(std::move(parts)));
  }
  std::size_t pos = 0;
  for (auto hit = s->find(*sep); hit != std::string::npos; hit = s->find(*sep, pos)) {
    parts.push_back(s->substr(pos, hit - pos));
    pos = hit + sep->size();
  }
  parts.push_back(s->substr(pos));
  return ok(strings(std::move(parts)));
}

Result f_join(Args a) {
  auto sep = str(a[0]);
  if (!sep) return error();
  std::string out;
  bool first = true;
  for (const Value& l : a.subspan(1)) {
    const auto* items = list(l);
    if (items == nullptr) return error();
    for (const Value& item : *items) {
      auto s = str(item);
      if (!s) return error();
      if (!first) out += *sep;
      out += *s;
      first = false;
    }
  }
  return ok(Value::string(out));
}

nlohmann::json to_json(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Bool: return *v.as_bool();
    case Value::Kind::Number: {
      const double n = *v.as_number();
      if (std::floor(n) == n && std::fabs(n) < 1e15) return static_cast<long long>(n);
      return n;
    }
    case Value::Kind::String: return std::string(*v.as_string());
    case Value::Kind::Array: {
      auto out = nlohmann::json::array();
      for (const Value& item : *v.as_array()) out.push_back(to_json(item));
      return out;
    }
    case Value::Kind::Object: {
      auto out = nlohmann::json::object();
      for (const auto& m : *v.as_object()) out[m.key] = to_json(m.value);
      return out;
    }
    default: return nullptr;
  }
}

Value from_json(const nlohmann::json& j) {
  if (j.is_boolean()) return Value::boolean(j.get<bool>());
  if (j.is_number()) return Value::number(j.get<double>());
  if (j.is_string()) return Value::string(j.get<std::string>());
  if (j.is_array()) {
    Value::Array items;
    for (const auto& item : j) items.push_back(from_json(item));
    return Value::array(std::move(items));
  }
  if (j.is_object()) {
    Value::Object members;
    for (const auto& [k, item] : j.items()) members.push_back({k, from_json(item), {}});
    return Value::object(std::move(members));
  }
  return Value::null();
}

Result f_jsonencode(Args a) { return ok(Value::string(to_json(a[0]).dump())); }

Result f_jsondecode(Args a) {
  auto s = str(a[0]);
  if (!s) return error();
  auto j = nlohmann::json::parse(*s, nullptr, false);
  if (j.is_discarded()) return error();
  return ok(from_json(j));
}

// format(): the verbs Terraform configurations use (%s %v %d %f %q %t %%), with flags,
// width and precision.
Result f_format(Args a) {
  auto spec = str(a[0]);
  if (!spec) return error();
  std::string out;
  std::size_t next = 1;
  for (std::size_t i = 0; i < spec->size(); ++i) {
    const char c = (*spec)[i];
    if (c != '%') {
      out += c;
      continue;
    }
    std::size_t j = i + 1;
    while (j < spec->size() && std::string_view("-+ 0#.0123456789").find((*spec)[j]) != std::string_view::npos) ++j;
    if (j >= spec->size()) return error();
    const std::string flags = spec->substr(i + 1, j - i - 1);
    const char verb = (*spec)[j];
    i = j;
    if (verb == '%') {
      out += '%';
      continue;
    }
    if (next >= a.size()) return error();
    const Value& arg = a[next++];
    std::string piece;
    switch (verb) {
      case 's':
      case 'v': {
        auto s = str(arg);
        if (!s) {
          if (verb == 's') return error();
          s = to_json(arg).dump();
        }
        piece = *s;
        break;
      }
      case 'q': {
        auto s = str(arg);
        if (!s) return error();
        piece = nlohmann::json(*s).dump();
        break;
      }
      case 't': {
        const auto b = to_bool(arg);
        if (!b) return error();
        piece = *b ? "true" : "false";
        break;
      }
      case 'd': {
        const auto n = integer(arg);
        if (!n) return error();
        piece = fmt::format("{}", *n);
        break;
      }
      case 'f': {
        const auto n = to_number(arg);
        if (!n) return error();
        const auto dot = flags.find('.');
        const int precision = dot == std::string::npos ? 6 : std::atoi(flags.c_str() + dot + 1);
        piece = fmt::format("{:.{}f}", *n, precision);
        break;
      }
      default: return kUnknown;
    }
    const std::size_t width = static_cast<std::size_t>(std::atoi(flags.c_str() + flags.find_first_not_of("-+ 0#")));
    if (piece.size() < width && flags.find_first_of("123456789") != std::string::npos) {
      const bool left = flags.find('-') != std::string::npos;
      const char fill = !left && flags.find_first_not_of("-+ #") != std::string::npos &&
                                flags[flags.find_first_not_of("-+ #")] == '0'
                            ? '0'
                            : ' ';
      piece = left ? piece + std::string(width - piece.size(), ' ') : std::string(width - piece.size(), fill) + piece;
    }
    out += piece;
  }
  return ok(Value::string(out));
}

// --- collections ---

Result f_length(Args a) {
  const Value& v = a[0];
  if (const auto* items = v.as_array()) return ok(Value::number(static_cast<double>(items->size())));
  if (const auto* members = v.as_object()) return ok(Value::number(static_cast<double>(members->size())));
  if (v.is_string()) return ok(Value::number(static_cast<double>(code_points(*v.as_string()).size())));
  return error();
}

Result f_concat(Args a) {
  Value::Array out;
  for (const Value& l : a) {
    const auto* items = list(l);
    if (items == nullptr) return error();
    out.insert(out.end(), items->begin(), items->end());
  }
  return ok(Value::array(std::move(out)));
}

void put(Value::Object& members, const Value::Member& m) {
  auto it = std::find_if(members.begin(), members.end(), [&](const auto& x) { return x.key == m.key; });
  if (it != members.end()) {
    it->value = m.value;
  } else {
    members.push_back(m);
  }
}

Result f_merge(Args a) {
  Value::Object out;
  for (const Value& o : a) {
    if (o.is_null()) continue;
    const auto* members = o.as_object();
    if (members == nullptr) return error();
    for (const auto& m : *members) put(out, m);
  }
  return ok(Value::object(std::move(out)));
}

Result f_lookup(Args a) {
  if (!a[0].is_object()) return error();
  auto key = str(a[1]);
  if (a[1].is_unknown()) return kUnknown;
  if (!key) return error();
  if (const Value* v = member(a[0], *key)) return ok(*v);
  if (a.size() > 2) return ok(a[2]);
  return error();
}

Result f_element(Args a) {
  const auto* items = list(a[0]);
  const auto i = integer(a[1]);
  if (a[1].is_unknown()) return kUnknown;
  if (items == nullptr || !i || items->empty() || *i < 0) return error();
  return ok((*items)[static_cast<std::size_t>(*i) % items->size()]);
}

Result f_contains(Args a) {
  const auto* items = list(a[0]);
  if (items == nullptr) return error();
  return ok(Value::boolean(std::find(items->begin(), items->end(), a[1]) != items->end()));
}

Result f_index(Args a) {
  const auto* items = list(a[0]);
  if (items == nullptr) return error();
  const auto it = std::find(items->begin(), items->end(), a[1]);
  if (it == items->end()) return error();
  return ok(Value::number(static_cast<double>(it - items->begin())));
}

Result f_keys(Args a) {
  if (!a[0].is_object()) return error();
  std::vector<std::string> out;
  for (const auto* m : sorted_members(a[0])) out.push_back(m->key);
  return ok(strings(std::move(out)));
}

Result f_values(Args a) {
  if (!a[0].is_object()) return error();
  Value::Array out;
  for (const auto* m : sorted_members(a[0])) out.push_back(m->value);
  return ok(Value::array(std::move(out)));
}

Result f_tolist(Args a) {
  if (a[0].is_null()) return ok(a[0]);
  return a[0].is_array() ? ok(a[0]) : error();
}

bool value_less(const Value& x, const Value& y) {
  if (x.kind() != y.kind()) return x.kind() < y.kind();
  if (x.is_string()) return *x.as_string() < *y.as_string();
  if (const auto n = x.as_number()) return *n < *y.as_number();
  return x.to_display() < y.to_display();
}

Value::Array distinct_items(const Value::Array& items) {
  Value::Array out;
  for (const Value& item : items) {
    if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
  }
  return out;
}

// Sets iterate in a fixed order (lexical for strings), as Terraform's do.
Result f_toset(Args a) {
  if (a[0].is_null()) return ok(a[0]);
  const auto* items = list(a[0]);
  if (items == nullptr) return error();
  auto out = distinct_items(*items);
  std::stable_sort(out.begin(), out.end(), value_less);
  return ok(Value::array(std::move(out)));
}

Result f_tomap(Args a) { return a[0].is_object() || a[0].is_null() ? ok(a[0]) : error(); }

Result f_tostring(Args a) {
  if (a[0].is_null()) return ok(a[0]);
  auto s = str(a[0]);
  return s ? ok(Value::string(*s)) : error();
}

Result f_tonumber(Args a) {
  if (a[0].is_null()) return ok(a[0]);
  const auto n = to_number(a[0]);
  return n ? ok(Value::number(*n)) : error();
}

Result f_tobool(Args a) {
  if (a[0].is_null()) return ok(a[0]);
  const auto b = to_bool(a[0]);
  return b ? ok(Value::boolean(*b)) : error();
}

void flatten_into(const Value::Array& items, Value::Array& out, bool& unknown) {
  for (const Value& item : items) {
    if (item.is_unknown()) unknown = true;
    if (const auto* inner = item.as_array()) {
      flatten_into(*inner, out, unknown);
    } else {
      out.push_back(item);
    }
  }
}

Result f_flatten(Args a) {
  const auto* items = list(a[0]);
  if (items == nullptr) return error();
  Value::Array out;
  bool unknown = false;
  flatten_into(*items, out, unknown);
  if (unknown) return kUnknown;
  return ok(Value::array(std::move(out)));
}

Result f_distinct(Args a) {
  const auto* items = list(a[0]);
  return items ? ok(Value::array(distinct_items(*items))) : error();
}

Result f_compact(Args a) {
  const auto* items = list(a[0]);
  if (items == nullptr) return error();
  Value::Array out;
  for (const Value& item : *items) {
    if (item.is_null() || (item.is_string() && item.as_string()->empty())) continue;
    out.push_back(item);
  }
  return ok(Value::array(std::move(out)));
}

Result f_reverse(Args a) {
  const auto* items = list(a[0]);
  if (items == nullptr) return error();
  return ok(Value::array(Value::Array(items->rbegin(), items->rend())));
}

Result f_sort(Args a) {
  const auto* items = list(a[0]);
  if (items == nullptr) return error();
  std::vector<std::string> out;
  for (const Value& item : *items) {
    auto s = str(item);
    if (!s) return error();
    out.push_back(*s);
  }
  std::sort(out.begin(), out.end());
  return ok(strings(std::move(out)));
}

Result f_slice(Args a) {
  const auto* items = list(a[0]);
  const auto from = integer(a[1]);
  const auto to = integer(a[2]);
  if (a[1].is_unknown() || a[2].is_unknown()) return kUnknown;
  if (items == nullptr || !from || !to || *from < 0 || *to < *from || *to > static_cast<long long>(items->size())) {
    return error();
  }
  return ok(Value::array(Value::Array(items->begin() + *from, items->begin() + *to)));
}

Result f_zipmap(Args a) {
  const auto* keys = list(a[0]);
  const auto* vals = list(a[1]);
  if (keys == nullptr || vals == nullptr || keys->size() != vals->size()) return error();
  Value::Object out;
  for (std::size_t i = 0; i < keys->size(); ++i) {
    auto k = str((*keys)[i]);
    if (!k) return error();
    put(out, {*k, (*vals)[i], {}});
  }
  return ok(Value::object(std::move(out)));
}

Result f_range(Args a) {
  double start = 0;
  double stop = 0;
  double step = 1;
  std::vector<double> nums;
  for (const Value& v : a) {
    const auto n = to_number(v);
    if (!n) return error();
    nums.push_back(*n);
  }
  if (nums.size() == 1) {
    stop = nums[0];
  } else {
    start = nums[0];
    stop = nums[1];
    if (nums.size() == 3) step = nums[2];
  }
  if (nums.size() < 3 && stop < start) step = -1;
  if (step == 0 || (stop - start) / step > 1024) return error();
  Value::Array out;
  for (double x = start; step > 0 ? x < stop : x > stop; x += step) out.push_back(Value::number(x));
  return ok(Value::array(std::move(out)));
}

Result f_coalesce(Args a) {
  for (const Value& v : a) {
    if (v.is_unknown()) return kUnknown;
    if (v.is_null() || (v.is_string() && v.as_string()->empty())) continue;
    return ok(v);
  }
  return error();
}

Result f_coalescelist(Args a) {
  for (const Value& v : a) {
    if (v.is_unknown()) return kUnknown;
    if (const auto* items = list(v); items != nullptr && !items->empty()) return ok(v);
  }
  return ok(Value::array());
}

Result f_one(Args a) {
  if (a[0].is_null()) return ok(a[0]);
  const auto* items = list(a[0]);
  if (items == nullptr || items->size() > 1) return error();
  return ok(items->empty() ? Value::null() : items->front());
}

Result f_identity(Args a) { return ok(a[0]); }

Result f_alltrue(Args a) {
  const auto* items = list(a[0]);
  if (items == nullptr) return error();
  bool all = true;
  for (const Value& v : *items) {
    const auto b = to_bool(v);
    if (!b) return error();
    all = all && *b;
  }
  return ok(Value::boolean(all));
}

Result f_anytrue(Args a) {
  const auto* items = list(a[0]);
  if (items == nullptr) return error();
  bool any = false;
  for (const Value& v : *items) {
    const auto b = to_bool(v);
    if (!b) return error();
    any = any || *b;
  }
  return ok(Value::boolean(any));
}

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

struct FunctionDef {
  std::string_view name;
  std::size_t min_args;
  std::size_t max_args;  // SIZE_MAX for variadic
  bool deep;             // every argument must be fully known
  Result (*fn)(Args);
};

constexpr std::size_t kMany = SIZE_MAX;

constexpr FunctionDef kFunctions[] = {
    {"abs", 1, 1, true, f_abs},
    {"alltrue", 1, 1, true, f_alltrue},
    {"anytrue", 1, 1, true, f_anytrue},
    {"base64encode", 1, 1, true, f_base64encode},
    {"ceil", 1, 1, true, f_ceil},
    {"chomp", 1, 1, true, f_chomp},
    {"cidrhost", 2, 2, true, f_cidrhost},
    {"cidrnetmask", 1, 1, true, f_cidrnetmask},
    {"cidrsubnet", 3, 3, true, f_cidrsubnet},
    {"coalesce", 1, kMany, false, f_coalesce},
    {"coalescelist", 1, kMany, false, f_coalescelist},
    {"compact", 1, 1, true, f_compact},
    {"concat", 0, kMany, false, f_concat},
    {"contains", 2, 2, true, f_contains},
    {"distinct", 1, 1, true, f_distinct},
    {"element", 2, 2, false, f_element},
    {"endswith", 2, 2, true, f_endswith},
    {"flatten", 1, 1, false, f_flatten},
    {"floor", 1, 1, true, f_floor},
    {"format", 1, kMany, true, f_format},
    {"index", 2, 2, true, f_index},
    {"join", 2, kMany, true, f_join},
    {"jsondecode", 1, 1, true, f_jsondecode},
    {"jsonencode", 1, 1, true, f_jsonencode},
    {"keys", 1, 1, false, f_keys},
    {"length", 1, 1, false, f_length},
    {"lookup", 2, 3, false, f_lookup},
    {"lower", 1, 1, true, f_lower},
    {"max", 1, kMany, true, f_max},
    {"merge", 0, kMany, false, f_merge},
    {"min", 1, kMany, true, f_min},
    {"nonsensitive", 1, 1, false, f_identity},
    {"one", 1, 1, false, f_one},
    {"parseint", 2, 2, true, f_parseint},
    {"pow", 2, 2, true, f_pow},
    {"range", 1, 3, true, f_range},
    {"replace", 3, 3, true, f_replace},
    {"reverse", 1, 1, false, f_reverse},
    {"sensitive", 1, 1, false, f_identity},
    {"signum", 1, 1, true, f_signum},
    {"slice", 3, 3, false, f_slice},
    {"sort", 1, 1, true, f_sort},
    {"split", 2, 2, true, f_split},
    {"startswith", 2, 2, true, f_startswith},
    {"strcontains", 2, 2, true, f_strcontains},
    {"substr", 3, 3, true, f_substr},
    {"sum", 1, 1, true, f_sum},
    {"title", 1, 1, true, f_title},
    {"tobool", 1, 1, true, f_tobool},
    {"tolist", 1, 1, false, f_tolist},
    {"tomap", 1, 1, false, f_tomap},
    {"tonumber", 1, 1, true, f_tonumber},
    {"toset", 1, 1, true, f_toset},
    {"tostring", 1, 1, true, f_tostring},
    {"trim", 2, 2, true, f_trim},
    {"trimprefix", 2, 2, true, f_trimprefix},
    {"trimspace", 1, 1, true, f_trimspace},
    {"trimsuffix", 2, 2, true, f_trimsuffix},
    {"upper", 1, 1, true, f_upper},
    {"values", 1, 1, false, f_values},
    {"zipmap", 2, 2, true, f_zipmap},
};

// Real Terraform functions whose results depend on files, time, randomness, hashing or
// syntaxes we do not reimplement: always unknown, and not worth a warning.
constexpr std::string_view kNotEvaluated[] = {
    "abspath", "base64decode", "base64gzip", "base64sha256", "base64sha512", "basename", "bcrypt",
    "chunklist", "cidrsubnets", "csvdecode", "dirname", "ephemeralasnull", "file", "filebase64",
    "filebase64sha256", "filebase64sha512", "fileexists", "filemd5", "fileset", "filesha1", "filesha256",
    "filesha512", "formatdate", "formatlist", "indent", "issensitive", "log", "matchkeys", "md5",
    "pathexpand", "plantimestamp", "regex", "regexall", "rsadecrypt", "setintersection", "setproduct",
    "setsubtract", "setunion", "sha1", "sha256", "sha512", "strrev", "templatefile", "templatestring",
    "textdecodebase64", "textencodebase64", "timeadd", "timecmp", "timestamp", "transpose", "type",
    "urlencode", "uuid", "uuidv5", "yamldecode", "yamlencode",
};

const FunctionDef* find(std::string_view name) {
  for (const auto& f : kFunctions) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace

FunctionKind function_kind(std::string_view name) {
  if (find(name) != nullptr) return FunctionKind::Evaluated;
  for (const auto n : kNotEvaluated) {
    if (n == name) return FunctionKind::NotEvaluated;
  }
  return FunctionKind::Unknown;
}

std::optional<CallResult> call_function(std::string_view name, std::span<const Value> args) {
  const FunctionDef* f = find(name);
  if (f == nullptr) return std::nullopt;
  if (args.size() < f->min_args || args.size() > f->max_args) return CallResult{Value::null(), true};
  for (const Value& a : args) {
    if (f->deep ? !a.is_known() : a.is_unknown()) return std::nullopt;
  }
  return f->fn(args);
}

std::optional<double> to_number(const Value& v) {
  if (const auto n = v.as_number()) return n;
  if (const auto s = v.as_string()) {
    double d = 0;
    const auto [ptr, ec] = std::from_chars(s->data(), s->data() + s->size(), d);
    if (ec == std::errc() && ptr == s->data() + s->size() && !s->empty()) return d;
  }
  return std::nullopt;
}

std::optional<bool> to_bool(const Value& v) {
  if (const auto b = v.as_bool()) return b;
  if (const auto s = v.as_string()) {
    if (*s == "true") return true;
    if (*s == "false") return false;
  }
  return std::nullopt;
}

const Value* member(const Value& object, std::string_view key) {
  if (const auto* members = object.as_object()) {
    for (const auto& m : *members) {
      if (m.key == key) return &m.value;
    }
  }
  return nullptr;
}

std::vector<const Value::Member*> sorted_members(const Value& object) {
  std::vector<const Value::Member*> out;
  if (const auto* members = object.as_object()) {
    for (const auto& m : *members) out.push_back(&m);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) { return a->key < b->key; });
  return out;
}

}  // namespace akslint::terraform
