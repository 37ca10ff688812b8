#include <akslint/analyzer/Upgrades.h>

#include <akslint/analyzer/Rule.h>

namespace akslint {

namespace {

// Whether no automatic cluster upgrade runs: the channel is absent or "none".
bool without_cluster_upgrade(const Resource& cluster) {
  const Value* channel = cluster.at(kClusterChannelPath);
  if (channel == nullptr) return known_absent(cluster.body, kClusterChannelPath);
  if (channel->is_null()) return true;
  const auto text = channel->as_string();
  return text && iequals(*text, "none");
}

}  // namespace

const Value* unpatched_node_channel(const Resource& cluster) {
  const Value* channel = cluster.at(kNodeOsChannelPath);
  const auto text = channel != nullptr ? channel->as_string() : std::nullopt;
  if (!text || !(iequals(*text, "None") || iequals(*text, "Unmanaged"))) return nullptr;
  return without_cluster_upgrade(cluster) ? channel : nullptr;
}

}  // namespace akslint
