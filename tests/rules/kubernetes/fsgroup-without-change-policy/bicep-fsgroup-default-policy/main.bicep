@secure()
param kubeConfig string

extension kubernetes with {
  namespace: 'default'
  kubeConfig: kubeConfig
}

resource web 'apps/Deployment@v1' = {
  metadata: {
    name: 'web'
  }
  spec: {
    selector: {
      matchLabels: {
        app: 'web'
      }
    }
    template: {
      metadata: {
        labels: {
          app: 'web'
        }
      }
      spec: {
        securityContext: {
          fsGroup: 2000 // expect: AKS504
        }
        containers: [
          {
            name: 'web'
            image: 'nginx:1.25'
          }
        ]
      }
    }
  }
}
