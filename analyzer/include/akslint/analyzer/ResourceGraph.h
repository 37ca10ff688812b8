#pragma once
// The estate: every resource of every deployment unit plus the scopes they are deployed
// into, joined by typed edges. Boost.Graph stays behind the pimpl.
#include <akslint/model/Resource.h>

#include <cstdint>
#include <functional>
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
  // Typed facts the rules stand on, resolved from references and resource-id strings.
  SubnetOf,             // cluster (or pool) -> a subnet its nodes or pods use
  NsgAssociated,        // subnet -> its network security group
  RouteTableAssociated, // subnet -> its route table
  NodeResourceGroupOf,  // cluster -> its node resource group scope
  Targets,              // autoscale setting / scale-set extension -> the resource it acts on
  Locks,                // management lock -> the resource or scope it locks
  EncryptedWith,        // cluster -> its disk encryption set
  PlacedIn,             // cluster (or pool) -> its proximity placement group
};
[[nodiscard]] std::string_view to_string(EdgeKind kind);

using VertexId = std::uint32_t;

enum class ScopeKind : std::uint8_t { Subscription, ResourceGroup, NodeResourceGroup };

// A scope vertex: a subscription or a resource group named by known values. A resource
// group that some cluster uses as its node resource group is one vertex of kind
// NodeResourceGroup, whoever else deploys into it.
struct ScopeVertex {
  ScopeKind kind = ScopeKind::ResourceGroup;
  std::string subscription;  // empty when unknown or not stated
  std::string name;          // resource group name (compared case-insensitively)
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
  // A graph whose first vertices are the resources of `units`, in order, in vertex storage
  // sized at once for them and `more` vertices to come (inline resources, scopes): grown one
  // by one, it doubles and ends up to twice the size it needs. The graph keeps `units` as given.
  ResourceGraph(std::vector<std::vector<Resource>> units, std::size_t more);
  ~ResourceGraph();
  ResourceGraph(ResourceGraph&&) noexcept;
  ResourceGraph& operator=(ResourceGraph&&) noexcept;
  ResourceGraph(const ResourceGraph&) = delete;
  ResourceGraph& operator=(const ResourceGraph&) = delete;

  VertexId add_resource(Resource resource);
  // A resource declared inside its parent's body (a VNet's inline subnet): a vertex with a
  // ParentOf edge from `parent` whose path is where the declaration sits.
  VertexId add_inline_resource(Resource resource, VertexId parent, std::string path);
  // Returns the existing vertex for the same scope when there is one; a resource group
  // added again as a node resource group becomes one.
  VertexId add_scope(ScopeVertex scope);
  // The vertex of a resource group (any kind) or, with an empty name, of a subscription.
  [[nodiscard]] std::optional<VertexId> find_scope(std::string_view subscription, std::string_view name) const;
  void add_edge(Edge edge);

  [[nodiscard]] std::size_t vertex_count() const;
  [[nodiscard]] bool is_resource(VertexId v) const;
  [[nodiscard]] const Resource& resource(VertexId v) const;
  [[nodiscard]] const ScopeVertex& scope(VertexId v) const;
  // Resource vertices in insertion order (deterministic).
  [[nodiscard]] std::span<const VertexId> resources() const;
  // Resource vertices of one canonical type (case-insensitive), in insertion order.
  [[nodiscard]] std::span<const VertexId> resources_of(std::string_view canonical_type) const;
  // Resource vertices whose type, in ASCII lower case, `lowercase_type_matches`, in insertion
  // order: the question is asked once per type, not once per resource.
  [[nodiscard]] std::vector<VertexId> resources_where(
      const std::function<bool(std::string_view)>& lowercase_type_matches) const;
  [[nodiscard]] std::vector<Edge> out_edges(VertexId v, std::optional<EdgeKind> kind = std::nullopt) const;
  [[nodiscard]] std::vector<Edge> in_edges(VertexId v, std::optional<EdgeKind> kind = std::nullopt) const;
  // Targets of `v`'s out-edges of one kind, and sources of its in-edges, in insertion order
  // (without copying the edges' paths, as out_edges and in_edges do).
  [[nodiscard]] std::vector<VertexId> targets(VertexId v, EdgeKind kind) const;
  [[nodiscard]] std::vector<VertexId> sources(VertexId v, EdgeKind kind) const;
  // A resource the graph expanded from an inline declaration (a VNet's subnets array).
  [[nodiscard]] bool declared_inline(VertexId v) const;

 private:
  VertexId add_resource_vertex(const Resource& resource);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace akslint
