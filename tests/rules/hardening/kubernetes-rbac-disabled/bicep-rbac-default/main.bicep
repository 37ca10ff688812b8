param rbac bool

resource prod 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-prod'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aksprod'
    enableRBAC: true
  }
}

resource dev 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-dev'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aksdev'
    enableRBAC: rbac
  }
}
