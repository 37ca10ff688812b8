resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"
  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = false # expect: AKS719
  }
}
