resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = { // expect: AKS716
  name: 'aks-prod'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aksprod'
    apiServerAccessProfile: {
      enablePrivateCluster: true
    }
  }
}
