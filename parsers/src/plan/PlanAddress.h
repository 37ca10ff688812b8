#pragma once
// Terraform addresses as plans write them: `module.net["eu"].azurerm_subnet.s[0]`, and the
// references configuration expressions list (`azurerm_subnet.s[0].id`, `var.x`, `module.m.out`).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace akslint::plan {

// One dotted step with its instance key as written (`[0]`, `["eu"]`), or an empty key.
struct AddressStep {
  std::string name;
  std::string key;
  friend bool operator==(const AddressStep&, const AddressStep&) = default;
};

// Splits on dots outside brackets and quotes; nullopt for text that is not an address.
[[nodiscard]] std::optional<std::vector<AddressStep>> split_address(std::string_view text);

// A resource instance address taken apart.
struct ResourceAddress {
  std::vector<AddressStep> modules;  // module calls from the root, with their instance keys
  std::string resource;              // "azurerm_subnet.s" or "data.azurerm_subnet.s", no key
  std::string key;                   // the resource's instance key, or empty

  // "a.b": the configuration module, instance keys dropped.
  [[nodiscard]] std::string module_path() const;
};

[[nodiscard]] std::optional<ResourceAddress> parse_resource_address(std::string_view address);

}  // namespace akslint::plan
