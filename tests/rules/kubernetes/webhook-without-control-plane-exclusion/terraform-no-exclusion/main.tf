resource "kubernetes_validating_webhook_configuration_v1" "policy" {
  metadata {
    name = "policy"
  }
  webhook {
    name = "policy.example.com" # expect: AKS501
    client_config {
      service {
        namespace = "policy"
        name      = "policy"
      }
    }
  }
}

resource "kubernetes_manifest" "defaults" {
  manifest = {
    apiVersion = "admissionregistration.k8s.io/v1"
    kind       = "MutatingWebhookConfiguration"
    metadata   = { name = "defaults" }
    webhooks = [{
      name = "defaults.example.com"
      namespaceSelector = { # expect: AKS501
        matchLabels = { team = "shop" }
      }
    }]
  }
}
