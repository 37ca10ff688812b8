resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"
  node_resource_group = "rg-aks-nodes"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}

resource "azurerm_user_assigned_identity" "workload" {
  name                = "id-workload"
  location            = "westeurope"
  resource_group_name = "rg-aks-nodes" # expect: AKS104
}

resource "azurerm_kubernetes_cluster" "default_name" {
  name                = "aks-dev"
  location            = "West Europe"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksdev"

  default_node_pool {
    name       = "system"
    node_count = 1
    vm_size    = "Standard_D4s_v5"
  }
}

# The default node resource group name is caught too.
resource "azurerm_key_vault" "dev" {
  name                = "kv-aks-dev"
  location            = "westeurope"
  resource_group_name = "MC_rg-aks_aks-dev_westeurope" # expect: AKS104
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}
