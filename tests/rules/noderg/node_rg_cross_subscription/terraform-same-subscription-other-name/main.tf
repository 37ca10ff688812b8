provider "azurerm" {
  features {}
  subscription_id = "11111111-1111-1111-1111-111111111111"
}

provider "azurerm" {
  alias           = "shared"
  features {}
  subscription_id = "22222222-2222-2222-2222-222222222222"
}

resource "azurerm_resource_group" "nodes" {
  provider = azurerm.shared
  name     = "rg-aks-nodes-shared"
  location = "westeurope"
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"
  node_resource_group = "rg-aks-nodes"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}
