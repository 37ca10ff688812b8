resource "kubernetes_mutating_webhook_configuration_v1" "defaults" {
  metadata {
    name = "defaults"
    labels = {
      "admissions.enforcer/disabled" = "true" # expect: AKS503
    }
  }
  webhook {
    name = "defaults.example.com"
  }
}
