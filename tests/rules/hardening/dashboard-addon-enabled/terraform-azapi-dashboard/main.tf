resource "azapi_resource" "aks" {
  type      = "Microsoft.ContainerService/managedClusters@2024-02-01"
  name      = "aks-prod"
  location  = "westeurope"
  parent_id = "/subscriptions/0000/resourceGroups/rg-aks"
  body = {
    properties = {
      dnsPrefix = "aksprod"
      addonProfiles = {
        kubeDashboard = {
          enabled = true # expect: AKS707
        }
      }
    }
  }
}
