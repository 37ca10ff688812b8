resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"
  node_resource_group = "rg-aks" # expect: AKS101

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}
