resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"
  key_vault_secrets_provider {
    secret_rotation_enabled  = true
    secret_rotation_interval = "2m"
  }
}

resource "azurerm_kubernetes_cluster" "plain" {
  name                = "aks-dev"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksdev"
}
