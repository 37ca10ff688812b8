param monitoring bool

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-prod'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aksprod'
    addonProfiles: {
      omsAgent: {
        enabled: true
      }
    }
  }
}

resource dev 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-dev'
  location: 'westeurope'
  properties: {
    addonProfiles: {
      omsagent: {
        enabled: monitoring
      }
    }
  }
}
