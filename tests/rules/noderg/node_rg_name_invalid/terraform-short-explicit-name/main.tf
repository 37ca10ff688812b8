resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-platform-shared-production-01"
  location            = "West Europe"
  resource_group_name = "rg-platform-shared-kubernetes-production-westeurope"
  dns_prefix          = "aksplatform"
  node_resource_group = "rg-aks-platform-nodes"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}

# An unknown name is not judged.
variable "rg" {
  type = string
}

resource "azurerm_kubernetes_cluster" "from_variable" {
  name                = "aks-platform-shared-production-with-a-long-name-03"
  location            = "westeurope"
  resource_group_name = var.rg
  dns_prefix          = "aksplatform3"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}
