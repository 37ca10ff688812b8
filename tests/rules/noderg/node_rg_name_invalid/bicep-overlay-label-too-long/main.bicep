resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-prod'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aksprod'
    nodeResourceGroup: 'rg-platform-shared-kubernetes-nodes-production-westeurope-01-abcd' // expect: AKS106
    networkProfile: {
      networkPlugin: 'azure'
      networkPluginMode: 'overlay'
    }
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
