param tier string = 'Free'
param region string = 'westus'

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks'
  location: region
  sku: {
    name: 'Base'
    tier: tier
  }
}
