param policy string

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-prod'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aksprod'
    networkProfile: {
      networkPlugin: 'azure'
      networkPolicy: 'azure'
    }
  }
}

resource dev 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-dev'
  location: 'westeurope'
  properties: {
    networkProfile: {
      networkPolicy: policy
    }
  }
}
