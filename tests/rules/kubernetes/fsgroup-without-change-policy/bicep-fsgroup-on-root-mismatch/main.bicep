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
    template: {
      spec: {
        securityContext: {
          fsGroup: 2000
          fsGroupChangePolicy: 'OnRootMismatch'
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
