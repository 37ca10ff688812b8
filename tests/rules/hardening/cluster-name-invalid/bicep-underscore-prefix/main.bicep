param env string = 'prod'

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-${env}'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aks_${env}' // expect: AKS731
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        count: 3
        vmSize: 'Standard_D4s_v5'
      }
    ]
  }
}
