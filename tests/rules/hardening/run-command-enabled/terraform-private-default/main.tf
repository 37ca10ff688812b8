resource "azurerm_kubernetes_cluster" "aks" { # expect: AKS716
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"
  private_cluster_enabled = true
}
