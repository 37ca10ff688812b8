module agent 'extension.bicep' = {
  name: 'security-agent'
  scope: resourceGroup('MC_rg-aks_aks-prod_westeurope')
  params: {
    scaleSetName: 'aks-system-12345678-vmss'
  }
}
