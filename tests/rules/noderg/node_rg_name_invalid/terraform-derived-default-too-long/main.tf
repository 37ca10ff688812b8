# MC_rg-platform-shared-kubernetes-production-westeurope_aks-platform-shared-production-01_westeurope
resource "azurerm_kubernetes_cluster" "aks" { # expect: AKS106
  name                = "aks-platform-shared-production-01"
  location            = "West Europe"
  resource_group_name = "rg-platform-shared-kubernetes-production-westeurope"
  dns_prefix          = "aksplatform"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}

resource "azurerm_kubernetes_cluster" "explicit" {
  name                = "aks-platform-shared-production-02"
  location            = "West Europe"
  resource_group_name = "rg-platform-shared-kubernetes-production-westeurope"
  dns_prefix          = "aksplatform2"
  node_resource_group = "rg-platform-nodes-production-westeurope-with-a-name-far-too-long-to-fit-in-eighty-chars" # expect: AKS106

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}
