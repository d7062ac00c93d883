"""The load test in the cluster: a k6-operator `TestRun` that ArgoCD runs after each sync.

In the service's namespace: ConfigMap `<name>-load-test` holds the environment's
script; TestRun `<name>-load-test` (k6.io/v1alpha1, CRD vendored in
`crds/k6.io.yaml`) runs it with the k6-operator, annotated as an ArgoCD PostSync
hook (recreated before each run). The k6 pods (initializer, starter, runner;
labelled `app.kubernetes.io/name: <name>-load-test`) meet Pod Security
`restricted`. The namespace denies all traffic by default, so NetworkPolicies open
exactly the test's paths: `<name>-load-test` (the k6 pods reach DNS, each other's
API port 6565, which the operator calls too, and the service) and, outside a mesh,
`<name>-from-load-test` (the service's pods accept the k6 pods on `http`).

In a meshed namespace (`outside_mesh`) the k6 pods run without a sidecar
(`sidecar.istio.io/inject: "false"`): on Kubernetes 1.27 there are no native
sidecars, so a proxy would outlive k6 and its Jobs would never complete, and the
k6-operator (not in the mesh) could not call the runners' API through STRICT mutual
TLS. A plain-text runner cannot call the service's pods (STRICT), so it calls the
public host, as users do: the ingress controller, which is in the mesh, forwards
over mutual TLS. The service keeps STRICT mutual TLS on every port, and its
AuthorizationPolicy and NetworkPolicies keep admitting the same clients.

ArgoCD sees a TestRun as healthy once created; the health check for `k6.io/TestRun`
(`argocd_health`, shipped in `dist/argocd-config/`) holds the sync until it ends, and
the PostSync Job `<name>-load-test-verdict` (`verdict`) fails the sync when k6 failed.
"""

from __future__ import annotations

from typing import Any

from cdk8s import ApiObject, ApiObjectMetadata, JsonPatch
from cdk8s_plus_27 import k8s
from constructs import Construct

from cdk8s_webservice.core.identity import NAME, PART_OF, ServiceIdentity
from cdk8s_webservice.core.k8s_values import int_or_string
from cdk8s_webservice.core.names import NAMESPACE_NAME_LABEL
from cdk8s_webservice.kinds.network import dns_egress

from .options import LoadTestOptions
from .specs import SCRIPT_FILE
from .verdict import LoadTestVerdict

K6_UID = 12345  # the grafana/k6 image's user
K6_API_PORT = 6565
OUTSIDE_MESH = {"sidecar.istio.io/inject": "false"}
"""The k6 pods' label in a meshed namespace: no sidecar (see the module's docstring)."""

_POD_SECURITY: dict[str, Any] = {
    "runAsNonRoot": True,
    "runAsUser": K6_UID,
    "runAsGroup": K6_UID,
    "seccompProfile": {"type": "RuntimeDefault"},
}
_CONTAINER_SECURITY: dict[str, Any] = {
    "allowPrivilegeEscalation": False,
    "capabilities": {"drop": ["ALL"]},
    "runAsNonRoot": True,
}
_RESOURCES: dict[str, Any] = {
    "requests": {"cpu": "100m", "memory": "128Mi"},
    "limits": {"cpu": "1000m", "memory": "512Mi"},
}


def _port(port: int | str, protocol: str = "TCP") -> k8s.NetworkPolicyPort:
    value = int_or_string(port)
    return k8s.NetworkPolicyPort(port=value, protocol=protocol)


