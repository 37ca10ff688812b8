variable "name" {}
variable "rg_name" {}
variable "node_count" {
  default = 3
}

resource "azurerm_kubernetes_cluster" "this" {
  name                = var.name
  location            = "westeurope"
  resource_group_name = var.rg_name
  dns_prefix          = var.name

  default_node_pool {
    name       = "system"
    node_count = var.node_count
    vm_size    = "Standard_D4s_v5"
  }
}

output "cluster_name" {
  value = azurerm_kubernetes_cluster.this.name
}
