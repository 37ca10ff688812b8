param extra object
param known object = {
  tags: {
    team: 'platform'
  }
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  ...extra
  name: 'aks'
  ...known
  properties: {
    ...extra.properties
    dnsPrefix: 'aks'
  }
}
