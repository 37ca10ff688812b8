targetScope = 'subscription'

module cluster 'cluster.bicep' = {
  name: 'cluster'
  scope: resourceGroup('11111111-1111-1111-1111-111111111111', 'rg-aks')
}

module nodeIdentity 'identity.bicep' = {
  name: 'node-identity'
  scope: resourceGroup('11111111-1111-1111-1111-111111111111', 'rg-aks-shared')
}
