#include "Resolver.h"

#include <algorithm>
#include <cctype>

namespace akslint {

namespace {

std::string lower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string id_key(std::string_view type, std::string_view name) { return lower(type) + "|" + lower(name); }

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

Resolver::Resolver(const ResourceGraph& graph) : graph_(graph) {
  for (const VertexId v : graph.resources()) {
    const Resource& r = graph.resource(v);
    names_.emplace(std::make_tuple(r.origin.unit, r.origin.address), v);
    if (!r.origin.symbol.empty()) names_.emplace(std::make_tuple(r.origin.unit, r.origin.symbol), v);
    const auto name = r.name.as_string();
    if (!name) continue;
    ids_[id_key(r.type, *name)].push_back(v);
    const bool child_type = std::count(r.type.begin(), r.type.end(), '/') > 1;
    if (child_type && name->find('/') == std::string_view::npos) bare_children_[id_key(r.type, *name)].push_back(v);
  }
}

std::optional<VertexId> Resolver::by_bare_child(const ResourceId& id) const {
  const auto slash = id.name.rfind('/');
  if (slash == std::string::npos || id.resource_group.empty()) return std::nullopt;
  const auto it = bare_children_.find(id_key(id.type, id.name.substr(slash + 1)));
  if (it == bare_children_.end()) return std::nullopt;
  std::optional<VertexId> match;
  for (const VertexId v : it->second) {
    const auto rg = graph_.resource(v).scope.resource_group.as_string();
    if (!rg || !iequals(*rg, id.resource_group)) continue;
    if (match) return std::nullopt;  // ambiguous
    match = v;
  }
  return match;
}

std::optional<VertexId> Resolver::by_name(std::uint32_t unit, std::string_view name) const {
  const auto it = names_.find(std::make_tuple(unit, std::string(name)));
  if (it == names_.end()) return std::nullopt;
  return it->second;
}

std::optional<VertexId> Resolver::by_id(const ResourceId& id, const Resource& from) const {
  const auto it = ids_.find(id_key(id.type, id.name));
  if (it == ids_.end()) return by_bare_child(id);
  std::vector<VertexId> matches;
  for (const VertexId v : it->second) {
    const Resource& r = graph_.resource(v);
    const auto rg = r.scope.resource_group.as_string();
    const auto sub = r.scope.subscription.as_string();
    if (!id.resource_group.empty() && rg && !iequals(*rg, id.resource_group)) continue;
    if (!id.subscription.empty() && sub && !iequals(*sub, id.subscription)) continue;
    matches.push_back(v);
  }
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
