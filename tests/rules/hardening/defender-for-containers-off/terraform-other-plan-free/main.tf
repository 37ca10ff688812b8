resource "azurerm_security_center_subscription_pricing" "key_vaults" {
  resource_type = "KeyVaults"
  tier          = "Free"
}

variable "containers_tier" {
  type = string
}

# The tier is only known at apply time: nothing to judge.
resource "azurerm_security_center_subscription_pricing" "containers" {
  resource_type = "containers"
  tier          = var.containers_tier
}
