param sku string = 'Free'
param region string

module cluster 'modules/cluster.bicep' = {
  name: 'cluster'
  params: {
    sku: sku
    region: region
  }
}
