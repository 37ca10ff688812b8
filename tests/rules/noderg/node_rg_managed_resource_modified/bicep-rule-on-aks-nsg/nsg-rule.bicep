resource aksNsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' existing = {
  name: 'aks-agentpool-12345678-nsg'
}

resource allowHttps 'Microsoft.Network/networkSecurityGroups/securityRules@2023-09-01' = { // expect: AKS105
  parent: aksNsg
  name: 'allow-https'
  properties: {
    priority: 100
    direction: 'Inbound'
    access: 'Allow'
    protocol: 'Tcp'
    sourceAddressPrefix: 'Internet'
    sourcePortRange: '*'
    destinationAddressPrefix: '*'
    destinationPortRange: '443'
  }
}
