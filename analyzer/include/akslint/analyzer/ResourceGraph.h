#pragma once
// The estate: every resource of every deployment unit plus the scopes they are deployed
// into, joined by typed edges. Boost.Graph stays behind the pimpl.
#include <akslint/model/Resource.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace akslint {

enum class EdgeKind : std::uint8_t {
  References,    // an attribute of the source names the target
  ParentOf,      // source is the parent resource of target (cluster -> agent pool)
  DeployedInto,  // resource -> the scope it is deployed into
  DependsOn,     // explicit ordering
};
[[nodiscard]] std::string_view to_string(EdgeKind kind);

using VertexId = std::uint32_t;

enum class ScopeKind : std::uint8_t { Subscription, ResourceGroup, NodeResourceGroup };

// A scope vertex: a subscription or a resource group named by known values.
struct ScopeVertex {
  ScopeKind kind = ScopeKind::ResourceGroup;
  std::string subscription;  // empty when unknown or not stated
  std::string name;          // resource group name (lower-cased for lookup in `key`)
};

struct Edge {
  VertexId source = 0;
  VertexId target = 0;
  EdgeKind kind = EdgeKind::References;
  std::string from_path;  // attribute that makes the edge, if any
  SourceSpan span;
};

class ResourceGraph {
 public:
  ResourceGraph();
  ~ResourceGraph();
  ResourceGraph(ResourceGraph&&) noexcept;
  ResourceGraph& operator=(ResourceGraph&&) noexcept;
  ResourceGraph(const ResourceGraph&) = delete;
  ResourceGraph& operator=(const ResourceGraph&) = delete;

  VertexId add_resource(Resource resource);
  // Returns the existing vertex for the same scope when there is one.
  VertexId add_scope(ScopeVertex scope);
  void add_edge(Edge edge);

  [[nodiscard]] std::size_t vertex_count() const;
  [[nodiscard]] bool is_resource(VertexId v) const;
  [[nodiscard]] const Resource& resource(VertexId v) const;
  [[nodiscard]] const ScopeVertex& scope(VertexId v) const;
  // Resource vertices in insertion order (deterministic).
  [[nodiscard]] std::span<const VertexId> resources() const;
  // Resource vertices of one canonical type (case-insensitive), in insertion order.
  [[nodiscard]] std::vector<VertexId> resources_of(std::string_view canonical_type) const;
  [[nodiscard]] std::vector<Edge> out_edges(VertexId v, std::optional<EdgeKind> kind = std::nullopt) const;
  [[nodiscard]] std::vector<Edge> in_edges(VertexId v, std::optional<EdgeKind> kind = std::nullopt) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace akslint
