#pragma once
// Graph facts derived after every resource is a vertex: inline children, ARM-style parents,
// typed edges, scopes from resource ids, and each cluster's node resource group.
#include "Resolver.h"

namespace akslint {

// Expands a VNet's inline subnets (properties.subnets[]) into subnet vertices.
void expand_inline_subnets(ResourceGraph& graph, VertexId vnet);
// ParentOf edges for ARM children named "<parent>/<child>" with no recorded parent reference.
void add_named_parents(ResourceGraph& graph, const Resolver& resolver);
// Typed edges (SubnetOf, NsgAssociated, Targets, ...) resolved from references and ids.
void add_typed_edges(ResourceGraph& graph, const Resolver& resolver);
// DeployedInto edges for resources whose scope is still unknown: from their own resource id,
// else from their parent's scope.
void add_derived_scopes(ResourceGraph& graph);
// A NodeResourceGroupOf edge from each cluster whose node resource group name is known.
void add_node_resource_groups(ResourceGraph& graph);

}  // namespace akslint
