param channel string

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-prod'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aksprod'
    autoUpgradeProfile: {
      upgradeChannel: 'rapid'
    }
  }
}

resource dev 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-dev'
  location: 'westeurope'
  properties: {
    autoUpgradeProfile: {
      upgradeChannel: channel
    }
  }
}
