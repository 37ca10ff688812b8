#pragma once
// Finds the declared resource an attribute points to, whichever way the format wrote it:
// a reference the reader recorded, a resource id string, an ARM resourceId() call with
// literal arguments, or a Terraform address / Bicep symbol at the head of an expression.
#include <akslint/analyzer/ResourceGraph.h>
#include <akslint/analyzer/ResourceId.h>

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace akslint {

class Resolver {
 public:
  explicit Resolver(const ResourceGraph& graph);

  [[nodiscard]] std::optional<VertexId> by_name(std::uint32_t unit, std::string_view name) const;
  // The one declared resource an id names; nullopt when none or several match.
  [[nodiscard]] std::optional<VertexId> by_id(const ResourceId& id, const Resource& from) const;
  // The resource `value` (at canonical `path` of `from`) points to.
  [[nodiscard]] std::optional<VertexId> resolve(const Resource& from, const Value& value, std::string_view path) const;

 private:
  std::optional<VertexId> by_expression(const Resource& from, std::string_view expression) const;

  const ResourceGraph& graph_;
  std::map<std::tuple<std::uint32_t, std::string>, VertexId> names_;
  std::map<std::string, std::vector<VertexId>> ids_;  // "type|name", lower-cased
  // Child resources named without their parent (Terraform subnets: "nodes", not
  // "vnet/nodes"), by "type|name": matched to an id only within the id's resource group.
  std::map<std::string, std::vector<VertexId>> bare_children_;
  std::optional<VertexId> by_bare_child(const ResourceId& id) const;
};

// Calls `fn(value, concrete path)` for every value at `pattern`, where "[*]" visits each
// element of an array ("properties.agentPoolProfiles[*].vnetSubnetID").
template <class Fn>
void visit_path(const Value& root, std::string_view pattern, const std::string& prefix, Fn&& fn) {
  const auto star = pattern.find("[*]");
  if (star == std::string_view::npos) {
    const Value* v = root.at(pattern);
    if (v != nullptr) fn(*v, prefix.empty() ? std::string(pattern) : prefix + "." + std::string(pattern));
    return;
  }
  const std::string head(pattern.substr(0, star));
  const Value* array = root.at(head);
  const auto* items = array != nullptr ? array->as_array() : nullptr;
  if (items == nullptr) return;
  std::string_view rest = pattern.substr(star + 3);
  if (!rest.empty() && rest.front() == '.') rest.remove_prefix(1);
  const std::string base = prefix.empty() ? head : prefix + "." + head;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const std::string element = base + "[" + std::to_string(i) + "]";
    if (rest.empty()) {
      fn((*items)[i], element);
    } else {
      visit_path((*items)[i], rest, element, fn);
    }
  }
}

}  // namespace akslint
