resource "kubernetes_mutating_webhook_configuration_v1" "defaults" {
  metadata {
    name = "defaults"
    labels = {
      team = "platform"
    }
  }
  webhook {
    name = "defaults.example.com"
  }
}
