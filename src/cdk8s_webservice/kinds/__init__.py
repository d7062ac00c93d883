"""One construct per Kubernetes kind, each with its props: Namespace, ServiceAccount and RBAC, SealedSecret,
Deployment and its containers, Service and NetworkPolicies, Ingress, autoscalers, PodDisruptionBudget."""
