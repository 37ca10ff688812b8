#pragma once
// The Terraform kubernetes provider's resources as Kubernetes objects: `kubernetes_manifest`
// (the manifest is already the object) and the typed `kubernetes_*_v1` resources, whose
// snake_case blocks map onto the object's camelCase fields; and the helm provider's
// `helm_release`, with its chart values.
#include "terraform/AzurermMapping.h"

namespace akslint::terraform {

[[nodiscard]] bool is_kubernetes_type(std::string_view tf_type);
// The Kubernetes object for `tf`; nullopt when its object cannot be known (a manifest written
// as an expression) or the type is not one akslint reads.
[[nodiscard]] std::optional<Resource> kubernetes_to_canonical(const TerraformResource& tf);

}  // namespace akslint::terraform
