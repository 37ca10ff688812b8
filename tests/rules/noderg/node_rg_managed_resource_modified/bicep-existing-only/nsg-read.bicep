// Reading an AKS-created resource is fine.
resource aksNsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' existing = {
  name: 'aks-agentpool-12345678-nsg'
}

output nsgId string = aksNsg.id
