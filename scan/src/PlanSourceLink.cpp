#include "PlanSourceLink.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace akslint {

namespace {

std::string directory_of(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

// Gives `plan` the spans of the same values in `source`; values the source does not write
// take `fallback`, the span of the nearest enclosing value it does write.
void adopt_spans(Value& plan, const Value* source, SourceSpan fallback) {
  const SourceSpan here = source != nullptr && source->span().valid() ? source->span() : fallback;
  plan.set_span(here);
  if (auto* members = plan.as_object()) {
    for (auto& m : *members) {
      const Value::Member* match = source != nullptr ? source->find_member(m.key) : nullptr;
      m.key_span = match != nullptr ? match->key_span : here;
      adopt_spans(m.value, match != nullptr ? &match->value : nullptr, here);
    }
  } else if (auto* items = plan.as_array()) {
    const auto* source_items = source != nullptr ? source->as_array() : nullptr;
    for (std::size_t i = 0; i < items->size(); ++i) {
      const Value* match = source_items != nullptr && i < source_items->size() ? &(*source_items)[i] : nullptr;
      adopt_spans((*items)[i], match, here);
    }
  }
}

void adopt_source(Resource& plan, const Resource& source) {
  adopt_spans(plan.body, &source.body, source.origin.header_span);
  adopt_spans(plan.name, &source.name, source.origin.header_span);
  adopt_spans(plan.scope.resource_group, &source.scope.resource_group, source.origin.header_span);
  adopt_spans(plan.scope.subscription, &source.scope.subscription, source.origin.header_span);
  plan.origin.file = source.origin.file;
  plan.origin.span = source.origin.span;
  plan.origin.header_span = source.origin.header_span;
}

}  // namespace

// The first of `candidates` not yet taken by another plan resource.
std::optional<std::size_t> first_free(const std::vector<std::size_t>* candidates, const std::vector<bool>& taken) {
  if (candidates == nullptr) return std::nullopt;
  for (const std::size_t i : *candidates) {
    if (!taken[i]) return i;
  }
  return std::nullopt;
}

template <class Map, class Key>
const std::vector<std::size_t>* find_list(const Map& map, const Key& key) {
  const auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

void link_plans_to_sources(std::vector<std::vector<Resource>>& units, const FileTable& files) {
  std::vector<Resource*> resources;  // all of them, in unit order
  for (auto& unit : units) {
    for (auto& r : unit) resources.push_back(&r);
  }
  // Addresses that some plan holds: only sources at one of them can be linked.
  std::set<std::string_view> planned;
  for (const Resource* r : resources) {
    if (r->origin.kind == SourceKind::TerraformPlan) planned.insert(r->origin.address);
  }
  if (planned.empty()) return;
  // Source resources by address, and by (address, directory of the root module's files); each
  // list in resource order. A plan resource takes the source in its own directory first.
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_address;
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> by_address_and_dir;
  for (std::size_t i = 0; i < resources.size(); ++i) {
    const Origin& o = resources[i]->origin;
    if (o.kind == SourceKind::Terraform && o.file < files.size() && planned.contains(o.address)) {
      by_address[o.address].push_back(i);
      by_address_and_dir[{o.address, directory_of(files[o.file].path)}].push_back(i);
    }
  }
  if (by_address.empty()) return;
  std::vector<bool> taken(resources.size(), false);
  bool any = false;
  for (Resource* r : resources) {
    if (r->origin.kind != SourceKind::TerraformPlan || r->origin.file >= files.size()) continue;
    auto source = first_free(find_list(by_address_and_dir, std::make_pair(r->origin.address,
                                                                           directory_of(files[r->origin.file].path))),
                             taken);
    if (!source) source = first_free(find_list(by_address, r->origin.address), taken);
    if (!source) continue;
    adopt_source(*r, *resources[*source]);
    taken[*source] = any = true;
  }
  if (!any) return;
  // The sources a plan stands for leave the model; the rest keep their order.
  std::size_t first = 0;  // the unit's first resource in `resources`
  for (auto& unit : units) {
    const std::size_t size = unit.size();
    const Resource* base = unit.data();
    // remove_if tests each element where it stands, before anything moves into its place.
    std::erase_if(unit, [&](const Resource& r) { return taken[first + static_cast<std::size_t>(&r - base)]; });
    first += size;
  }
}

}  // namespace akslint
