variable "local_disabled" {
  type = bool
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"
  local_account_disabled = true

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }
}

resource "azurerm_kubernetes_cluster" "unknown" {
  name                   = "aks-dev"
  location               = "westeurope"
  resource_group_name    = "rg-aks"
  dns_prefix             = "aksdev"
  local_account_disabled = var.local_disabled
}
