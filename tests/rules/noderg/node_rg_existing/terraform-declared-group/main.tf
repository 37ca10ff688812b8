resource "azurerm_resource_group" "aks" {
  name     = "rg-aks"
  location = "westeurope"
}

resource "azurerm_resource_group" "nodes" {
  name     = "rg-aks-nodes"
  location = "westeurope"
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.aks.name
  dns_prefix          = "aksprod"
  node_resource_group = azurerm_resource_group.nodes.name # expect: AKS101

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}

data "azurerm_resource_group" "shared" {
  name = "rg-shared"
}

resource "azurerm_kubernetes_cluster" "second" {
  name                = "aks-second"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.aks.name
  dns_prefix          = "akssecond"
  node_resource_group = "rg-shared" # expect: AKS101

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}
