resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"

  key_management_service {
    key_vault_key_id         = "https://kv-aks.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef"
    key_vault_network_access = "Public"
  }

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 3
  }

  identity {
    type = "SystemAssigned"
  }
}
