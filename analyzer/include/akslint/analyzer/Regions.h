#pragma once
// Facts about Azure regions the rules need.
#include <string_view>

namespace akslint {

// Whether the region (any spelling: "West Europe", "westeurope") has availability zones.
[[nodiscard]] bool region_has_availability_zones(std::string_view location);

}  // namespace akslint
