@secure()
param kubeConfig string

extension kubernetes with {
  namespace: 'default'
  kubeConfig: kubeConfig
}

resource uploads 'core/Pod@v1' = {
  metadata: {
    name: 'uploads'
  }
  spec: {
    securityContext: {
      runAsUser: 1000
      fsGroup: 2000
      fsGroupChangePolicy: 'OnRootMismatch'
    }
    containers: [
      {
        name: 'app'
        image: 'app:1'
      }
    ]
    volumes: [
      {
        name: 'data'
        persistentVolumeClaim: {
          claimName: 'uploads'
        }
      }
    ]
  }
}
