module a './a.bicep' = {
  name: 'a'
}

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st'
}
