provider "azurerm" {
  features {}
  subscription_id = "sub-root"
}

provider "azurerm" {
  alias           = "hub"
  subscription_id = var.hub_subscription
  features {}
}

variable "env" {
  default = "dev"
}

variable "hub_subscription" {
  default = "sub-hub"
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-${var.env}"
  location = "westeurope"
}

module "aks" {
  source  = "../modules/aks"
  name    = "aks-${var.env}"
  rg_name = azurerm_resource_group.rg.name
  providers = {
    azurerm = azurerm.hub
  }
}

module "net" {
  source   = "../modules/net"
  for_each = toset(["a", "b"])
  prefix   = each.key
}

module "registry" {
  source  = "Azure/aks/azurerm"
  version = "9.0.0"
}

module "missing" {
  source = "./not-there"
}

resource "azurerm_resource_group" "uses_output" {
  name     = module.aks.cluster_name
  location = "westeurope"
}
