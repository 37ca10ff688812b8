#pragma once
// Finds the declared resource an attribute points to, whichever way the format wrote it:
// a reference the reader recorded, a resource id string, an ARM resourceId() call with
// literal arguments, or a Terraform address / Bicep symbol at the head of an expression.
#include <akslint/analyzer/ResourceGraph.h>
#include <akslint/analyzer/ResourceId.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace akslint {

class Resolver {
 public:
  // Every resource vertex of `graph`.
  explicit Resolver(const ResourceGraph& graph);
  // `resources` as vertices 0, 1, ...: the graph's first vertices, which it need not hold yet,
  // so that this index is made beside the graph. add_remaining() adds the vertices after them.
  Resolver(const ResourceGraph& graph, std::span<const Resource* const> resources);
  // The graph's resource vertices not indexed yet (added after the first ones); among equal
  // names, those indexed before come first.
  void add_remaining();

  [[nodiscard]] std::optional<VertexId> by_name(std::uint32_t unit, std::string_view name) const;
  // The one declared resource an id names; nullopt when none or several match.
  [[nodiscard]] std::optional<VertexId> by_id(const ResourceId& id, const Resource& from) const;
  // The resource `value` (at canonical `path` of `from`) points to.
  [[nodiscard]] std::optional<VertexId> resolve(const Resource& from, const Value& value, std::string_view path) const;

 private:
  // A resource under one of its names (a Terraform address, a Bicep symbol) in its unit.
  struct Named {
    std::uint32_t unit = 0;
    std::string_view name;  // views the resource's own strings, which the graph never moves
    VertexId vertex = 0;
  };
  // A resource under the case-folded hash of its "type|name"; resources whose hashes meet
  // are told apart by their type and name themselves.
  struct Keyed {
    std::uint64_t key = 0;
    VertexId vertex = 0;
  };

  void index(VertexId v, const Resource& r);
  // Sorts what was indexed since the lists held `names`, `ids` and `children` entries, and
  // merges it into what they held.
  void sort_from(std::size_t names, std::size_t ids, std::size_t children);
  std::optional<VertexId> by_expression(const Resource& from, std::string_view expression) const;
  std::optional<VertexId> by_bare_child(const ResourceId& id) const;
  // The resources of `keyed` whose type and name equal `type` and `name` (case-insensitively),
  // in the graph's order.
  [[nodiscard]] std::vector<VertexId> matching(const std::vector<Keyed>& keyed, std::string_view type,
                                               std::string_view name) const;

  // Flat and sorted rather than maps of strings: built once per scan for every resource,
  // they cost no allocation per name, and lookups copy no strings.
  const ResourceGraph& graph_;
  std::vector<Named> names_;  // by (unit, name); among equals, the first declared first
  std::vector<Keyed> ids_;    // by key, then the graph's order
  // Child resources named without their parent (Terraform subnets: "nodes", not
  // "vnet/nodes"): matched to an id only within the id's resource group.
  std::vector<Keyed> bare_children_;
  std::size_t indexed_ = 0;  // resource vertices indexed: the graph's first ones
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
