module agent 'extension.bicep' = {
  name: 'security-agent'
  scope: resourceGroup('rg-build')
  params: {
    scaleSetName: 'vmss-build-agents'
  }
}
