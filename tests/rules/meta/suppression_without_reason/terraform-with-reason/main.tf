resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-sandbox"
  location            = "westeurope"
  resource_group_name = "rg-sandbox"
  dns_prefix          = "sandbox"

  default_node_pool {
    name       = "system"
    node_count = 0 # akslint-ignore AKS201: sandbox cluster, stopped at night
    vm_size    = "Standard_D4s_v5"
  }

  identity {
    type = "SystemAssigned"
  }
}
