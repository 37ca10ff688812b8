resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }

  api_server_access_profile {
    authorized_ip_ranges = ["203.0.113.0/24", "0.0.0.0/0"] # expect: AKS304
  }

  identity {
    type = "SystemAssigned"
  }
}
