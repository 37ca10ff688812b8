param name string

resource pip 'Microsoft.Network/publicIPAddresses@2023-09-01' = {
  name: name
  location: 'westeurope'
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}
