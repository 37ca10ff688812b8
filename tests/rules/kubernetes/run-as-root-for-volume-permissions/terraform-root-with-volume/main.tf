resource "kubernetes_pod_v1" "uploads" {
  metadata {
    name = "uploads"
  }
  spec {
    container {
      name  = "app"
      image = "app:1"
      security_context {
        run_as_user = "0" # expect: AKS505
      }
    }
    volume {
      name = "data"
      persistent_volume_claim {
        claim_name = "uploads"
      }
    }
  }
}
