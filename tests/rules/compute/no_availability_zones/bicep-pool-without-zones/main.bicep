resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-prod'
  location: 'uksouth'
  properties: {
    dnsPrefix: 'aksprod'
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        count: 3
        vmSize: 'Standard_D4s_v5'
        availabilityZones: [
          '1'
          '2'
          '3'
        ]
      }
    ]
  }
}

resource user 'Microsoft.ContainerService/managedClusters/agentPools@2024-02-01' = { // expect: AKS305
  parent: aks
  name: 'user'
  properties: {
    mode: 'User'
    count: 2
    vmSize: 'Standard_D8s_v5'
  }
}
