param name string
param nodeRg string = 'MC_${name}'
param owner string = 'none'

#disable-next-line BCP081 no-hardcoded-location
resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: name
  location: resourceGroup().location
  tags: {
    owner: owner
  }
  properties: {
    nodeResourceGroup: nodeRg
  }
}

output nodeRg string = aks.properties.nodeResourceGroup
