resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-prod'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aksprod'
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        maxPods: 30 // expect: AKS709
      }
    ]
  }
}

resource apps 'Microsoft.ContainerService/managedClusters/agentPools@2024-02-01' = {
  parent: aks
  name: 'apps'
  properties: {
    mode: 'User'
    maxPods: 20 // expect: AKS709
  }
}
