// Built-in string functions, format() and JSON encoding.
#include "Budget.h"
#include "terraform/FunctionLibrary.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>

namespace akslint::terraform::functions {

namespace {

// Wider or more precise format verbs than this are left unknown rather than expanded.
constexpr int kMaxFormatWidth = 4096;

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
    if (out.size() > budget::string_limit()) break;
  }
  out += s->substr(pos);
  return ok(Value::string(out));
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
      if (out.size() > budget::string_limit()) return ok(Value::string(out));
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

// Compact JSON text, as jsonencode writes it. Bytes that are not UTF-8 (from a file in another
// encoding) become U+FFFD, as the reports write them, where dump() would throw.
std::string json_text(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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

Result f_jsonencode(Args a) { return ok(Value::string(json_text(to_json(a[0])))); }

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
          s = json_text(to_json(arg));
        }
        piece = *s;
        break;
      }
      case 'q': {
        auto s = str(arg);
        if (!s) return error();
        piece = json_text(nlohmann::json(*s));
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
        if (precision < 0 || precision > kMaxFormatWidth) return kUnknown;
        piece = fmt::format("{:.{}f}", *n, precision);
        break;
      }
      default: return kUnknown;
    }
    const auto digits = flags.find_first_not_of("-+ 0#");
    const std::size_t width =
        digits == std::string::npos ? 0 : static_cast<std::size_t>(std::max(0, std::atoi(flags.c_str() + digits)));
    if (width > static_cast<std::size_t>(kMaxFormatWidth)) return kUnknown;
    if (piece.size() < width) {
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

constexpr FunctionDef kFunctions[] = {
    {"chomp", 1, 1, true, f_chomp},
    {"endswith", 2, 2, true, f_endswith},
    {"format", 1, kMany, true, f_format},
    {"join", 2, kMany, true, f_join},
    {"jsondecode", 1, 1, true, f_jsondecode},
    {"jsonencode", 1, 1, true, f_jsonencode},
    {"lower", 1, 1, true, f_lower},
    {"replace", 3, 3, true, f_replace},
    {"split", 2, 2, true, f_split},
    {"startswith", 2, 2, true, f_startswith},
    {"strcontains", 2, 2, true, f_strcontains},
    {"substr", 3, 3, true, f_substr},
    {"title", 1, 1, true, f_title},
    {"trim", 2, 2, true, f_trim},
    {"trimprefix", 2, 2, true, f_trimprefix},
    {"trimspace", 1, 1, true, f_trimspace},
    {"trimsuffix", 2, 2, true, f_trimsuffix},
    {"upper", 1, 1, true, f_upper},
};

}  // namespace

std::span<const FunctionDef> string_functions() { return kFunctions; }

}  // namespace akslint::terraform::functions
