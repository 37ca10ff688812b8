resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"
  node_resource_group = "rg-aks-nodes"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 3
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_management_lock" "nodes" {
  name       = "read-only"
  scope      = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-nodes"
  lock_level = "ReadOnly" # expect: AKS602
}
