targetScope = 'subscription'

param spokeSubscriptionId string = '11111111-1111-1111-1111-111111111111'
param regions array = [
  'westeurope'
  'northeurope'
]

resource rg 'Microsoft.Resources/resourceGroups@2022-09-01' = {
  name: 'rg-aks'
  location: 'westeurope'
}

module cluster 'modules/aks.bicep' = {
  name: 'cluster'
  scope: rg
  params: {
    name: 'aks-main'
    nodeRg: 'MC_main'
    owner: rg.name
  }
}

module spoke './modules/aks.bicep' = {
  name: 'spoke'
  scope: resourceGroup(spokeSubscriptionId, 'rg-spoke')
  params: {
    name: 'aks-spoke'
    nodeRg: cluster.outputs.nodeRg
  }
}

module regional 'modules/aks.bicep' = [for (region, i) in regions: {
  name: 'regional-${i}'
  scope: resourceGroup('rg-${region}')
  params: {
    name: 'aks-${region}'
  }
}]

module shared 'br/public:avm/res/network/virtual-network:0.1.0' = {
  name: 'vnet'
  scope: rg
}

module missing './modules/nope.bicep' = {
  name: 'missing'
  scope: rg
}

resource budget 'Microsoft.Consumption/budgets@2023-05-01' = {
  name: 'budget'
  properties: {
    notes: cluster.outputs.nodeRg
  }
}

resource regionalBudget 'Microsoft.Consumption/budgets@2023-05-01' = {
  name: 'regional'
  properties: {
    notes: regional[1].outputs.nodeRg
  }
}
