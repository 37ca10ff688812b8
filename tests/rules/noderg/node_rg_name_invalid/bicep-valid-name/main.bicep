// 65 characters is fine without CNI overlay: the name is not a node label then.
resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-prod'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aksprod'
    nodeResourceGroup: 'rg-platform-shared-kubernetes-nodes-production-westeurope-01-abcd'
    networkProfile: {
      networkPlugin: 'azure'
      networkPolicy: 'azure'
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
