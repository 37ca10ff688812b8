resource "kubernetes_deployment_v1" "web" {
  metadata {
    name = "web"
  }
  spec {
    template {
      metadata {
        labels = { app = "web" }
      }
      spec {
        security_context {
          fs_group               = "2000"
          fs_group_change_policy = "OnRootMismatch"
        }
        container {
          name  = "web"
          image = "nginx:1.25"
        }
      }
    }
  }
}
