#include "Resolver.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <tuple>

namespace akslint {

namespace {

// FNV-1a over `type`, '|' and `name`, each in ASCII lower case: equal for any two pairs
// that are equal case-insensitively.
std::uint64_t folded_key(std::string_view type, std::string_view name) {
  std::uint64_t hash = 14695981039346656037ULL;
  const auto add = [&](char c) {
    hash ^= static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    hash *= 1099511628211ULL;
  };
  for (const char c : type) add(c);
  add('|');
  for (const char c : name) add(c);
  return hash;
}

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-'; }

// Reads `ident` at `i`, then an optional `[...]` index; returns the text read.
std::string_view segment(std::string_view text, std::size_t& i, bool with_index) {
  const std::size_t start = i;
  while (i < text.size() && ident_char(text[i])) ++i;
  if (with_index && i < text.size() && text[i] == '[') {
    const auto close = text.find(']', i);
    if (close != std::string_view::npos) i = close + 1;
  }
  return text.substr(start, i - start);
}

// Candidate names an expression starts with, most specific first: "azurerm_subnet.s[0]",
// "azurerm_subnet.s", "data.azurerm_subnet.s", or a Bicep symbol "subnet".
std::vector<std::string> head_names(std::string_view expr) {
  if (expr.starts_with("${") && expr.ends_with("}")) expr = expr.substr(2, expr.size() - 3);
  std::size_t i = 0;
  const std::string_view first = segment(expr, i, false);
  if (first.empty()) return {};
  std::vector<std::string> out;
  if (i < expr.size() && expr[i] == '.') {
    std::size_t j = i + 1;
    const std::string_view second = segment(expr, j, false);
    std::string base = std::string(first) + "." + std::string(second);
    if (first == "data" && j < expr.size() && expr[j] == '.') {
      ++j;
      base += "." + std::string(segment(expr, j, false));
    }
    std::size_t k = j;
    if (k < expr.size() && expr[k] == '[') {
      const auto close = expr.find(']', k);
      if (close != std::string_view::npos) out.push_back(base + std::string(expr.substr(k, close + 1 - k)));
    }
    out.push_back(std::move(base));
  }
  std::size_t s = 0;
  out.emplace_back(segment(expr, s, true));
  if (out.back() != first) out.emplace_back(first);
  return out;
}

}  // namespace

Resolver::Resolver(const ResourceGraph& graph) : graph_(graph) { add_remaining(); }

Resolver::Resolver(const ResourceGraph& graph, std::span<const Resource* const> resources) : graph_(graph) {
  for (std::size_t i = 0; i < resources.size(); ++i) index(static_cast<VertexId>(i), *resources[i]);
  sort_from(0, 0, 0);
  indexed_ = resources.size();
}

void Resolver::add_remaining() {
  const auto vertices = graph_.resources();
  const std::size_t names = names_.size(), ids = ids_.size(), children = bare_children_.size();
  for (std::size_t k = indexed_; k < vertices.size(); ++k) index(vertices[k], graph_.resource(vertices[k]));
  indexed_ = vertices.size();
  sort_from(names, ids, children);
}

void Resolver::index(VertexId v, const Resource& r) {
  names_.push_back({r.origin.unit, r.origin.address, v});
  if (!r.origin.symbol.empty()) names_.push_back({r.origin.unit, r.origin.symbol, v});
  const auto name = r.name.as_string();
  if (!name) return;
  ids_.push_back({folded_key(r.type, *name), v});
  const bool child_type = std::count(r.type.begin(), r.type.end(), '/') > 1;
  if (child_type && name->find('/') == std::string_view::npos) bare_children_.push_back({folded_key(r.type, *name), v});
}

void Resolver::sort_from(std::size_t names, std::size_t ids, std::size_t children) {
  const auto by_name = [](const Named& a, const Named& b) {
    return std::tie(a.unit, a.name) < std::tie(b.unit, b.name);
  };
  const auto middle = names_.begin() + static_cast<std::ptrdiff_t>(names);
  std::stable_sort(middle, names_.end(), by_name);
  std::inplace_merge(names_.begin(), middle, names_.end(), by_name);  // stable: the earlier first
  const auto by_key = [](const Keyed& a, const Keyed& b) {
    return std::tie(a.key, a.vertex) < std::tie(b.key, b.vertex);
  };
  for (const auto& [keyed, from] : {std::pair{&ids_, ids}, std::pair{&bare_children_, children}}) {
    const auto mid = keyed->begin() + static_cast<std::ptrdiff_t>(from);
    std::sort(mid, keyed->end(), by_key);
    std::inplace_merge(keyed->begin(), mid, keyed->end(), by_key);
  }
}

std::vector<VertexId> Resolver::matching(const std::vector<Keyed>& keyed, std::string_view type,
                                         std::string_view name) const {
  const std::uint64_t key = folded_key(type, name);
  auto it = std::lower_bound(keyed.begin(), keyed.end(), key, [](const Keyed& k, std::uint64_t x) { return k.key < x; });
  std::vector<VertexId> out;
  for (; it != keyed.end() && it->key == key; ++it) {
    const Resource& r = graph_.resource(it->vertex);
    const auto own = r.name.as_string();
    if (own && iequals(r.type, type) && iequals(*own, name)) out.push_back(it->vertex);
  }
  return out;
}

std::optional<VertexId> Resolver::by_bare_child(const ResourceId& id) const {
  const auto slash = id.name.rfind('/');
  if (slash == std::string::npos || id.resource_group.empty()) return std::nullopt;
  std::optional<VertexId> match;
  for (const VertexId v : matching(bare_children_, id.type, std::string_view(id.name).substr(slash + 1))) {
    const auto rg = graph_.resource(v).scope.resource_group.as_string();
    if (!rg || !iequals(*rg, id.resource_group)) continue;
    if (match) return std::nullopt;  // ambiguous
    match = v;
  }
  return match;
}

std::optional<VertexId> Resolver::by_name(std::uint32_t unit, std::string_view name) const {
  const auto it = std::lower_bound(names_.begin(), names_.end(), std::tie(unit, name), [](const Named& n, const auto& key) {
    return std::tie(n.unit, n.name) < key;
  });
  if (it == names_.end() || it->unit != unit || it->name != name) return std::nullopt;
  return it->vertex;
}

std::optional<VertexId> Resolver::by_id(const ResourceId& id, const Resource& from) const {
  std::vector<VertexId> matches = matching(ids_, id.type, id.name);
  if (matches.empty()) return by_bare_child(id);
  std::erase_if(matches, [&](VertexId v) {
    const Resource& r = graph_.resource(v);
    const auto rg = r.scope.resource_group.as_string();
    const auto sub = r.scope.subscription.as_string();
    return (!id.resource_group.empty() && rg && !iequals(*rg, id.resource_group)) ||
           (!id.subscription.empty() && sub && !iequals(*sub, id.subscription));
  });
  if (matches.size() > 1) {
    // Several declarations share the name: only one in the same deployment unit decides.
    std::erase_if(matches, [&](VertexId v) { return graph_.resource(v).origin.unit != from.origin.unit; });
  }
  if (matches.size() != 1) return std::nullopt;
  return matches.front();
}

std::optional<VertexId> Resolver::by_expression(const Resource& from, std::string_view expression) const {
  if (const auto id = parse_resource_id_call(expression)) return by_id(*id, from);
  for (const auto& name : head_names(expression)) {
    if (const auto v = by_name(from.origin.unit, name)) return v;
  }
  return std::nullopt;
}

std::optional<VertexId> Resolver::resolve(const Resource& from, const Value& value, std::string_view path) const {
  for (const auto& ref : from.references) {
    if (ref.kind != ReferenceKind::Reference || !iequals(ref.from_path, path)) continue;
    if (const auto v = by_name(from.origin.unit, ref.target)) return v;
  }
  if (const auto text = value.as_string()) {
    if (const auto id = parse_resource_id(*text)) return by_id(*id, from);
    return std::nullopt;
  }
  if (const auto* expr = value.unknown_expression()) return by_expression(from, *expr);
  return std::nullopt;
}

}  // namespace akslint
