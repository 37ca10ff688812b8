module net './network.bicep' = {
  name: 'network'
  scope: resourceGroup('11111111-1111-1111-1111-111111111111', 'rg-network')
  params: {
    vnetName: 'vnet-aks'
    prefix: '10.1.0.0/16'
  }
}
