resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }

  network_profile {
    network_plugin = "azure"
    network_mode   = "bridge" # expect: AKS302
  }

  identity {
    type = "SystemAssigned"
  }
}
