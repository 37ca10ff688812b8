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
      name: 'policy.example.com' // expect: AKS501
      admissionReviewVersions: ['v1']
      sideEffects: 'None'
      clientConfig: {
        service: {
          namespace: 'policy'
          name: 'policy'
        }
      }
    }
  ]
}
