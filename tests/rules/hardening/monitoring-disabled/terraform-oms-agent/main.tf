resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"
  oms_agent {
    log_analytics_workspace_id = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs"
  }
}
