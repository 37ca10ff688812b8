variable "webhook_url" {
  type = string
}

resource "kubernetes_validating_webhook_configuration_v1" "policy" {
  metadata {
    name = "policy"
  }
  webhook {
    name = "policy.example.com"
    client_config {
      service {
        namespace = "policy"
        name      = "policy-webhook"
      }
    }
  }
  webhook {
    name = "unknown.example.com"
    client_config {
      url = var.webhook_url
    }
  }
}
