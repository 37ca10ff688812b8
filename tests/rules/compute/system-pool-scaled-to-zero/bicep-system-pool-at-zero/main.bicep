resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-prod'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    dnsPrefix: 'aksprod'
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        count: 0 // expect: AKS201
        vmSize: 'Standard_D4s_v5'
      }
    ]
  }
}

resource critical 'Microsoft.ContainerService/managedClusters/agentPools@2024-02-01' = {
  parent: aks
  name: 'critical'
  properties: {
    mode: 'System'
    count: 1
    enableAutoScaling: true
    minCount: 0 // expect: AKS201
    maxCount: 3
  }
}
