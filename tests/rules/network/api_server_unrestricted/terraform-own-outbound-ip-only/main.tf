# 0.0.0.0/32 is the documented value that admits only the cluster's own outbound IP.
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
    authorized_ip_ranges = ["0.0.0.0/32", "203.0.113.0/24"]
  }

  identity {
    type = "SystemAssigned"
  }
}

# Unknown ranges are not judged.
variable "admin_ranges" {
  type = list(string)
}

resource "azurerm_kubernetes_cluster" "from_variable" {
  name                = "aks-var"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksvar"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }

  api_server_access_profile {
    authorized_ip_ranges = var.admin_ranges
  }
}
