targetScope = 'subscription'

module cluster 'cluster.bicep' = {
  name: 'cluster'
  scope: resourceGroup('11111111-1111-1111-1111-111111111111', 'rg-aks')
}

module nodeIdentity 'identity.bicep' = {
  name: 'node-identity'
  scope: resourceGroup('22222222-2222-2222-2222-222222222222', 'rg-aks-nodes')
}
