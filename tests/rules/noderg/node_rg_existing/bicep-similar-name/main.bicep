resource oldNodes 'Microsoft.Resources/resourceGroups@2022-09-01' existing = {
  name: 'rg-aks-nodes-old'
  scope: subscription()
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-prod'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aksprod'
    nodeResourceGroup: 'rg-aks-nodes'
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
