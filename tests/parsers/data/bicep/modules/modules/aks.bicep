param name string
param nodeRg string = 'MC_${name}'

#disable-next-line BCP081 no-hardcoded-location
resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: name
  location: resourceGroup().location
  properties: {
    nodeResourceGroup: nodeRg
  }
}

output nodeRg string = aks.properties.nodeResourceGroup
