"""Opt-in add-ons, each a value a profile turns on and the constructs it makes: a service mesh (Istio),
feature flags (OpenFeature), chaos experiments (Chaos Mesh) and Karpenter node pools."""
