resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"
  disk_encryption_set_id = azurerm_disk_encryption_set.aks.id

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 3
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_disk_encryption_set" "aks" {
  name                = "des-aks"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  key_vault_key_id    = "https://kv-aks.vault.azure.net/keys/des/0123456789abcdef0123456789abcdef"

  identity {
    type = "SystemAssigned"
  }
}
