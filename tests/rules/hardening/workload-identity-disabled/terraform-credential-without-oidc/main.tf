resource "azurerm_kubernetes_cluster" "aks" { # expect: AKS732
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksprod"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 3
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_user_assigned_identity" "app" {
  name                = "id-app"
  location            = "westeurope"
  resource_group_name = "rg-aks"
}

resource "azurerm_federated_identity_credential" "app" {
  name                = "app"
  resource_group_name = "rg-aks"
  parent_id           = azurerm_user_assigned_identity.app.id
  issuer              = azurerm_kubernetes_cluster.aks.oidc_issuer_url
  subject             = "system:serviceaccount:app:app"
  audience            = ["api://AzureADTokenExchange"]
}
