resource "azurerm_kubernetes_cluster" "aks" { # expect: AKS718
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"
  role_based_access_control_enabled = true
}
