resource "kubernetes_validating_webhook_configuration_v1" "policy" {
  metadata {
    name = "policy"
  }
  webhook {
    name = "policy.example.com"
    client_config {
      url = "https://policy.example.com/validate" # expect: AKS502
    }
  }
}
