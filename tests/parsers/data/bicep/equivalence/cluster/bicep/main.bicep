param location string = 'westeurope'
param env string = 'prod'
param systemCount int = 3

var name = 'aks-${env}'
var zones = [
  '1'
  '2'
  '3'
]

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: name
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    dnsPrefix: name
    nodeResourceGroup: 'rg-${name}-nodes'
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        count: systemCount
        vmSize: 'Standard_D4s_v5'
        availabilityZones: zones
      }
    ]
    networkProfile: {
      networkPlugin: 'azure'
      networkPolicy: env == 'prod' ? 'cilium' : 'azure'
      networkDataplane: 'cilium'
    }
  }
}
