#pragma once
// How a cluster's nodes get patched: its node OS and cluster auto-upgrade channels.
#include <akslint/model/Resource.h>

#include <string_view>

namespace akslint {

inline constexpr std::string_view kNodeOsChannelPath = "properties.autoUpgradeProfile.nodeOSUpgradeChannel";
inline constexpr std::string_view kClusterChannelPath = "properties.autoUpgradeProfile.upgradeChannel";

// The node OS channel value when nothing ever refreshes the nodes: the channel is `None` or
// `Unmanaged` (which leaves patches to reboots nobody schedules) and no cluster auto-upgrade
// channel runs either. Null when the nodes are patched, or when that is not known.
[[nodiscard]] const Value* unpatched_node_channel(const Resource& cluster);

}  // namespace akslint
