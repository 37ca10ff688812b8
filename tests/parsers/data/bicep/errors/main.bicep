resource ok 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'ok'
}

resource broken 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: concat('a', 'b'
}

resource after 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'after'
}
