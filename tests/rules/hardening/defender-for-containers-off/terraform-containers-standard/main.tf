resource "azurerm_security_center_subscription_pricing" "containers" {
  resource_type = "Containers"
  tier          = "Standard"
}
