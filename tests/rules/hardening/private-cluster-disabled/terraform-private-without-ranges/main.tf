variable "private" {
  type = bool
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"
  private_cluster_enabled = true
}

resource "azurerm_kubernetes_cluster" "unknown" {
  name                    = "aks-dev"
  location                = "westeurope"
  resource_group_name     = "rg-aks"
  dns_prefix              = "aksdev"
  private_cluster_enabled = var.private
}
