// The azurerm -> canonical table. One row per Terraform type; attribute renames between
// azurerm 3.x and 4.x appear as two fields with the same target path.
#include "terraform/AzurermMapping.h"

namespace akslint::terraform {

namespace {

using enum BlockShape;

// Fields shared by default_node_pool, node_pool-style blocks and azurerm_kubernetes_cluster_node_pool.
constexpr FieldMapping kPoolFields[] = {
    {"name", "name"},
    {"node_count", "count"},
    {"min_count", "minCount"},
    {"max_count", "maxCount"},
    {"enable_auto_scaling", "enableAutoScaling"},  // azurerm 3.x
    {"auto_scaling_enabled", "enableAutoScaling"}, // azurerm 4.x
    {"vm_size", "vmSize"},
    {"mode", "mode"},
    {"os_type", "osType"},
    {"os_sku", "osSKU"},
    {"max_pods", "maxPods"},
    {"zones", "availabilityZones"},
    {"availability_zones", "availabilityZones"},
    {"vnet_subnet_id", "vnetSubnetID"},
    {"pod_subnet_id", "podSubnetID"},
    {"orchestrator_version", "orchestratorVersion"},
    {"os_disk_type", "osDiskType"},
    {"os_disk_size_gb", "osDiskSizeGB"},
    {"enable_host_encryption", "enableEncryptionAtHost"},  // 3.x
    {"host_encryption_enabled", "enableEncryptionAtHost"}, // 4.x
    {"enable_node_public_ip", "enableNodePublicIP"},       // 3.x
    {"node_public_ip_enabled", "enableNodePublicIP"},      // 4.x
    {"fips_enabled", "enableFIPS"},
    {"node_taints", "nodeTaints"},
    {"node_labels", "nodeLabels"},
    {"type", "type"},
    {"proximity_placement_group_id", "proximityPlacementGroupID"},
    {"only_critical_addons_enabled", "onlyCriticalAddonsEnabled"},
    {"tags", "tags"},
};

constexpr DefaultValue kDefaultPoolDefaults[] = {{"mode", "System"}};
constexpr BlockMapping kDefaultPool{kPoolFields, kDefaultPoolDefaults};

// azurerm_kubernetes_cluster_node_pool: the pool fields under `properties`, mode User unless set.
constexpr FieldMapping kNodePoolPropertyFields[] = {
    {"node_count", "count"},
    {"min_count", "minCount"},
    {"max_count", "maxCount"},
    {"enable_auto_scaling", "enableAutoScaling"},
    {"auto_scaling_enabled", "enableAutoScaling"},
    {"vm_size", "vmSize"},
    {"mode", "mode"},
    {"os_type", "osType"},
    {"os_sku", "osSKU"},
    {"max_pods", "maxPods"},
    {"zones", "availabilityZones"},
    {"vnet_subnet_id", "vnetSubnetID"},
    {"pod_subnet_id", "podSubnetID"},
    {"orchestrator_version", "orchestratorVersion"},
    {"os_disk_type", "osDiskType"},
    {"enable_host_encryption", "enableEncryptionAtHost"},
    {"host_encryption_enabled", "enableEncryptionAtHost"},
    {"enable_node_public_ip", "enableNodePublicIP"},
    {"node_public_ip_enabled", "enableNodePublicIP"},
    {"fips_enabled", "enableFIPS"},
    {"node_taints", "nodeTaints"},
    {"node_labels", "nodeLabels"},
    {"proximity_placement_group_id", "proximityPlacementGroupID"},
};
constexpr DefaultValue kNodePoolDefaults[] = {{"mode", "User"}};
constexpr BlockMapping kNodePoolProperties{kNodePoolPropertyFields, kNodePoolDefaults};
constexpr FieldMapping kNodePoolFields[] = {
    {"name", "@name"},
    {"kubernetes_cluster_id", "@parent"},
    {"tags", "tags"},
    {"", "properties", Object, &kNodePoolProperties},  // "" = the resource's own attributes
};
constexpr BlockMapping kNodePool{kNodePoolFields};

constexpr FieldMapping kClusterPropertyFields[] = {
    {"dns_prefix", "dnsPrefix"},
    {"node_resource_group", "nodeResourceGroup"},
    {"kubernetes_version", "kubernetesVersion"},
    {"default_node_pool", "agentPoolProfiles", AppendToArray, &kDefaultPool},
};
constexpr BlockMapping kClusterProperties{kClusterPropertyFields};
constexpr FieldMapping kClusterFields[] = {
    {"name", "@name"},
    {"resource_group_name", "@resourceGroup"},
    {"location", "location"},
    {"tags", "tags"},
    {"sku_tier", "sku.tier"},
    {"", "properties", Object, &kClusterProperties},
};
constexpr BlockMapping kCluster{kClusterFields};

constexpr FieldMapping kResourceGroupFields[] = {
    {"name", "@name"},
    {"location", "location"},
    {"tags", "tags"},
};
constexpr BlockMapping kResourceGroup{kResourceGroupFields};

constexpr TypeMapping kTypes[] = {
    {"azurerm_kubernetes_cluster", "Microsoft.ContainerService/managedClusters", &kCluster},
    {"azurerm_kubernetes_cluster_node_pool", "Microsoft.ContainerService/managedClusters/agentPools", &kNodePool},
    {"azurerm_resource_group", "Microsoft.Resources/resourceGroups", &kResourceGroup},
};

}  // namespace

const TypeMapping* find_type_mapping(std::string_view tf_type) {
  for (const auto& t : kTypes) {
    if (t.tf_type == tf_type) return &t;
  }
  return nullptr;
}

}  // namespace akslint::terraform
