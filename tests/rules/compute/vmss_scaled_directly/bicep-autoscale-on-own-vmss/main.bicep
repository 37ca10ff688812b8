resource build 'Microsoft.Compute/virtualMachineScaleSets@2023-09-01' existing = {
  name: 'vmss-build-agents'
}

resource autoscale 'Microsoft.Insights/autoscaleSettings@2022-10-01' = {
  name: 'scale-build-agents'
  location: 'westeurope'
  properties: {
    enabled: true
    targetResourceUri: build.id
    profiles: [
      {
        name: 'default'
        capacity: {
          default: '2'
          minimum: '1'
          maximum: '8'
        }
        rules: []
      }
    ]
  }
}
