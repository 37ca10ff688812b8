resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 3
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_management_lock" "aks" {
  name       = "do-not-delete"
  scope      = azurerm_kubernetes_cluster.aks.id
  lock_level = "CanNotDelete" # expect: AKS602
  notes      = "production cluster"
}
