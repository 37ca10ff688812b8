resource "kubernetes_validating_webhook_configuration_v1" "policy" {
  metadata {
    name = "policy"
  }
  webhook {
    name = "policy.example.com"
    namespace_selector {
      match_expressions {
        key      = "control-plane"
        operator = "DoesNotExist"
      }
    }
  }
}

variable "selector" {
  type = any
}

# A selector only known at apply time: silent.
resource "kubernetes_manifest" "defaults" {
  manifest = {
    apiVersion = "admissionregistration.k8s.io/v1"
    kind       = "MutatingWebhookConfiguration"
    metadata   = { name = "defaults" }
    webhooks = [{
      name              = "defaults.example.com"
      namespaceSelector = var.selector
    }]
  }
}
