# Reading AKS-created resources is fine.
data "azurerm_network_security_group" "aks" {
  name                = "aks-agentpool-12345678-nsg"
  resource_group_name = "MC_rg-aks_aks-prod_westeurope"
}

# A user NSG in the user's own group.
resource "azurerm_network_security_group" "nodes" {
  name                = "nsg-aks-nodes"
  location            = "westeurope"
  resource_group_name = "rg-aks-network"
}

# A name that resembles AKS's, outside any node resource group.
resource "azurerm_route_table" "copy" {
  name                = "aks-agentpool-12345678-routetable"
  location            = "westeurope"
  resource_group_name = "rg-aks-network"
}
