// An internal cluster whose API server should only be reachable from the office.
param location string = resourceGroup().location
param clusterName string = 'aks-internal'

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: clusterName
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    dnsPrefix: clusterName
    nodeResourceGroup: 'MC_${clusterName}_nodes'
    apiServerAccessProfile: {
      authorizedIPRanges: [
        '0.0.0.0/0'
      ]
    }
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        count: 2
        vmSize: 'Standard_D4s_v5'
        availabilityZones: [
          '1'
          '2'
          '3'
        ]
      }
    ]
  }
}

resource spot 'Microsoft.ContainerService/managedClusters/agentPools@2024-02-01' = {
  parent: aks
  name: 'spot'
  properties: {
    mode: 'User'
    count: 0
    vmSize: 'Standard_D8s_v5'
    scaleSetPriority: 'Spot'
  }
}
