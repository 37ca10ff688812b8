resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"
  private_cluster_enabled             = true
  private_cluster_public_fqdn_enabled = true # expect: AKS715
}
