resource "azurerm_virtual_machine_scale_set_extension" "agent" { # expect: AKS203
  name                         = "monitoring-agent"
  virtual_machine_scale_set_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/MC_rg-aks_aks-prod_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-system-12345678-vmss"
  publisher                    = "Microsoft.Azure.Monitor"
  type                         = "AzureMonitorLinuxAgent"
  type_handler_version         = "1.0"
}
