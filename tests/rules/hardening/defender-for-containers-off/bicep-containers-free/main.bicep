targetScope = 'subscription'

resource containers 'Microsoft.Security/pricings@2024-01-01' = {
  name: 'Containers'
  properties: {
    pricingTier: 'Free' // expect: AKS727
  }
}
