resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-prod'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
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
    securityProfile: {
      azureKeyVaultKms: {
        enabled: true
        keyId: 'https://kv-aks.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef'
        keyVaultNetworkAccess: 'Public'
      }
    }
  }
}
