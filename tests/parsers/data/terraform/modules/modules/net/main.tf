variable "prefix" {}

resource "azurerm_virtual_network" "vnet" {
  name          = "vnet-${var.prefix}"
  address_space = ["10.0.0.0/16"]
}

module "loop" {
  source = "../loop"
}
