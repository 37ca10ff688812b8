param clusterName string
param secret string
param count int = 1

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: clusterName
  properties: {
    servicePrincipalProfile: {
      secret: secret
    }
    agentPoolProfiles: [
      {
        count: count
      }
    ]
  }
}
