# A User pool may scale to zero; the System pool keeps one node.
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"

  default_node_pool {
    name                 = "system"
    vm_size              = "Standard_D4s_v5"
    auto_scaling_enabled = true
    min_count            = 1
    max_count            = 3
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "batch" {
  name                  = "batch"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = "Standard_D8s_v5"
  node_count            = 0
}

# The count is not known here, so the rule stays silent.
variable "system_nodes" {
  type = number
}

resource "azurerm_kubernetes_cluster" "unknown" {
  name                = "aks-dev"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksdev"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = var.system_nodes
  }
}
