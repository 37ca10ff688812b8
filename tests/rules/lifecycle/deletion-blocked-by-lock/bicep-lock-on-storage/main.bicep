resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-prod'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aksprod'
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

resource state 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stakstate'
  location: 'westeurope'
  sku: {
    name: 'Standard_ZRS'
  }
  kind: 'StorageV2'
}

resource lock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete'
  scope: state
  properties: {
    level: 'CanNotDelete'
  }
}
