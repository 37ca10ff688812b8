param vnetName string
param prefix string

resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: vnetName
  location: 'westeurope'
  properties: {
    addressSpace: {
      addressPrefixes: [
        prefix
      ]
    }
  }
}
