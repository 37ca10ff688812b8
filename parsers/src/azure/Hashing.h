#pragma once
// The two deterministic name generators of Azure templates, computed as Azure does.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace akslint::azure {

// The 64-bit MurmurHash variant (two 32-bit lanes) Azure Resource Manager uses.
[[nodiscard]] std::uint64_t murmur_hash64(std::string_view bytes);
// uniqueString(): the hash of the arguments joined by '-', as 13 base-32 characters.
[[nodiscard]] std::string unique_string(std::string_view joined);
[[nodiscard]] std::array<std::uint8_t, 20> sha1(std::string_view bytes);
// guid(): a name-based (version 5) UUID of the arguments joined by '-', under the
// namespace 11fb06fb-712d-4ddd-98c7-e71bbd588830.
[[nodiscard]] std::string template_guid(std::string_view joined);

}  // namespace akslint::azure
