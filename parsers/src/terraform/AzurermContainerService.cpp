// azurerm_kubernetes_cluster, its node pools and extensions -> Microsoft.ContainerService
// and Microsoft.KubernetesConfiguration, with the ARM property names of the REST API.
#include "terraform/AzurermTypes.h"

namespace akslint::terraform {

namespace {

using enum BlockShape;
using enum Transform;

constexpr FieldMapping kUpgradeSettingsFields[] = {
    {"max_surge", "maxSurge"},
    {"drain_timeout_in_minutes", "drainTimeoutInMinutes"},
    {"node_soak_duration_in_minutes", "nodeSoakDurationInMinutes"},
};
constexpr BlockMapping kUpgradeSettings{kUpgradeSettingsFields};

// Agent pool properties shared by default_node_pool and azurerm_kubernetes_cluster_node_pool.
constexpr FieldMapping kPoolFields[] = {
    {"node_count", "count"},
    {"min_count", "minCount"},
    {"max_count", "maxCount"},
    {"enable_auto_scaling", "enableAutoScaling"},   // 3.x
    {"auto_scaling_enabled", "enableAutoScaling"},  // 4.x
    {"vm_size", "vmSize"},
    {"mode", "mode"},
    {"os_type", "osType"},
    {"os_sku", "osSKU"},
    {"max_pods", "maxPods"},
    {"zones", "availabilityZones"},
    {"availability_zones", "availabilityZones"},  // 2.x
    {"vnet_subnet_id", "vnetSubnetID"},
    {"pod_subnet_id", "podSubnetID"},
    {"orchestrator_version", "orchestratorVersion"},
    {"os_disk_type", "osDiskType"},
    {"os_disk_size_gb", "osDiskSizeGB"},
    {"kubelet_disk_type", "kubeletDiskType"},
    {"enable_host_encryption", "enableEncryptionAtHost"},   // 3.x
    {"host_encryption_enabled", "enableEncryptionAtHost"},  // 4.x
    {"enable_node_public_ip", "enableNodePublicIP"},        // 3.x
    {"node_public_ip_enabled", "enableNodePublicIP"},       // 4.x
    {"node_public_ip_prefix_id", "nodePublicIPPrefixID"},
    {"fips_enabled", "enableFIPS"},
    {"ultra_ssd_enabled", "enableUltraSSD"},
    {"node_taints", "nodeTaints"},
    {"node_labels", "nodeLabels"},
    {"type", "type"},
    {"proximity_placement_group_id", "proximityPlacementGroupID"},
    {"capacity_reservation_group_id", "capacityReservationGroupID"},
    {"host_group_id", "hostGroupID"},
    {"gpu_instance", "gpuInstanceProfile"},
    {"scale_down_mode", "scaleDownMode"},
    {"workload_runtime", "workloadRuntime"},
    {"priority", "scaleSetPriority"},
    {"eviction_policy", "scaleSetEvictionPolicy"},
    {"spot_max_price", "spotMaxPrice"},
    {"snapshot_id", "creationData.sourceResourceId"},
    {"upgrade_settings", "upgradeSettings", Object, &kUpgradeSettings},
    {"tags", "tags"},
};
constexpr BlockMapping kPool{kPoolFields};

// default_node_pool: an element of properties.agentPoolProfiles, a System pool by definition.
constexpr FieldMapping kDefaultPoolFields[] = {
    {"name", "name"},
    {"only_critical_addons_enabled", "onlyCriticalAddonsEnabled"},
    {"", "", Object, &kPool},
};
constexpr DefaultValue kDefaultPoolDefaults[] = {{"mode", "System"}};
constexpr BlockMapping kDefaultPool{kDefaultPoolFields, kDefaultPoolDefaults};

// azurerm_kubernetes_cluster_node_pool: the pool under `properties`, mode User unless set.
constexpr DefaultValue kNodePoolDefaults[] = {{"mode", "User"}};
constexpr FieldMapping kNodePoolPropertyFields[] = {{"", "", Object, &kPool}};
constexpr BlockMapping kNodePoolProperties{kNodePoolPropertyFields, kNodePoolDefaults};
constexpr FieldMapping kNodePoolFields[] = {
    {"name", "@name"},
    {"kubernetes_cluster_id", "@parent"},
    {"tags", "tags"},
    {"", "properties", Object, &kNodePoolProperties},  // "" = the resource's own attributes
};
constexpr BlockMapping kNodePool{kNodePoolFields};

// An add-on block's presence enables the add-on.
constexpr DefaultValue kEnabled[] = {{"enabled", "", std::nullopt, true}};

constexpr FieldMapping kOmsAgentFields[] = {
    {"log_analytics_workspace_id", "config.logAnalyticsWorkspaceResourceID"},
    {"msi_auth_for_monitoring_enabled", "config.useAADAuth"},
};
constexpr BlockMapping kOmsAgent{kOmsAgentFields, kEnabled};

constexpr FieldMapping kKeyVaultProviderFields[] = {
    {"secret_rotation_enabled", "config.enableSecretRotation"},
    {"secret_rotation_interval", "config.rotationPollInterval"},
};
constexpr BlockMapping kKeyVaultProvider{kKeyVaultProviderFields, kEnabled};

constexpr FieldMapping kIngressGatewayFields[] = {
    {"gateway_id", "config.applicationGatewayId"},
    {"gateway_name", "config.applicationGatewayName"},
    {"subnet_id", "config.subnetId"},
    {"subnet_cidr", "config.subnetCIDR"},
};
constexpr BlockMapping kIngressGateway{kIngressGatewayFields, kEnabled};

constexpr FieldMapping kAciConnectorFields[] = {{"subnet_name", "config.SubnetName"}};
constexpr BlockMapping kAciConnector{kAciConnectorFields, kEnabled};

constexpr FieldMapping kConfidentialComputingFields[] = {{"sgx_quote_helper_enabled", "config.ACCSGXQuoteHelperEnabled"}};
constexpr BlockMapping kConfidentialComputing{kConfidentialComputingFields, kEnabled};

constexpr FieldMapping kLoadBalancerProfileFields[] = {
    {"managed_outbound_ip_count", "managedOutboundIPs.count"},
    {"managed_outbound_ipv6_count", "managedOutboundIPs.countIPv6"},
    {"outbound_ports_allocated", "allocatedOutboundPorts"},
    {"idle_timeout_in_minutes", "idleTimeoutInMinutes"},
};
constexpr BlockMapping kLoadBalancerProfile{kLoadBalancerProfileFields};

constexpr FieldMapping kNatGatewayProfileFields[] = {
    {"managed_outbound_ip_count", "managedOutboundIPProfile.count"},
    {"idle_timeout_in_minutes", "idleTimeoutInMinutes"},
};
constexpr BlockMapping kNatGatewayProfile{kNatGatewayProfileFields};

constexpr FieldMapping kNetworkProfileFields[] = {
    {"network_plugin", "networkPlugin"},
    {"network_plugin_mode", "networkPluginMode"},
    {"network_policy", "networkPolicy"},
    {"network_mode", "networkMode"},
    {"ebpf_data_plane", "networkDataplane"},     // 3.x
    {"network_data_plane", "networkDataplane"},  // 4.x
    {"pod_cidr", "podCidr"},
    {"pod_cidrs", "podCidrs"},
    {"service_cidr", "serviceCidr"},
    {"service_cidrs", "serviceCidrs"},
    {"dns_service_ip", "dnsServiceIP"},
    {"docker_bridge_cidr", "dockerBridgeCidr"},
    {"outbound_type", "outboundType"},
    {"load_balancer_sku", "loadBalancerSku"},
    {"ip_versions", "ipFamilies"},
    {"load_balancer_profile", "loadBalancerProfile", Object, &kLoadBalancerProfile},
    {"nat_gateway_profile", "natGatewayProfile", Object, &kNatGatewayProfile},
};
constexpr BlockMapping kNetworkProfile{kNetworkProfileFields};

constexpr FieldMapping kApiServerAccessFields[] = {
    {"authorized_ip_ranges", "authorizedIPRanges"},
    {"subnet_id", "subnetId"},
    {"vnet_integration_enabled", "enableVnetIntegration"},
};
constexpr BlockMapping kApiServerAccess{kApiServerAccessFields};

constexpr FieldMapping kAadFields[] = {
    {"managed", "managed"},  // 3.x; 4.x is always managed
    {"azure_rbac_enabled", "enableAzureRBAC"},
    {"admin_group_object_ids", "adminGroupObjectIDs"},
    {"tenant_id", "tenantID"},
    {"client_app_id", "clientAppID"},
    {"server_app_id", "serverAppID"},
    {"server_app_secret", "serverAppSecret"},
};
constexpr BlockMapping kAad{kAadFields};

constexpr FieldMapping kServicePrincipalFields[] = {
    {"client_id", "clientId"},
    {"client_secret", "secret"},
};
constexpr BlockMapping kServicePrincipal{kServicePrincipalFields};

constexpr FieldMapping kKubeletIdentityFields[] = {
    {"client_id", "clientId"},
    {"object_id", "objectId"},
    {"user_assigned_identity_id", "resourceId"},
};
constexpr BlockMapping kKubeletIdentity{kKubeletIdentityFields};

constexpr DefaultValue kDefenderDefaults[] = {{"securityMonitoring.enabled", "", std::nullopt, true}};
constexpr FieldMapping kDefenderFields[] = {{"log_analytics_workspace_id", "logAnalyticsWorkspaceResourceId"}};
constexpr BlockMapping kDefender{kDefenderFields, kDefenderDefaults};

constexpr FieldMapping kKmsFields[] = {
    {"key_vault_key_id", "keyId"},
    {"key_vault_network_access", "keyVaultNetworkAccess"},
};
constexpr BlockMapping kKms{kKmsFields, kEnabled};

constexpr FieldMapping kWindowsProfileFields[] = {
    {"admin_username", "adminUsername"},
    {"admin_password", "adminPassword"},
    {"license", "licenseType"},
};
constexpr BlockMapping kWindowsProfile{kWindowsProfileFields};

constexpr FieldMapping kSshKeyFields[] = {{"key_data", "keyData"}};
constexpr BlockMapping kSshKey{kSshKeyFields};
constexpr FieldMapping kLinuxProfileFields[] = {
    {"admin_username", "adminUsername"},
    {"ssh_key", "ssh.publicKeys", AppendToArray, &kSshKey},
};
constexpr BlockMapping kLinuxProfile{kLinuxProfileFields};

// auto_scaler_profile: the cluster autoscaler's own flag names.
constexpr FieldMapping kAutoScalerFields[] = {
    {"balance_similar_node_groups", "balance-similar-node-groups"},
    {"expander", "expander"},
    {"max_graceful_termination_sec", "max-graceful-termination-sec"},
    {"max_node_provisioning_time", "max-node-provision-time"},
    {"max_unready_nodes", "ok-total-unready-count"},
    {"max_unready_percentage", "max-total-unready-percentage"},
    {"new_pod_scale_up_delay", "new-pod-scale-up-delay"},
    {"scale_down_delay_after_add", "scale-down-delay-after-add"},
    {"scale_down_delay_after_delete", "scale-down-delay-after-delete"},
    {"scale_down_delay_after_failure", "scale-down-delay-after-failure"},
    {"scan_interval", "scan-interval"},
    {"scale_down_unneeded", "scale-down-unneeded-time"},
    {"scale_down_unready", "scale-down-unready-time"},
    {"scale_down_utilization_threshold", "scale-down-utilization-threshold"},
    {"empty_bulk_delete_max", "max-empty-bulk-delete"},
    {"skip_nodes_with_local_storage", "skip-nodes-with-local-storage"},
    {"skip_nodes_with_system_pods", "skip-nodes-with-system-pods"},
};
constexpr BlockMapping kAutoScaler{kAutoScalerFields};

constexpr FieldMapping kHttpProxyFields[] = {
    {"http_proxy", "httpProxy"},
    {"https_proxy", "httpsProxy"},
    {"no_proxy", "noProxy"},
    {"trusted_ca", "trustedCa"},
};
constexpr BlockMapping kHttpProxy{kHttpProxyFields};

constexpr FieldMapping kStorageProfileFields[] = {
    {"blob_driver_enabled", "blobCSIDriver.enabled"},
    {"disk_driver_enabled", "diskCSIDriver.enabled"},
    {"file_driver_enabled", "fileCSIDriver.enabled"},
    {"snapshot_controller_enabled", "snapshotController.enabled"},
};
constexpr BlockMapping kStorageProfile{kStorageProfileFields};

constexpr FieldMapping kWorkloadAutoscalerFields[] = {
    {"keda_enabled", "keda.enabled"},
    {"vertical_pod_autoscaler_enabled", "verticalPodAutoscaler.enabled"},
};
constexpr BlockMapping kWorkloadAutoscaler{kWorkloadAutoscalerFields};

constexpr FieldMapping kMonitorMetricsFields[] = {
    {"annotations_allowed", "kubeStateMetrics.metricAnnotationsAllowList"},
    {"labels_allowed", "kubeStateMetrics.metricLabelsAllowlist"},
};
constexpr DefaultValue kMetricsDefaults[] = {{"metrics.enabled", "", std::nullopt, true}};
constexpr BlockMapping kMonitorMetrics{kMonitorMetricsFields, kMetricsDefaults};

constexpr FieldMapping kServiceMeshFields[] = {
    {"mode", "mode"},
    {"revisions", "istio.revisions"},
};
constexpr BlockMapping kServiceMesh{kServiceMeshFields};

constexpr FieldMapping kWebAppRoutingFields[] = {{"dns_zone_ids", "dnsZoneResourceIds"}};
constexpr BlockMapping kWebAppRouting{kWebAppRoutingFields, kEnabled};

// maintenance_window*: AKS keeps these as maintenanceConfigurations child resources; they
// stay on the cluster under the configuration names AKS gives them.
constexpr FieldMapping kTimeInWeekFields[] = {{"day", "day"}, {"hours", "hourSlots"}};
constexpr BlockMapping kTimeInWeek{kTimeInWeekFields};
constexpr FieldMapping kNotAllowedFields[] = {{"start", "start"}, {"end", "end"}};
constexpr BlockMapping kNotAllowed{kNotAllowedFields};
constexpr FieldMapping kMaintenanceWindowFields[] = {
    {"allowed", "timeInWeek", AppendToArray, &kTimeInWeek},
    {"not_allowed", "notAllowedTime", AppendToArray, &kNotAllowed},
};
constexpr BlockMapping kMaintenanceWindow{kMaintenanceWindowFields};
constexpr FieldMapping kMaintenanceScheduleFields[] = {
    {"frequency", "maintenanceWindow.schedule.frequency"},
    {"interval", "maintenanceWindow.schedule.interval"},
    {"day_of_week", "maintenanceWindow.schedule.dayOfWeek"},
    {"day_of_month", "maintenanceWindow.schedule.dayOfMonth"},
    {"week_index", "maintenanceWindow.schedule.weekIndex"},
    {"duration", "maintenanceWindow.durationHours"},
    {"start_time", "maintenanceWindow.startTime"},
    {"start_date", "maintenanceWindow.startDate"},
    {"utc_offset", "maintenanceWindow.utcOffset"},
    {"not_allowed", "maintenanceWindow.notAllowedDates", AppendToArray, &kNotAllowed},
};
constexpr BlockMapping kMaintenanceSchedule{kMaintenanceScheduleFields};

constexpr FieldMapping kClusterPropertyFields[] = {
    {"dns_prefix", "dnsPrefix"},
    {"dns_prefix_private_cluster", "fqdnSubdomain"},
    {"node_resource_group", "nodeResourceGroup"},
    {"kubernetes_version", "kubernetesVersion"},
    {"support_plan", "supportPlan"},
    {"default_node_pool", "agentPoolProfiles", AppendToArray, &kDefaultPool},
    {"network_profile", "networkProfile", Object, &kNetworkProfile},
    {"private_cluster_enabled", "apiServerAccessProfile.enablePrivateCluster"},
    {"private_dns_zone_id", "apiServerAccessProfile.privateDNSZone"},
    {"private_cluster_public_fqdn_enabled", "apiServerAccessProfile.enablePrivateClusterPublicFQDN"},
    {"api_server_authorized_ip_ranges", "apiServerAccessProfile.authorizedIPRanges"},  // 3.x
    {"api_server_access_profile", "apiServerAccessProfile", Object, &kApiServerAccess},
    {"run_command_enabled", "apiServerAccessProfile.disableRunCommand", Attribute, nullptr, Negate},
    {"public_network_access_enabled", "publicNetworkAccess", Attribute, nullptr, EnabledDisabled},
    {"azure_active_directory_role_based_access_control", "aadProfile", Object, &kAad},
    {"role_based_access_control_enabled", "enableRBAC"},
    {"local_account_disabled", "disableLocalAccounts"},
    {"oms_agent", "addonProfiles.omsagent", Object, &kOmsAgent},
    {"azure_policy_enabled", "addonProfiles.azurepolicy.enabled"},
    {"key_vault_secrets_provider", "addonProfiles.azureKeyvaultSecretsProvider", Object, &kKeyVaultProvider},
    {"http_application_routing_enabled", "addonProfiles.httpApplicationRouting.enabled"},
    {"open_service_mesh_enabled", "addonProfiles.openServiceMesh.enabled"},
    {"ingress_application_gateway", "addonProfiles.ingressApplicationGateway", Object, &kIngressGateway},
    {"aci_connector_linux", "addonProfiles.aciConnectorLinux", Object, &kAciConnector},
    {"confidential_computing", "addonProfiles.ACCSGXDevicePlugin", Object, &kConfidentialComputing},
    {"automatic_channel_upgrade", "autoUpgradeProfile.upgradeChannel"},   // 3.x
    {"automatic_upgrade_channel", "autoUpgradeProfile.upgradeChannel"},   // 4.x
    {"node_os_channel_upgrade", "autoUpgradeProfile.nodeOSUpgradeChannel"},  // 3.x
    {"node_os_upgrade_channel", "autoUpgradeProfile.nodeOSUpgradeChannel"},  // 4.x
    {"service_principal", "servicePrincipalProfile", Object, &kServicePrincipal},
    {"kubelet_identity", "identityProfile.kubeletidentity", Object, &kKubeletIdentity},
    {"microsoft_defender", "securityProfile.defender", Object, &kDefender},
    {"workload_identity_enabled", "securityProfile.workloadIdentity.enabled"},
    {"image_cleaner_enabled", "securityProfile.imageCleaner.enabled"},
    {"image_cleaner_interval_hours", "securityProfile.imageCleaner.intervalHours"},
    {"key_management_service", "securityProfile.azureKeyVaultKms", Object, &kKms},
    {"oidc_issuer_enabled", "oidcIssuerProfile.enabled"},
    {"disk_encryption_set_id", "diskEncryptionSetID"},
    {"windows_profile", "windowsProfile", Object, &kWindowsProfile},
    {"linux_profile", "linuxProfile", Object, &kLinuxProfile},
    {"auto_scaler_profile", "autoScalerProfile", Object, &kAutoScaler},
    {"http_proxy_config", "httpProxyConfig", Object, &kHttpProxy},
    {"storage_profile", "storageProfile", Object, &kStorageProfile},
    {"workload_autoscaler_profile", "workloadAutoScalerProfile", Object, &kWorkloadAutoscaler},
    {"monitor_metrics", "azureMonitorProfile", Object, &kMonitorMetrics},
    {"service_mesh_profile", "serviceMeshProfile", Object, &kServiceMesh},
    {"web_app_routing", "ingressProfile.webAppRouting", Object, &kWebAppRouting},
    {"cost_analysis_enabled", "metricsProfile.costAnalysis.enabled"},
};
constexpr BlockMapping kClusterProperties{kClusterPropertyFields};

constexpr FieldMapping kClusterFields[] = {
    {"", "", Object, &kTracked},
    {"sku_tier", "sku.tier"},
    {"identity", "identity", Object, &kIdentity},
    {"edge_zone", "extendedLocation.name"},
    {"maintenance_window", "maintenanceConfigurations.default", Object, &kMaintenanceWindow},
    {"maintenance_window_auto_upgrade", "maintenanceConfigurations.aksManagedAutoUpgradeSchedule", Object,
     &kMaintenanceSchedule},
    {"maintenance_window_node_os", "maintenanceConfigurations.aksManagedNodeOSUpgradeSchedule", Object,
     &kMaintenanceSchedule},
    {"", "properties", Object, &kClusterProperties},
};
constexpr BlockMapping kCluster{kClusterFields};

// azurerm_kubernetes_cluster_extension: an extension resource whose scope is the cluster.
constexpr FieldMapping kExtensionPropertyFields[] = {
    {"extension_type", "extensionType"},
    {"release_train", "releaseTrain"},
    {"version", "version"},
    {"configuration_settings", "configurationSettings"},
    {"target_namespace", "scope.namespace.targetNamespace"},
    {"release_namespace", "scope.cluster.releaseNamespace"},
};
constexpr BlockMapping kExtensionProperties{kExtensionPropertyFields};
constexpr FieldMapping kExtensionFields[] = {
    {"name", "@name"},
    {"cluster_id", "scope"},
    {"", "properties", Object, &kExtensionProperties},
};
constexpr BlockMapping kExtension{kExtensionFields};

constexpr TypeMapping kTypes[] = {
    {"azurerm_kubernetes_cluster", "Microsoft.ContainerService/managedClusters", &kCluster},
    {"azurerm_kubernetes_cluster_node_pool", "Microsoft.ContainerService/managedClusters/agentPools", &kNodePool},
    {"azurerm_kubernetes_cluster_extension", "Microsoft.KubernetesConfiguration/extensions", &kExtension},
};

}  // namespace

std::span<const TypeMapping> container_service_types() { return kTypes; }

}  // namespace akslint::terraform
