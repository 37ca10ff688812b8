// The azurerm -> canonical table: one row per Terraform type, in the area files. Attribute
// renames between azurerm 3.x and 4.x appear as two fields with the same target path.
#include "terraform/AzurermTypes.h"

namespace akslint::terraform {

const TypeMapping* find_type_mapping(std::string_view tf_type) {
  for (const auto area : {container_service_types(), network_types(), compute_types(), management_types()}) {
    for (const auto& t : area) {
      if (t.tf_type == tf_type) return &t;
    }
  }
  return nullptr;
}

}  // namespace akslint::terraform
