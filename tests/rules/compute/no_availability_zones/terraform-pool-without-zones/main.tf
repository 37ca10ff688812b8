resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"

  default_node_pool { # expect: AKS305
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "user" { # expect: AKS305
  name                  = "user"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = "Standard_D8s_v5"
  node_count            = 2
}
