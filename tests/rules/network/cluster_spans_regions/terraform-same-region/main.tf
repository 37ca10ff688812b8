resource "azurerm_virtual_network" "net" {
  name                = "vnet-aks"
  location            = "westeurope"
  resource_group_name = "rg-net"
  address_space       = ["10.0.0.0/16"]
}

resource "azurerm_subnet" "nodes" {
  name                 = "nodes"
  resource_group_name  = "rg-net"
  virtual_network_name = azurerm_virtual_network.net.name
  address_prefixes     = ["10.0.1.0/24"]
}

resource "azurerm_disk_encryption_set" "des" {
  name                = "des-aks"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  key_vault_key_id    = "https://kv-aks.vault.azure.net/keys/des/0123456789abcdef0123456789abcdef"

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                   = "aks-prod"
  location               = "West Europe"
  resource_group_name    = "rg-aks"
  dns_prefix             = "aksprod"
  disk_encryption_set_id = azurerm_disk_encryption_set.des.id

  default_node_pool {
    name           = "system"
    node_count     = 3
    vm_size        = "Standard_D4s_v5"
    vnet_subnet_id = azurerm_subnet.nodes.id
  }

  network_profile {
    network_plugin = "azure"
  }
}
