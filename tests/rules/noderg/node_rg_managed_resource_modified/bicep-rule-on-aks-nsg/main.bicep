module openHttps 'nsg-rule.bicep' = {
  name: 'open-https'
  scope: resourceGroup('MC_rg-aks_aks-prod_westeurope')
}
