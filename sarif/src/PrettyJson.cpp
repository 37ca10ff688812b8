#include "PrettyJson.h"

#include <stdexcept>

namespace akslint::emit {

std::string indented(std::string_view text, std::size_t spaces) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  out.append(spaces, ' ');
  for (const char c : text) {
    out += c;
    if (c == '\n') out.append(spaces, ' ');
  }
  return out;
}

std::string splice_array(std::string_view document, std::string_view key, const std::vector<std::string>& elements,
                         std::size_t depth) {
  if (elements.empty()) return std::string(document);
  const std::string empty = "\"" + std::string(key) + "\": []";
  const auto at = document.find(empty);
  if (at == std::string_view::npos) throw std::logic_error("splice_array: no empty array under the key");
  const auto open = at + empty.size() - 1;  // the ']' of "[]"
  std::size_t size = document.size() + depth * 2 + 2;
  for (const auto& e : elements) size += e.size() + 2;
  std::string out;
  out.reserve(size);
  out.append(document.substr(0, open));
  out += '\n';
  for (std::size_t i = 0; i < elements.size(); ++i) {
    if (i > 0) out += ",\n";
    out += elements[i];
  }
  out += '\n';
  out.append(depth * 2, ' ');
  out.append(document.substr(open));
  return out;
}

}  // namespace akslint::emit
