resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod-" # expect: AKS731
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aks_prod" # expect: AKS731

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 3
  }

  identity {
    type = "SystemAssigned"
  }
}
