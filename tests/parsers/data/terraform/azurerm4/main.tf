# The same cluster as ../azurerm3, in azurerm 4.x attribute names.
resource "azurerm_kubernetes_cluster" "aks" {
  name                              = "aks-prod"
  location                          = "westeurope"
  resource_group_name               = "rg-prod"
  dns_prefix                        = "aksprod"
  kubernetes_version                = "1.29"
  sku_tier                          = "Standard"
  automatic_upgrade_channel         = "patch"
  node_os_upgrade_channel           = "NodeImage"
  local_account_disabled            = true
  role_based_access_control_enabled = true
  azure_policy_enabled              = true
  oidc_issuer_enabled               = true
  workload_identity_enabled         = true

  api_server_access_profile {
    authorized_ip_ranges = ["10.0.0.0/8"]
  }

  default_node_pool {
    name                    = "system"
    vm_size                 = "Standard_D4s_v5"
    auto_scaling_enabled    = true
    min_count               = 1
    max_count               = 3
    host_encryption_enabled = true
    node_public_ip_enabled  = false
    zones                   = ["1", "2", "3"]
    max_pods                = 110
  }

  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    network_policy      = "cilium"
    network_data_plane  = "cilium"
    pod_cidr            = "192.168.0.0/16"
    outbound_type       = "loadBalancer"
    load_balancer_sku   = "standard"
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }

  oms_agent {
    log_analytics_workspace_id = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law"
  }

  key_vault_secrets_provider {
    secret_rotation_enabled = true
  }

  microsoft_defender {
    log_analytics_workspace_id = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law"
  }

  identity {
    type = "SystemAssigned"
  }
}
