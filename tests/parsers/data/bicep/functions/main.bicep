import { naming, defaultTier as tier } from 'shared.bicep'
import * as shared from 'shared.bicep'
import { fromJson } from 'exported.json'

func poolName(prefix string, index int) string => '${prefix}-pool-${index}'

var pools = range(1, 2)

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: naming('aks')
  sku: {
    tier: tier
    name: shared.skuName
  }
  properties: {
    dnsPrefix: poolName('dns', 7)
    agentPoolProfiles: [for p in pools: {
      name: poolName('user', p)
    }]
    kubernetesVersion: notAFunction('1.29')
    fqdn: shared.naming('fqdn')
    other: fromJson
  }
}

var zones = [
  '1'
  '2'
  '3'
]

resource lambdas 'Microsoft.ContainerService/managedClusters/agentPools@2024-02-01' = {
  name: 'pool'
  properties: {
    availabilityZones: filter(zones, z => z != '2')
    labels: toObject(zones, z => 'zone${z}', z => 'yes')
    nodeTaints: map(zones, (z, i) => '${i}=${z}:NoSchedule')
    count: reduce(zones, 0, (sum, z) => sum + 1)
    unknownCount: reduce(notKnown, 0, (sum, z) => sum + 1)
  }
}