class ClusterLoadTest(Construct):
    """ConfigMap + TestRun `<name>-load-test` (a PostSync hook), the NetworkPolicies it needs and its verdict Job."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: ServiceIdentity,
        script: str,
        base_url: str,
        options: LoadTestOptions,
        outside_mesh: bool = False,
    ) -> None:
        super().__init__(scope, id)
        self.name = identity.derived_name("load-test")
        namespace = identity.namespace
        labels = {NAME: self.name}
        self.config_map = k8s.KubeConfigMap(
            self,
            "script",
            metadata=k8s.ObjectMeta(name=self.name, namespace=namespace, labels=labels),
            data={SCRIPT_FILE: script},
        )
        pod = {
            # part-of too: the k6 pods belong to the service (its mesh policies may select them).
            "metadata": {"labels": {**labels, PART_OF: identity.part_of, **(OUTSIDE_MESH if outside_mesh else {})}},
            "resources": _RESOURCES,
            "securityContext": _POD_SECURITY,
            "containerSecurityContext": _CONTAINER_SECURITY,
            "automountServiceAccountToken": "false",  # a string in the CRD
        }
        self.test_run = ApiObject(
            self,
            "test-run",
            api_version="k6.io/v1alpha1",
            kind="TestRun",
            metadata=ApiObjectMetadata(
                name=self.name,
                namespace=namespace,
                labels=labels,
                annotations={
                    "argocd.argoproj.io/hook": "PostSync",
                    "argocd.argoproj.io/hook-delete-policy": "BeforeHookCreation",
                },
            ),
        )
        spec = {
            "parallelism": 1,
            "script": {"configMap": {"name": self.name, "file": SCRIPT_FILE}},
            "arguments": f"-e SCENARIO={options.cluster_scenario} -e BASE_URL={base_url}",
            "quiet": "false",
            "runner": {**pod, "image": options.k6_image},
            "initializer": {**pod, "image": options.k6_image},
            "starter": dict(pod),
        }
        # No generated binding: plain JSON, which the gate checks against the CRD (closed).
        self.test_run.add_json_patch(JsonPatch.add("/spec", spec))

        k6_pods = k8s.LabelSelector(match_labels=labels)
        service_pods = k8s.LabelSelector(match_labels=identity.workload_selector)
        self.network_policy = k8s.KubeNetworkPolicy(
            self,
            "policy",
            metadata=k8s.ObjectMeta(name=self.name, namespace=namespace),
            spec=k8s.NetworkPolicySpec(
                pod_selector=k6_pods,
                policy_types=["Ingress", "Egress"],
                ingress=[
                    k8s.NetworkPolicyIngressRule(
                        from_=[
                            k8s.NetworkPolicyPeer(pod_selector=k6_pods),
                            k8s.NetworkPolicyPeer(
                                namespace_selector=k8s.LabelSelector(
                                    match_labels={NAMESPACE_NAME_LABEL: options.operator_namespace}
                                )
                            ),
                        ],
                        ports=[_port(K6_API_PORT)],
                    )
                ],
                egress=[
                    (
                        # the public host (the ingress controller, through the load balancer)
                        k8s.NetworkPolicyEgressRule(
                            to=[k8s.NetworkPolicyPeer(ip_block=k8s.IpBlock(cidr="0.0.0.0/0"))], ports=[_port(443)]
                        )
                        if outside_mesh
                        else k8s.NetworkPolicyEgressRule(
                            to=[k8s.NetworkPolicyPeer(pod_selector=service_pods)], ports=[_port("http")]
                        )
                    ),
                    k8s.NetworkPolicyEgressRule(
                        to=[k8s.NetworkPolicyPeer(pod_selector=k6_pods)], ports=[_port(K6_API_PORT)]
                    ),
                    dns_egress(),
                ],
            ),
        )
        # k6's verdict (the operator's TestRun status does not carry it): a PostSync Job one wave later.
        self.verdict = LoadTestVerdict(
            self, "verdict", identity=identity, test_run=self.name, resources=_RESOURCES, outside_mesh=outside_mesh
        )
        self.service_policy: k8s.KubeNetworkPolicy | None = None
        if outside_mesh:
            return  # the runner calls the public host, not the service's pods
        self.service_policy = k8s.KubeNetworkPolicy(
            self,
            "service-policy",
            metadata=k8s.ObjectMeta(name=identity.derived_name("from-load-test"), namespace=namespace),
            spec=k8s.NetworkPolicySpec(
                pod_selector=service_pods,
                policy_types=["Ingress"],
                ingress=[
                    k8s.NetworkPolicyIngressRule(
                        from_=[k8s.NetworkPolicyPeer(pod_selector=k6_pods)], ports=[_port("http")]
                    )
                ],
            ),
        )
