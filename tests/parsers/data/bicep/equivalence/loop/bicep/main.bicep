param pools array = [
  'user1'
  'user2'
]

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' existing = {
  name: 'aks-prod'
}

resource pool 'Microsoft.ContainerService/managedClusters/agentPools@2024-02-01' = [for (p, i) in pools: {
  parent: aks
  name: p
  properties: {
    mode: 'User'
    count: i + 1
    vmSize: 'Standard_D4s_v5'
  }
}]
