resource autoscale 'Microsoft.Insights/autoscaleSettings@2022-10-01' = {
  name: 'scale-aks-nodes'
  location: 'westeurope'
  properties: {
    enabled: true
    targetResourceUri: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/MC_rg-aks_aks-prod_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-system-12345678-vmss' // expect: AKS202
    profiles: [
      {
        name: 'business-hours'
        capacity: {
          default: '3'
          minimum: '1'
          maximum: '10'
        }
        rules: []
      }
    ]
  }
}
