resource "azurerm_kubernetes_cluster" "aks" {
  name                    = "aks-prod"
  location                = "westeurope"
  resource_group_name     = "rg-aks"
  dns_prefix              = "aksprod"
  node_os_upgrade_channel = "NodeImage"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 3
  }

  network_profile {
    network_plugin = "azure"
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "win" {
  name                  = "win"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = "Standard_D4s_v5"
  node_count            = 2
  os_type               = "Windows"
}
