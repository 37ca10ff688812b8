resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-prod'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aksprod'
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        count: 3
        enableAutoScaling: true
        minCount: 1 // expect: AKS724
        maxCount: 5
      }
    ]
  }
}
