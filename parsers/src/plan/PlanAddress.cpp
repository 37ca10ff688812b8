#include "plan/PlanAddress.h"

namespace akslint::plan {

namespace {

// The end of the bracketed key starting at `open`, or npos when it does not close.
std::size_t key_end(std::string_view text, std::size_t open) {
  bool quoted = false;
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '\\') ++i;
      else if (c == '"') quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ']') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<std::vector<AddressStep>> split_address(std::string_view text) {
  std::vector<AddressStep> steps;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t name_end = text.find_first_of(".[", i);
    AddressStep step{std::string(text.substr(i, name_end - i)), {}};
    if (step.name.empty()) return std::nullopt;
    i = name_end == std::string_view::npos ? text.size() : name_end;
    while (i < text.size() && text[i] == '[') {  // keys: `[0]`, or `["a"][0]` on nested values
      const std::size_t end = key_end(text, i);
      if (end == std::string_view::npos) return std::nullopt;
      step.key += text.substr(i, end - i);
      i = end;
    }
    steps.push_back(std::move(step));
    if (i < text.size()) {
      if (text[i] != '.') return std::nullopt;
      ++i;
    }
  }
  return steps;
}

std::string ResourceAddress::module_path() const {
  std::string out;
  for (const auto& m : modules) {
    if (!out.empty()) out += '.';
    out += m.name;
  }
  return out;
}

std::optional<ResourceAddress> parse_resource_address(std::string_view address) {
  auto steps = split_address(address);
  if (!steps) return std::nullopt;
  ResourceAddress out;
  std::size_t i = 0;
  while (i + 1 < steps->size() && (*steps)[i].name == "module" && (*steps)[i].key.empty()) {
    out.modules.push_back((*steps)[i + 1]);
    i += 2;
  }
  const bool data = i < steps->size() && (*steps)[i].name == "data" && (*steps)[i].key.empty();
  if (data) ++i;
  if (i + 2 != steps->size() || !(*steps)[i].key.empty()) return std::nullopt;
  out.resource = (data ? "data." : "") + (*steps)[i].name + "." + (*steps)[i + 1].name;
  out.key = (*steps)[i + 1].key;
  return out;
}

}  // namespace akslint::plan
