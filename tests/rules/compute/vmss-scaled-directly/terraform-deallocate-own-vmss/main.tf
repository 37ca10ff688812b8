# A scale set of our own, outside any node resource group: the Compute API is the right one.
resource "azapi_resource_action" "stop_build_agents" {
  type        = "Microsoft.Compute/virtualMachineScaleSets@2023-09-01"
  resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-build/providers/Microsoft.Compute/virtualMachineScaleSets/build-agents"
  action      = "deallocate"
  method      = "POST"
}
