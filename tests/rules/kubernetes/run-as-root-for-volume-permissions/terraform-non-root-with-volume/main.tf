resource "kubernetes_pod_v1" "uploads" {
  metadata {
    name = "uploads"
  }
  spec {
    security_context {
      run_as_user = "1000"
      fs_group    = "2000"
    }
    container {
      name  = "app"
      image = "app:1"
    }
    volume {
      name = "data"
      persistent_volume_claim {
        claim_name = "uploads"
      }
    }
  }
}
