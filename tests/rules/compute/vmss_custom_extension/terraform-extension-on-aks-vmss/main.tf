data "azurerm_virtual_machine_scale_set" "aks_nodes" {
  name                = "aks-system-12345678-vmss"
  resource_group_name = "MC_rg-aks_aks-prod_westeurope"
}

resource "azurerm_virtual_machine_scale_set_extension" "agent" { # expect: AKS203
  name                         = "security-agent"
  virtual_machine_scale_set_id = data.azurerm_virtual_machine_scale_set.aks_nodes.id
  publisher                    = "Microsoft.Azure.Extensions"
  type                         = "CustomScript"
  type_handler_version         = "2.1"
  settings = jsonencode({
    commandToExecute = "curl -sL https://example.com/agent.sh | bash"
  })
}
