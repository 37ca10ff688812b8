resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"
  key_vault_secrets_provider {
    secret_rotation_enabled = false # expect: AKS711
  }
}
