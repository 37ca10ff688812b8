resource "azurerm_kubernetes_cluster" "aks" {
  name                      = "aks-prod"
  location                  = "westeurope"
  resource_group_name       = "rg-aks"
  dns_prefix                = "aksprod"
  automatic_upgrade_channel = "stable"        # expect: AKS729
  node_os_upgrade_channel   = "SecurityPatch" # expect: AKS729

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 3
  }

  identity {
    type = "SystemAssigned"
  }
}
