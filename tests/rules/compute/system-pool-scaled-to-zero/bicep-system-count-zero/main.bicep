resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-prod'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aksprod'
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        vmSize: 'Standard_D4s_v5'
        count: 0 // expect: AKS201
      }
    ]
  }
}

resource spot 'Microsoft.ContainerService/managedClusters/agentPools@2024-02-01' = {
  parent: aks
  name: 'system2'
  properties: {
    mode: 'System'
    vmSize: 'Standard_D4s_v5'
    count: 1
    enableAutoScaling: true
    minCount: 0 // expect: AKS201
    maxCount: 3
  }
}
