resource nodeRg 'Microsoft.Resources/resourceGroups@2022-09-01' existing = {
  name: 'rg-aks-nodes'
  scope: subscription()
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-prod'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aksprod'
    nodeResourceGroup: nodeRg.name // expect: AKS101
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
