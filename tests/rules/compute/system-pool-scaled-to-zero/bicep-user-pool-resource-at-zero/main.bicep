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
        count: 1
      }
      {
        name: 'batch'
        mode: 'User'
        vmSize: 'Standard_D8s_v5'
        count: 0
        enableAutoScaling: true
        minCount: 0
        maxCount: 10
      }
    ]
  }
}
