#pragma once
// Kubernetes objects in the canonical model, whichever format wrote them (YAML, Terraform's
// kubernetes provider, Bicep's Kubernetes extension).
//
// Canonical type: "Kubernetes/<group>/<Kind>", the group of apiVersion with "core" for the
// core group, as Bicep's Kubernetes extension names types: apps/v1 Deployment is
// "Kubernetes/apps/Deployment", v1 Pod is "Kubernetes/core/Pod". The version ("v1") is the
// resource's api_version; name = metadata.name; body = the whole object.
#include <akslint/model/Resource.h>

#include <optional>
#include <string>
#include <string_view>

namespace akslint {

[[nodiscard]] std::string kubernetes_type(std::string_view group, std::string_view kind);

// Splits "apps/v1" into group and version; "v1" is the core group.
struct GroupVersion {
  std::string group;
  std::string version;
};
[[nodiscard]] GroupVersion split_api_version(std::string_view api_version);

// A resource for `object` when it has a known apiVersion and kind, else nullopt. `origin`
// gets its address ("Kind/namespace/name") and source type unless the caller set them.
[[nodiscard]] std::optional<Resource> kubernetes_resource(Value object, Origin origin);

// Turns a resource of Bicep's Kubernetes extension ('apps/Deployment@v1', whose body has
// no apiVersion or kind) into the Kubernetes object. Resources whose type does not have the
// extension's "<group>/<Kind>" form are left alone.
void lower_bicep_kubernetes(Resource& resource);

}  // namespace akslint
