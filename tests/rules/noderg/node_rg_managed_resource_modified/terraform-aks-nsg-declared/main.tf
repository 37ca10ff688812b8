resource "azurerm_network_security_group" "aks" { # expect: AKS105
  name                = "aks-agentpool-12345678-nsg"
  location            = "westeurope"
  resource_group_name = "MC_rg-aks_aks-prod_westeurope"

  security_rule {
    name                       = "allow-https"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}

resource "azurerm_user_assigned_identity" "kubelet" { # expect: AKS105
  name                = "aks-prod-agentpool"
  location            = "westeurope"
  resource_group_name = "MC_rg-aks_aks-prod_westeurope"
  tags = {
    team = "platform"
  }
}
