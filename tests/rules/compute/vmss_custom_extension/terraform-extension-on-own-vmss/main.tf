# Extensions on a scale set the user owns are fine.
data "azurerm_virtual_machine_scale_set" "build" {
  name                = "vmss-build-agents"
  resource_group_name = "rg-build"
}

resource "azurerm_virtual_machine_scale_set_extension" "agent" {
  name                         = "security-agent"
  virtual_machine_scale_set_id = data.azurerm_virtual_machine_scale_set.build.id
  publisher                    = "Microsoft.Azure.Extensions"
  type                         = "CustomScript"
  type_handler_version         = "2.1"
  settings = jsonencode({
    commandToExecute = "echo ready"
  })
}
