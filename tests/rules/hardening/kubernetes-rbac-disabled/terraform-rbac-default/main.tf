# Absent means enabled, as in Azure; an unknown value is not judged.
variable "rbac" {
  type = bool
}

resource "azurerm_kubernetes_cluster" "default" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"
}

resource "azurerm_kubernetes_cluster" "unknown" {
  name                              = "aks-dev"
  location                          = "westeurope"
  resource_group_name               = "rg-aks"
  dns_prefix                        = "aksdev"
  role_based_access_control_enabled = var.rbac
}
