param prefix string = 'dev'
param nodeCount int = 2
param zones array = []
param enableLock bool = false
param region string

var clusterName = '${prefix}-aks-${nodeCount}'
var longText = '''
first
second'''
var isBig = nodeCount > 5 || enableLock
var pools = [
  {
    name: 'system'
    mode: 'System'
  }
  {
    name: 'user'
    mode: 'User'
  }
]

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: clusterName
  location: region
  tags: {
    note: longText
    size: isBig ? 'big' : 'small'
    doubled: nodeCount * 2
  }
  properties: {
    nodeResourceGroup: 'MC_${clusterName}'
    agentPoolProfiles: [for (pool, i) in pools: {
      name: pool.name
      mode: pool.mode
      count: pool.mode == 'System' ? nodeCount : 0
      index: i
    }]
  }
}

resource lock 'Microsoft.Authorization/locks@2020-05-01' = if (enableLock) {
  name: 'lock'
  properties: {
    level: 'CanNotDelete'
  }
}

resource ip 'Microsoft.Network/publicIPAddresses@2023-04-01' = [for i in range(0, nodeCount): {
  name: '${aks.name}-ip-${i}'
  properties: {
    nodeRg: aks.properties.nodeResourceGroup
  }
}]

resource perZone 'Microsoft.Network/publicIPAddresses@2023-04-01' = [for zone in zones: {
  name: 'ip-${zone}'
}]

resource dns 'Microsoft.Network/dnsZones@2018-05-01' = {
  name: ip[1].name
  properties: {
    target: ip[2].properties.nodeRg
    beyond: ip[9].name
  }
}
