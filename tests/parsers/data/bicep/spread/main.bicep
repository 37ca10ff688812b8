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

var zones = [
  '1'
  '2'
  '3'
]

resource last 'Microsoft.Network/publicIPAddresses@2023-04-01' = {
  name: 'ip-${zones[^1]}'
}
