// akslint-ignore AKS201: sandbox cluster, stopped at night // expect: AKS901
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
        count: 3
        vmSize: 'Standard_D4s_v5'
      }
    ]
  }
}
