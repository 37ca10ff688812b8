resource "azurerm_kubernetes_cluster" "aks" { # expect: AKS705
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"
}
