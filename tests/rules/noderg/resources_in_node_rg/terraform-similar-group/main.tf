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
  resource_group_name = "rg-aks-nodes-shared"
}

# Policy assignments are the supported way to govern the node resource group.
resource "azurerm_resource_group_policy_assignment" "tags" {
  name                 = "inherit-tags"
  resource_group_id    = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-nodes"
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/cd3aa116-8754-49c9-a813-ad46512ece54"
}
