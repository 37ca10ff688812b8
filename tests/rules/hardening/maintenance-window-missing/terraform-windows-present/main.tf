resource "azurerm_kubernetes_cluster" "aks" {
  name                      = "aks-prod"
  location                  = "westeurope"
  resource_group_name       = "rg-aks"
  dns_prefix                = "aksprod"
  automatic_channel_upgrade = "patch"
  node_os_upgrade_channel   = "NodeImage"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 3
  }

  maintenance_window_auto_upgrade {
    frequency   = "Weekly"
    interval    = 1
    duration    = 4
    day_of_week = "Sunday"
    start_time  = "02:00"
    utc_offset  = "+00:00"
  }

  maintenance_window_node_os {
    frequency   = "Weekly"
    interval    = 1
    duration    = 4
    day_of_week = "Saturday"
    start_time  = "02:00"
    utc_offset  = "+00:00"
  }

  identity {
    type = "SystemAssigned"
  }
}
