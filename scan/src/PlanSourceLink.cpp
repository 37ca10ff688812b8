#include "PlanSourceLink.h"

#include <map>
#include <string>
#include <tuple>

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

void link_plans_to_sources(std::vector<Resource>& resources, const FileTable& files) {
  // (directory of the root module's files, address) -> index of the source resource.
  std::multimap<std::string, std::pair<std::string, std::size_t>> sources;
  for (std::size_t i = 0; i < resources.size(); ++i) {
    const Origin& o = resources[i].origin;
    if (o.kind == SourceKind::Terraform && o.file < files.size()) {
      sources.emplace(o.address, std::make_pair(directory_of(files[o.file].path), i));
    }
  }
  if (sources.empty()) return;
  std::vector<bool> dropped(resources.size(), false);
  for (auto& r : resources) {
    if (r.origin.kind != SourceKind::TerraformPlan || r.origin.file >= files.size()) continue;
    const std::string plan_dir = directory_of(files[r.origin.file].path);
    const auto [first, last] = sources.equal_range(r.origin.address);
    const std::pair<std::string, std::size_t>* best = nullptr;
    for (auto it = first; it != last; ++it) {
      if (dropped[it->second.second]) continue;
      if (best == nullptr || (it->second.first == plan_dir && best->first != plan_dir)) best = &it->second;
    }
    if (best == nullptr) continue;
    adopt_source(r, resources[best->second]);
    dropped[best->second] = true;
  }
  std::vector<Resource> kept;
  kept.reserve(resources.size());
  for (std::size_t i = 0; i < resources.size(); ++i) {
    if (!dropped[i]) kept.push_back(std::move(resources[i]));
  }
  resources = std::move(kept);
}

}  // namespace akslint
