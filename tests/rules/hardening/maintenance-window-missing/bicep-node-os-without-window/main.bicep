resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-prod'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aksprod'
    autoUpgradeProfile: {
      upgradeChannel: 'none'
      nodeOSUpgradeChannel: 'SecurityPatch' // expect: AKS729
    }
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        count: 3
        vmSize: 'Standard_D4s_v5'
      }
    ]
  }
}

// The weekly-release window does not schedule node OS upgrades.
resource weekly 'Microsoft.ContainerService/managedClusters/maintenanceConfigurations@2024-02-01' = {
  parent: aks
  name: 'default'
  properties: {
    timeInWeek: [
      {
        day: 'Sunday'
        hourSlots: [1, 2]
      }
    ]
  }
}
