@secure()
param kubeConfig string

extension kubernetes with {
  namespace: 'default'
  kubeConfig: kubeConfig
}

resource policy 'admissionregistration.k8s.io/ValidatingWebhookConfiguration@v1' = {
  metadata: {
    name: 'policy'
  }
  webhooks: [
    {
      name: 'policy.example.com'
      admissionReviewVersions: ['v1']
      sideEffects: 'None'
      namespaceSelector: {
        matchExpressions: [
          {
            key: 'control-plane'
            operator: 'DoesNotExist'
          }
        ]
      }
    }
  ]
}
