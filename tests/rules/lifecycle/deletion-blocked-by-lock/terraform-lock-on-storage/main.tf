resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 3
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_storage_account" "state" {
  name                     = "stakstate"
  resource_group_name      = "rg-state"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}

resource "azurerm_management_lock" "state" {
  name       = "do-not-delete"
  scope      = azurerm_storage_account.state.id
  lock_level = "CanNotDelete"
}
