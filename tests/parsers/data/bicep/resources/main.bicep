param location string = 'westeurope'

resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {
  name: 'vnet-aks'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/8'
      ]
    }
  }
  resource nodes 'subnets' = {
    name: 'nodes'
    properties: {
      addressPrefix: '10.240.0.0/16'
    }
  }
}

resource pods 'Microsoft.Network/virtualNetworks/subnets@2023-04-01' = {
  parent: vnet
  name: 'pods'
  properties: {
    addressPrefix: '10.241.0.0/16'
  }
}

resource nodeRg 'Microsoft.Resources/resourceGroups@2022-09-01' existing = {
  name: 'MC_nodes'
  scope: subscription('00000000-0000-0000-0000-000000000001')
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks1'
  location: location
  properties: {
    nodeResourceGroup: nodeRg.name
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        count: 3
        vnetSubnetID: vnet::nodes.id
      }
    ]
  }
}

resource lock 'Microsoft.Authorization/locks@2020-05-01' = {
  scope: aks
  name: 'no-delete'
  properties: {
    level: 'CanNotDelete'
  }
  dependsOn: [
    pods
  ]
}

@description('decorated')
@batchSize(1)
resource decorated 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st'
}
