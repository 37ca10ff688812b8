# Nightly cost saving, done the unsupported way: deallocating the node scale set itself.
resource "azapi_resource_action" "stop_nodes" {
  type        = "Microsoft.Compute/virtualMachineScaleSets@2023-09-01"
  resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/MC_rg-aks_aks-prod_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-system-12345678-vmss" # expect: AKS202
  action      = "deallocate"
  method      = "POST"
}
