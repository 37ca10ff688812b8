# The pool was scaled up since; the suppression now hides nothing but the next real finding.
# akslint-ignore AKS201: sandbox cluster, stopped at night # expect: AKS901
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-sandbox"
  location            = "westeurope"
  resource_group_name = "rg-sandbox"
  dns_prefix          = "sandbox"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }

  identity {
    type = "SystemAssigned"
  }
}
