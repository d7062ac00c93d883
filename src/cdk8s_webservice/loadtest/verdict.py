"""The load test's verdict as a PostSync hook: Job `<name>-load-test-verdict` fails the
sync when k6 failed.

The k6-operator marks a TestRun `finished` once its runner Jobs end, whether k6 passed
or not (controllers/k6_finish.go counts the failed Jobs and reports them only to k6
Cloud): a runner whose thresholds are breached exits with k6's code 99 and its Job
fails, but the TestRun's status does not say so. Argo CD's health check for the
TestRun (`argocd_health`) holds the hooks of the next wave until the test ends; this
Job, one wave later, reads the runner Jobs (`k6_cr=<testrun>, runner=true`, the
operator's labels) and exits non-zero if one failed, did not succeed, or none exists,
so the hook, and the sync, fail with k6's verdict.

It runs `kubectl` with a ServiceAccount allowed to read Jobs in its namespace only
(Role `<name>-load-test-verdict`), outside the mesh like the k6 pods (a sidecar would
keep a Job running on Kubernetes 1.27), reaching the API server (443 and 6443) and DNS.
"""

from __future__ import annotations

from typing import Any

from cdk8s_plus_27 import k8s
from constructs import Construct

from cdk8s_webservice.core.identity import NAME, PART_OF, ServiceIdentity
from cdk8s_webservice.kinds.network import dns_egress

KUBECTL_IMAGE = "bitnami/kubectl:1.27.16"
"""kubectl of the Kubernetes minor the project targets."""
KUBECTL_UID = 10001
"""Any UID serves (kubectl keeps its cache under HOME=/tmp): a high one, outside the node's users."""

SCRIPT = """\
set -eu
jobs=$(kubectl get jobs -n "$NAMESPACE" -l "k6_cr=$TESTRUN,runner=true" \\
  -o jsonpath='{range .items[*]}{.metadata.name}:{.status.succeeded}:{.status.failed}{"\\n"}{end}')
if [ -z "$jobs" ]; then echo "no runner Job of TestRun/$TESTRUN: the test did not run"; exit 1; fi
echo "$jobs" | while IFS=: read -r name succeeded failed; do
  if [ "${failed:-0}" != "0" ] || [ "${succeeded:-0}" = "0" ]; then
    echo "TestRun/$TESTRUN: runner Job/$name failed (k6 exits 99 when a threshold is breached)"; exit 1
  fi
  echo "TestRun/$TESTRUN: runner Job/$name passed"
done
"""


def _port(port: int, protocol: str = "TCP") -> k8s.NetworkPolicyPort:
    return k8s.NetworkPolicyPort(port=k8s.IntOrString.from_number(port), protocol=protocol)


class LoadTestVerdict(Construct):
    """ServiceAccount, Role, RoleBinding, NetworkPolicy and the PostSync Job `<test>-verdict`."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: ServiceIdentity,
        test_run: str,
        resources: dict[str, Any],
        outside_mesh: bool,
    ) -> None:
        super().__init__(scope, id)
        self.name = f"{test_run}-verdict"
        namespace = identity.namespace
        meta = k8s.ObjectMeta(name=self.name, namespace=namespace)
        k8s.KubeServiceAccount(self, "account", metadata=meta)
        k8s.KubeRole(
            self,
            "role",
            metadata=meta,
            rules=[k8s.PolicyRule(api_groups=["batch"], resources=["jobs"], verbs=["get", "list"])],
        )
        k8s.KubeRoleBinding(
            self,
            "binding",
            metadata=meta,
            role_ref=k8s.RoleRef(api_group="rbac.authorization.k8s.io", kind="Role", name=self.name),
            subjects=[k8s.Subject(kind="ServiceAccount", name=self.name, namespace=namespace)],
        )
        labels = {NAME: self.name, PART_OF: identity.part_of}
        if outside_mesh:
            labels["sidecar.istio.io/inject"] = "false"
        pods = k8s.LabelSelector(match_labels={NAME: self.name})
        k8s.KubeNetworkPolicy(
            self,
            "policy",
            metadata=meta,
            spec=k8s.NetworkPolicySpec(
                pod_selector=pods,
                policy_types=["Ingress", "Egress"],
                egress=[
                    k8s.NetworkPolicyEgressRule(
                        to=[k8s.NetworkPolicyPeer(ip_block=k8s.IpBlock(cidr="0.0.0.0/0"))],
                        ports=[_port(443), _port(6443)],
                    ),
                    dns_egress(),
                ],
            ),
        )
        self.job = k8s.KubeJob(
            self,
            "job",
            metadata=k8s.ObjectMeta(
                name=self.name,
                namespace=namespace,
                annotations={
                    "argocd.argoproj.io/hook": "PostSync",
                    "argocd.argoproj.io/hook-delete-policy": "BeforeHookCreation",
                    "checkov.io/skip1": "CKV_K8S_15=kubectl is pinned by an immutable tag; IfNotPresent keeps the hook independent of registry availability",
                    "checkov.io/skip2": "CKV_K8S_43=pinned by an immutable tag of the Kubernetes minor the project targets",
                    "checkov.io/skip3": "CKV_K8S_38=the verdict reads the runner Jobs through the API: its token is bound to a Role that may get and list Jobs in this namespace only",
                },
            ),
            spec=k8s.JobSpec(
                backoff_limit=0,
                active_deadline_seconds=300,
                template=k8s.PodTemplateSpec(
                    metadata=k8s.ObjectMeta(labels=labels),
                    spec=k8s.PodSpec(
                        service_account_name=self.name,
                        restart_policy="Never",
                        security_context=k8s.PodSecurityContext(
                            run_as_non_root=True,
                            run_as_user=KUBECTL_UID,
                            run_as_group=KUBECTL_UID,
                            seccomp_profile=k8s.SeccompProfile(type="RuntimeDefault"),
                        ),
                        containers=[
                            k8s.Container(
                                name="verdict",
                                image=KUBECTL_IMAGE,
                                image_pull_policy="IfNotPresent",
                                command=["/bin/sh", "-c", SCRIPT],
                                env=[
                                    k8s.EnvVar(name="NAMESPACE", value=namespace),
                                    k8s.EnvVar(name="TESTRUN", value=test_run),
                                    k8s.EnvVar(name="HOME", value="/tmp"),
                                ],
                                resources=k8s.ResourceRequirements(
                                    requests={
                                        key: k8s.Quantity.from_string(value)
                                        for key, value in resources["requests"].items()
                                    },
                                    limits={
                                        key: k8s.Quantity.from_string(value)
                                        for key, value in resources["limits"].items()
                                    },
                                ),
                                security_context=k8s.SecurityContext(
                                    allow_privilege_escalation=False,
                                    capabilities=k8s.Capabilities(drop=["ALL"]),
                                    read_only_root_filesystem=True,
                                    run_as_non_root=True,
                                ),
                                volume_mounts=[k8s.VolumeMount(name="tmp", mount_path="/tmp")],
                            )
                        ],
                        volumes=[
                            k8s.Volume(
                                name="tmp",
                                empty_dir=k8s.EmptyDirVolumeSource(size_limit=k8s.Quantity.from_string("16Mi")),
                            )
                        ],
                    ),
                ),
            ),
        )
