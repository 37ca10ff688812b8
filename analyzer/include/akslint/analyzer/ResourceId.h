#pragma once
// Azure resource ids ("/subscriptions/<id>/resourceGroups/<rg>/providers/<ns>/<type>/<name>/...")
// read into their parts, so an id written as a string can be matched to the resource and
// the scope it names.
#include <optional>
#include <string>
#include <string_view>

namespace akslint {

struct ResourceId {
  std::string subscription;    // empty when the id does not say
  std::string resource_group;  // empty for subscription-level ids
  std::string type;            // "Microsoft.Network/virtualNetworks/subnets"; resource groups and
                               // subscriptions get their Microsoft.Resources type
  std::string name;            // "vnet/snet": child names joined by '/', as ARM names children
};

// Reads a resource id string; nullopt when the text is not one.
[[nodiscard]] std::optional<ResourceId> parse_resource_id(std::string_view text);

// Reads an ARM `resourceId(...)` / `[resourceId(...)]` call whose arguments are all string
// literals; nullopt for anything else (parameters, nested calls).
[[nodiscard]] std::optional<ResourceId> parse_resource_id_call(std::string_view expression);

}  // namespace akslint
