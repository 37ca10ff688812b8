// String functions: concat (strings), format, string, toLower, toUpper, replace, split,
// substring, trim, startsWith, endsWith, indexOf, lastIndexOf, padLeft, uniqueString, guid.
#include "Budget.h"
#include "azure/FunctionSupport.h"
#include "azure/Hashing.h"

#include <fmt/format.h>

#include <algorithm>

namespace akslint::azure {

namespace {

std::string ascii_case(std::string_view s, bool upper) {
  std::string out(s);
  for (char& c : out) {
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// One .NET format item's text: "{0}", "{0:D3}", "{1:x}". Nullopt for a specifier akslint
// does not reproduce.
std::optional<std::string> format_item(const Value& arg, std::string_view spec) {
  if (spec.empty()) return to_text(arg);
  const auto n = as_integer(arg);
  if (!n) return std::nullopt;
  const char kind = spec.front();
  const auto width_text = spec.substr(1);
  std::size_t width = 0;
  for (const char c : width_text) {
    if (c < '0' || c > '9') return std::nullopt;
    width = width * 10 + static_cast<std::size_t>(c - '0');
  }
  switch (kind) {
    case 'D':
    case 'd': {
      const std::string digits = std::to_string(*n < 0 ? -*n : *n);
      const std::string padded = std::string(width > digits.size() ? width - digits.size() : 0, '0') + digits;
      return *n < 0 ? "-" + padded : padded;
    }
    case 'x': return fmt::format("{:0{}x}", *n, width);
    case 'X': return fmt::format("{:0{}X}", *n, width);
    default: return std::nullopt;
  }
}

Value format(const Call& call) {
  const auto pattern = call[0].as_string();
  if (!pattern) return call.unknown();
  std::string out;
  for (std::size_t i = 0; i < pattern->size(); ++i) {
    const char c = (*pattern)[i];
    if ((c == '{' || c == '}') && i + 1 < pattern->size() && (*pattern)[i + 1] == c) {
      out += c;
      ++i;
      continue;
    }
    if (c != '{') {
      out += c;
      continue;
    }
    const auto close = pattern->find('}', i);
    if (close == std::string_view::npos) return call.unknown();
    const auto item = pattern->substr(i + 1, close - i - 1);
    const auto colon = item.find(':');
    const auto index_text = item.substr(0, colon);
    std::size_t index = 0;
    for (const char d : index_text) {
      if (d < '0' || d > '9') return call.unknown();
      index = index * 10 + static_cast<std::size_t>(d - '0');
    }
    if (index_text.empty() || index + 1 >= call.size()) return call.unknown();
    const auto text = format_item(call[index + 1], colon == std::string_view::npos ? "" : item.substr(colon + 1));
    if (!text) return call.unknown();
    out += *text;
    i = close;
    if (out.size() > budget::string_limit()) break;
  }
  return call.string(std::move(out));
}

Value replace(const Call& call) {
  const auto s = call[0].as_string();
  const auto from = call[1].as_string();
  const auto to = call[2].as_string();
  if (!s || !from || !to || from->empty()) return call.unknown();
  std::string out;
  std::size_t pos = 0;
  for (auto hit = s->find(*from); hit != std::string_view::npos; hit = s->find(*from, pos)) {
    out.append(s->substr(pos, hit - pos));
    out.append(*to);
    pos = hit + from->size();
    if (out.size() > budget::string_limit()) break;
  }
  out.append(s->substr(pos));
  return call.string(std::move(out));
}

Value split(const Call& call) {
  const auto s = call[0].as_string();
  std::vector<std::string> delimiters;
  if (const auto d = call[1].as_string()) delimiters.emplace_back(*d);
  if (const auto* arr = call[1].as_array()) {
    for (const auto& d : *arr) {
      if (!d.as_string()) return call.unknown();
      delimiters.emplace_back(*d.as_string());
    }
  }
  if (!s || delimiters.empty()) return call.unknown();
  Value::Array parts;
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < s->size()) {
    bool matched = false;
    for (const auto& d : delimiters) {
      if (!d.empty() && s->substr(i, d.size()) == d) {
        parts.push_back(call.string(std::string(s->substr(start, i - start))));
        i += d.size();
        start = i;
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
  }
  parts.push_back(call.string(std::string(s->substr(start))));
  return Value::array(std::move(parts), call.span);
}

Value substring(const Call& call) {
  const auto s = call[0].as_string();
  const auto start = as_integer(call[1]);
  if (!s || !start || *start < 0 || static_cast<std::size_t>(*start) > s->size()) return call.unknown();
  std::size_t length = s->size() - static_cast<std::size_t>(*start);
  if (call.size() == 3) {
    const auto len = as_integer(call[2]);
    if (!len || *len < 0 || static_cast<std::size_t>(*start + *len) > s->size()) return call.unknown();
    length = static_cast<std::size_t>(*len);
  }
  return call.string(std::string(s->substr(static_cast<std::size_t>(*start), length)));
}

Value pad_left(const Call& call) {
  const std::string s = to_text(call[0]);
  const auto width = as_integer(call[1]);
  std::string pad = " ";
  if (call.size() == 3) {
    if (!call[2].as_string() || call[2].as_string()->size() != 1) return call.unknown();
    pad = std::string(*call[2].as_string());
  }
  if (!width || *width < 0) return call.unknown();
  const auto w = static_cast<std::size_t>(*width);
  return call.string(w > s.size() ? std::string(w - s.size(), pad[0]) + s : s);
}

Value trim(const Call& call) {
  const auto s = call[0].as_string();
  if (!s) return call.unknown();
  const auto first = s->find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return call.string("");
  const auto last = s->find_last_not_of(" \t\r\n");
  return call.string(std::string(s->substr(first, last - first + 1)));
}

// startsWith, endsWith, indexOf, lastIndexOf compare ignoring ASCII case, as Azure does.
template <class F>
Function search_function(F f) {
  return strict(2, 2, [f](const Call& call) {
    const auto s = call[0].as_string();
    const auto part = call[1].as_string();
    if (!s || !part) return call.unknown();
    return f(call, ascii_case(*s, false), ascii_case(*part, false));
  });
}

// The arguments of uniqueString() and guid(), joined by '-'; nullopt unless all are strings.
std::optional<std::string> joined_strings(const Call& call) {
  std::string joined;
  for (std::size_t i = 0; i < call.size(); ++i) {
    const auto s = call[i].as_string();
    if (!s) return std::nullopt;
    if (i > 0) joined += '-';
    joined += *s;
  }
  return joined;
}

// uri(base, relative): the relative part replaces what follows the base's last '/'.
Value uri(const Call& call) {
  const auto base = call[0].as_string();
  const auto relative = call[1].as_string();
  if (!base || !relative) return call.unknown();
  const auto slash = base->rfind('/');
  const auto kept = slash == std::string_view::npos ? std::string_view{} : base->substr(0, slash + 1);
  return call.string(std::string(kept) + std::string(relative->substr(!kept.empty() && relative->starts_with('/') ? 1 : 0)));
}

constexpr std::string_view kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

Value base64(const Call& call) {
  const auto s = call[0].as_string();
  if (!s) return call.unknown();
  std::string out;
  for (std::size_t i = 0; i < s->size(); i += 3) {
    std::uint32_t chunk = 0;
    const std::size_t n = std::min<std::size_t>(3, s->size() - i);
    for (std::size_t j = 0; j < 3; ++j) {
      chunk = (chunk << 8) | (j < n ? static_cast<unsigned char>((*s)[i + j]) : 0U);
    }
    for (std::size_t j = 0; j < 4; ++j) out += j <= n ? kBase64[(chunk >> (18 - 6 * j)) & 0x3F] : '=';
  }
  return call.string(std::move(out));
}

Value base64_to_string(const Call& call) {
  const auto s = call[0].as_string();
  if (!s) return call.unknown();
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : *s) {
    if (c == '=') break;
    const auto at = kBase64.find(c);
    if (at == std::string_view::npos) return call.unknown();
    buffer = (buffer << 6) | static_cast<std::uint32_t>(at);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return call.string(std::move(out));
}

}  // namespace

void add_string_functions(FunctionTable& table) {
  constexpr std::size_t kMany = 1U << 16U;
  table["format"] = strict(1, kMany, format);
  table["string"] = strict(1, 1, [](const Call& call) { return call.string(to_text(call[0])); });
  table["tolower"] = strict(1, 1, [](const Call& call) {
    return call[0].as_string() ? call.string(ascii_case(*call[0].as_string(), false)) : call.unknown();
  });
  table["toupper"] = strict(1, 1, [](const Call& call) {
    return call[0].as_string() ? call.string(ascii_case(*call[0].as_string(), true)) : call.unknown();
  });
  table["replace"] = strict(3, 3, replace);
  table["split"] = strict(2, 2, split);
  table["substring"] = strict(2, 3, substring);
  table["trim"] = strict(1, 1, trim);
  table["padleft"] = strict(2, 3, pad_left);
  table["startswith"] = search_function([](const Call& call, const std::string& s, const std::string& p) {
    return call.boolean(s.rfind(p, 0) == 0);
  });
  table["endswith"] = search_function([](const Call& call, const std::string& s, const std::string& p) {
    return call.boolean(s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0);
  });
  table["indexof"] = search_function([](const Call& call, const std::string& s, const std::string& p) {
    const auto at = s.find(p);
    return call.number(at == std::string::npos ? -1.0 : static_cast<double>(at));
  });
  table["lastindexof"] = search_function([](const Call& call, const std::string& s, const std::string& p) {
    const auto at = s.rfind(p);
    return call.number(at == std::string::npos ? -1.0 : static_cast<double>(at));
  });
  table["uri"] = strict(2, 2, uri);
  table["base64"] = strict(1, 1, base64);
  table["base64tostring"] = strict(1, 1, base64_to_string);
  table["uniquestring"] = strict(1, kMany, [](const Call& call) {
    const auto joined = joined_strings(call);
    return joined ? call.string(unique_string(*joined)) : call.unknown();
  });
  table["guid"] = strict(1, kMany, [](const Call& call) {
    const auto joined = joined_strings(call);
    return joined ? call.string(template_guid(*joined)) : call.unknown();
  });
}

}  // namespace akslint::azure
