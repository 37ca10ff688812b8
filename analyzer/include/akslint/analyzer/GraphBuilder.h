#pragma once
// Joins the resources of all deployment units into one estate graph: scope vertices,
// deployed-into edges, and the references each format recorded, resolved by address.
#include <akslint/analyzer/ResourceGraph.h>

#include <vector>

namespace akslint {

// `units` holds each unit's resources, in unit order; the graph keeps them where they are.
// Parts of the build run on two threads when `jobs` allows (0: one per core); the graph is
// the same whatever `jobs`.
[[nodiscard]] ResourceGraph build_graph(std::vector<std::vector<Resource>> units, unsigned jobs = 1);
[[nodiscard]] ResourceGraph build_graph(std::vector<Resource> resources);

}  // namespace akslint
