resource "azurerm_resource_group" "aks" {
  name     = "rg-aks"
  location = "westeurope"
}

# A group whose name only resembles the node resource group.
resource "azurerm_resource_group" "nodes_old" {
  name     = "rg-aks-nodes-old"
  location = "westeurope"
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.aks.name
  dns_prefix          = "aksprod"
  node_resource_group = "rg-aks-nodes"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}
