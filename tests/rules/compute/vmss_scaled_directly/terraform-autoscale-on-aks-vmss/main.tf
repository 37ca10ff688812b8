resource "azurerm_monitor_autoscale_setting" "nodes" {
  name                = "scale-aks-nodes"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  target_resource_id  = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/MC_rg-aks_aks-prod_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-system-12345678-vmss" # expect: AKS202

  profile {
    name = "business-hours"
    capacity {
      default = 3
      minimum = 1
      maximum = 10
    }
  }
}
