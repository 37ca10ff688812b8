resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
    zones      = ["1", "2", "3"]
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "user" {
  name                  = "user"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = "Standard_D8s_v5"
  node_count            = 2
  zones                 = ["1", "2"]
}

# A region without availability zones.
resource "azurerm_kubernetes_cluster" "west_central" {
  name                = "aks-wcus"
  location            = "westcentralus"
  resource_group_name = "rg-aks"
  dns_prefix          = "akswcus"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}
