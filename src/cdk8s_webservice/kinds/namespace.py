"""The environment's Namespace, with Pod Security Admission enforced."""

from __future__ import annotations

from cdk8s_plus_27 import k8s
from constructs import Construct

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.names import check_dns_label

POD_SECURITY_LEVELS = ("privileged", "baseline", "restricted")


class ServiceNamespace(Construct):
    """Namespace `name` labelled for Pod Security Admission.

    PodSecurityPolicy was removed in Kubernetes 1.25; its successor is admission by
    namespace label. `restricted` (the default) is enforced, audited and warned
    about, pinned to the cluster's version of the profile.

    Escape hatch: `api_object`, the `k8s.KubeNamespace`.
    """

    def __init__(self, scope: Construct, id: str, *, name: str, pod_security: str = "restricted") -> None:
        super().__init__(scope, id)
        check_dns_label("namespace", name)
        if pod_security not in POD_SECURITY_LEVELS:
            raise ConfigError("pod_security", pod_security, f"one of: {', '.join(POD_SECURITY_LEVELS)}")
        labels = {f"pod-security.kubernetes.io/{mode}": pod_security for mode in ("enforce", "audit", "warn")}
        labels["pod-security.kubernetes.io/enforce-version"] = "latest"
        self.api_object = k8s.KubeNamespace(self, "Resource", metadata=k8s.ObjectMeta(name=name, labels=labels))
