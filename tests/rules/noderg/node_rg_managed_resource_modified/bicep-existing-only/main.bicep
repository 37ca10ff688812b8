module readNsg 'nsg-read.bicep' = {
  name: 'read-nsg'
  scope: resourceGroup('MC_rg-aks_aks-prod_westeurope')
}
