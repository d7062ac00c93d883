"""The Deployment and its ConfigMap: a hardened, observable, spread-out workload.

Longer than most modules: the Deployment's props carry every hardening default with its reason; the ConfigMap and health checks it mounts and probes live with it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from cdk8s_plus_27 import k8s
from constructs import Construct

from . import quantities
from .delivery import COLOURS
from .errors import ConfigError
from .identity import ServiceIdentity
from .names import check_env_var_name
from .profile import Resources
from .values import check_bool, check_distinct_ports, check_instance, check_int, check_str, check_str_mapping

IMAGE_PULL_POLICIES = ("Always", "IfNotPresent", "Never")

ZONE_KEY = "topology.kubernetes.io/zone"
HOSTNAME_KEY = "kubernetes.io/hostname"


@dataclass(frozen=True)
class HealthChecks:
    """HTTP probe paths and timings, all on the `http` port.

    Defaults: startup allows 2 minutes (24 x 5 s) so a slow start is not killed by
    liveness; liveness restarts after 30 s of failures; readiness takes a pod out
    of the Service after 15 s.
    """

    liveness_path: str = "/healthz"
    """Restart the container when this fails (default `/healthz`)."""
    readiness_path: str = "/readyz"
    """Take the pod out of the Service when this fails (default `/readyz`)."""
    startup_path: str = "/healthz"
    """Hold liveness off until this succeeds (default `/healthz`)."""
    startup_failure_threshold: int = 24
    """Startup checks (5 s apart) before giving up: 24 is two minutes."""

    def __post_init__(self) -> None:
        for name in ("liveness_path", "readiness_path", "startup_path"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.startswith("/"):
                raise ConfigError(f"health.{name}", value, "an absolute HTTP path starting with '/'")
        check_int("health.startup_failure_threshold", self.startup_failure_threshold, minimum=1)


class ConfigMap(Construct):
    """ConfigMap `<name>-config`: the service's non-secret settings, loaded with envFrom.

    `checksum` (sha256 of the data) goes on the pod template, so a config change
    rolls the pods, as kustomize's hash suffix did, while the name stays stable.

    Escape hatch: `api_object`, the `k8s.KubeConfigMap`.
    """

    def __init__(self, scope: Construct, id: str, *, identity: ServiceIdentity, data: Mapping[str, str]) -> None:
        super().__init__(scope, id)
        check_str_mapping("config", data, check_key=check_env_var_name)
        self.name = identity.derived_name("config")
        ordered = dict(sorted(data.items()))
        self.checksum = hashlib.sha256(json.dumps(ordered, sort_keys=True).encode()).hexdigest()
        self.api_object = k8s.KubeConfigMap(
            self, "config", metadata=k8s.ObjectMeta(name=self.name, namespace=identity.namespace), data=ordered
        )


@dataclass(frozen=True)
class DeploymentProps:
    """What the Deployment needs; `WebService` fills it from its own props."""

    identity: ServiceIdentity
    """The service's names and labels."""
    image: str
    """Full image reference, tag or digest included."""
    replicas: int
    """Replicas of this Deployment."""
    resources: Resources
    """Requests and limits of the container."""
    port: int
    """Container port named `http`."""
    metrics_port: int
    """Container port named `metrics`."""
    config_name: str
    """ConfigMap loaded with envFrom."""
    config_checksum: str
    """Checksum of that ConfigMap's data, on the pod template."""
    colour: str | None = None
    """Blue-green colour: the Deployment is `<name>-<colour>` and selects it."""
    health: HealthChecks = field(default_factory=HealthChecks)
    """Probe paths and timings."""
    env: Mapping[str, str] = field(default_factory=dict)
    """Extra environment variables."""
    secret_env_from: str | None = None
    """Secret loaded with envFrom; None for none."""
    run_as_user: int = 10001
    """UID and GID the container runs as (default 10001: not root, not a system user)."""
    termination_grace_period_seconds: int = 30
    """Time between SIGTERM and SIGKILL (default 30 s)."""
    pre_stop_sleep_seconds: int = 5
    """Pause before SIGTERM so endpoints are withdrawn first (default 5 s; 0 turns it off)."""
    tmp_size_limit: str = "64Mi"
    """Size of the writable /tmp (default 64Mi)."""
    service_account_name: str | None = None
    """ServiceAccount of the pods; None for the namespace default."""
    api_token_expiration_seconds: int | None = None
    """Mount a projected service-account token that expires after this many
    seconds (None: no token at all)."""
    secret_optional: bool = False
    """Start even when the `secret_env_from` Secret does not exist."""
    image_pull_policy: str = "IfNotPresent"
    """IfNotPresent: release tags are immutable, and a restart must not depend on
    the registry being reachable."""

    def __post_init__(self) -> None:
        check_instance("workload.identity", self.identity, ServiceIdentity)
        check_str("workload.image", self.image)
        check_int("workload.replicas", self.replicas, minimum=0)
        check_instance("workload.resources", self.resources, Resources)
        check_distinct_ports({"workload.port": self.port, "workload.metrics_port": self.metrics_port}, "the container")
        check_str("workload.config_name", self.config_name)
        check_str("workload.config_checksum", self.config_checksum)
        if self.colour is not None and self.colour not in COLOURS:
            raise ConfigError("workload.colour", self.colour, f"None or one of: {', '.join(COLOURS)}")
        check_instance("workload.health", self.health, HealthChecks)
        check_str_mapping("workload.env", self.env, check_key=check_env_var_name)
        if self.secret_env_from is not None:
            check_str("workload.secret_env_from", self.secret_env_from)
        check_int("workload.run_as_user", self.run_as_user, minimum=1)
        check_int("workload.termination_grace_period_seconds", self.termination_grace_period_seconds)
        check_int("workload.pre_stop_sleep_seconds", self.pre_stop_sleep_seconds)
        if 0 < self.termination_grace_period_seconds <= self.pre_stop_sleep_seconds:
            raise ConfigError(
                "workload.pre_stop_sleep_seconds",
                self.pre_stop_sleep_seconds,
                f"below workload.termination_grace_period_seconds ({self.termination_grace_period_seconds}): "
                "the pause is part of the grace period, and the process needs time to stop after it",
            )
        quantities.memory("workload.tmp_size_limit", self.tmp_size_limit)
        if self.service_account_name is not None:
            check_str("workload.service_account_name", self.service_account_name)
        if self.api_token_expiration_seconds is not None:
            check_int(
                "workload.api_token_expiration_seconds",
                self.api_token_expiration_seconds,
                minimum=600,
                maximum=86400,
            )
        check_bool("workload.secret_optional", self.secret_optional)
        if self.image_pull_policy not in IMAGE_PULL_POLICIES:
            raise ConfigError("workload.image_pull_policy", self.image_pull_policy, "Always, IfNotPresent or Never")


def scanner_waivers(props: DeploymentProps) -> dict[str, str]:
    """Checkov checks this workload deliberately does not meet, each with its reason,
    as `checkov.io/skipN` annotations (so a scan shows the decision, not a failure)."""
    waivers = []
    if props.image_pull_policy != "Always":
        waivers.append(
            "CKV_K8S_15=release tags are immutable; IfNotPresent keeps restarts independent of registry availability"
        )
    if "@sha256:" not in props.image:
        waivers.append(
            "CKV_K8S_43=pinned by an immutable release tag (the profile refuses moving tags; a sha256 digest is accepted too)"
        )
    if props.secret_env_from:
        waivers.append(
            "CKV_K8S_35=the application reads its settings from the environment (12-factor); the Secret comes from a SealedSecret"
        )
    return {f"checkov.io/skip{i}": waiver for i, waiver in enumerate(waivers, start=1)}


class Deployment(Construct):
    """Deployment `<name>` (or `<name>-<colour>` for blue-green).

    Secure by default: non-root (UID 10001), read-only root filesystem with a small
    writable /tmp, every capability dropped, no privilege escalation, seccomp
    RuntimeDefault, no service-account token. Zero-downtime rollouts (maxUnavailable
    0), spread over zones (best effort) and nodes (hard), a preStop pause so the
    ingress controller drops the endpoint before SIGTERM. The pod template carries
    the ConfigMap's checksum.

    Escape hatch: `api_object`, the `k8s.KubeDeployment`.
    """

    def __init__(self, scope: Construct, id: str, *, props: DeploymentProps) -> None:
        super().__init__(scope, id)
        ident = props.identity
        self.name = ident.derived_name(props.colour) if props.colour else ident.name
        selector = ident.colour_selector(props.colour)
        pod_labels = {**ident.pod_labels, **selector}

        env_from = [k8s.EnvFromSource(config_map_ref=k8s.ConfigMapEnvSource(name=props.config_name))]
        if props.secret_env_from:
            env_from.append(
                k8s.EnvFromSource(
                    secret_ref=k8s.SecretEnvSource(name=props.secret_env_from, optional=props.secret_optional or None)
                )
            )
        volumes, mounts = self._volumes(props)

        container = k8s.Container(
            name=ident.name,
            image=props.image,
            image_pull_policy=props.image_pull_policy,
            ports=[
                k8s.ContainerPort(name="http", container_port=props.port, protocol="TCP"),
                k8s.ContainerPort(name="metrics", container_port=props.metrics_port, protocol="TCP"),
            ],
            env=self._env(props),
            env_from=env_from,
            resources=k8s.ResourceRequirements(
                requests={k: k8s.Quantity.from_string(v) for k, v in props.resources.requests().items()},
                limits={k: k8s.Quantity.from_string(v) for k, v in props.resources.limits().items()},
            ),
            startup_probe=self._probe(props.health.startup_path, 5, props.health.startup_failure_threshold),
            liveness_probe=self._probe(props.health.liveness_path, 10, 3),
            readiness_probe=self._probe(props.health.readiness_path, 5, 3, success_threshold=1),
            lifecycle=self._lifecycle(props.pre_stop_sleep_seconds),
            security_context=k8s.SecurityContext(
                run_as_non_root=True,
                allow_privilege_escalation=False,
                privileged=False,
                read_only_root_filesystem=True,
                capabilities=k8s.Capabilities(drop=["ALL"]),
            ),
            volume_mounts=mounts,
        )

        workload_selector = k8s.LabelSelector(match_labels=ident.workload_selector)
        self.api_object = k8s.KubeDeployment(
            self,
            "deployment",
            metadata=k8s.ObjectMeta(
                name=self.name,
                namespace=ident.namespace,
                labels={**selector, "app.kubernetes.io/component": ident.component},
                annotations=scanner_waivers(props) or None,
            ),
            spec=k8s.DeploymentSpec(
                replicas=props.replicas,
                revision_history_limit=5,
                progress_deadline_seconds=600,
                strategy=k8s.DeploymentStrategy(
                    type="RollingUpdate",
                    rolling_update=k8s.RollingUpdateDeployment(
                        max_surge=k8s.IntOrString.from_string("25%"), max_unavailable=k8s.IntOrString.from_number(0)
                    ),
                ),
                selector=k8s.LabelSelector(match_labels=selector),
                template=k8s.PodTemplateSpec(
                    metadata=k8s.ObjectMeta(
                        labels=pod_labels,
                        annotations={
                            "kubectl.kubernetes.io/default-container": ident.name,
                            "checksum/config": props.config_checksum,
                        },
                    ),
                    spec=k8s.PodSpec(
                        service_account_name=props.service_account_name,
                        automount_service_account_token=False,
                        enable_service_links=False,
                        termination_grace_period_seconds=props.termination_grace_period_seconds,
                        security_context=k8s.PodSecurityContext(
                            run_as_non_root=True,
                            run_as_user=props.run_as_user,
                            run_as_group=props.run_as_user,
                            fs_group=props.run_as_user,
                            seccomp_profile=k8s.SeccompProfile(type="RuntimeDefault"),
                        ),
                        topology_spread_constraints=[
                            # Zones best effort: a single-zone cluster must still schedule.
                            self._spread(ZONE_KEY, "ScheduleAnyway", workload_selector),
                            self._spread(HOSTNAME_KEY, "DoNotSchedule", workload_selector),
                        ],
                        containers=[container],
                        volumes=volumes,
                    ),
                ),
            ),
        )
        """The Deployment (escape hatch)."""

    @staticmethod
    def _volumes(props: DeploymentProps) -> tuple[list[k8s.Volume], list[k8s.VolumeMount]]:
        """A bounded writable /tmp; and, only when the service needs the API, a
        token mounted explicitly: read-only, expiring, at the path client libraries
        expect (automountServiceAccountToken stays false)."""
        volumes = [
            k8s.Volume(
                name="tmp",
                empty_dir=k8s.EmptyDirVolumeSource(size_limit=k8s.Quantity.from_string(props.tmp_size_limit)),
            )
        ]
        mounts = [k8s.VolumeMount(name="tmp", mount_path="/tmp")]
        if props.api_token_expiration_seconds is not None:
            volumes.append(
                k8s.Volume(
                    name="kube-api-access",
                    projected=k8s.ProjectedVolumeSource(
                        default_mode=0o444,
                        sources=[
                            k8s.VolumeProjection(
                                service_account_token=k8s.ServiceAccountTokenProjection(
                                    path="token", expiration_seconds=props.api_token_expiration_seconds
                                )
                            ),
                            k8s.VolumeProjection(
                                config_map=k8s.ConfigMapProjection(
                                    name="kube-root-ca.crt", items=[k8s.KeyToPath(key="ca.crt", path="ca.crt")]
                                )
                            ),
                            k8s.VolumeProjection(
                                downward_api=k8s.DownwardApiProjection(
                                    items=[
                                        k8s.DownwardApiVolumeFile(
                                            path="namespace",
                                            field_ref=k8s.ObjectFieldSelector(
                                                api_version="v1", field_path="metadata.namespace"
                                            ),
                                        )
                                    ]
                                )
                            ),
                        ],
                    ),
                )
            )
            mounts.append(
                k8s.VolumeMount(
                    name="kube-api-access", mount_path="/var/run/secrets/kubernetes.io/serviceaccount", read_only=True
                )
            )
        return volumes, mounts

    @staticmethod
    def _env(props: DeploymentProps) -> list[k8s.EnvVar]:
        fixed = [
            k8s.EnvVar(name="PORT", value=str(props.port)),
            k8s.EnvVar(name="METRICS_PORT", value=str(props.metrics_port)),
            k8s.EnvVar(
                name="POD_NAME",
                value_from=k8s.EnvVarSource(field_ref=k8s.ObjectFieldSelector(field_path="metadata.name")),
            ),
            k8s.EnvVar(
                name="POD_NAMESPACE",
                value_from=k8s.EnvVarSource(field_ref=k8s.ObjectFieldSelector(field_path="metadata.namespace")),
            ),
        ]
        taken = {var.name for var in fixed}
        clashes = sorted(taken & set(props.env))
        if clashes:
            raise ConfigError("env", clashes[0], f"the construct sets {', '.join(sorted(taken))} itself")
        return fixed + [k8s.EnvVar(name=k, value=v) for k, v in sorted(props.env.items())]

    @staticmethod
    def _probe(path: str, period: int, failures: int, success_threshold: int | None = None) -> k8s.Probe:
        return k8s.Probe(
            http_get=k8s.HttpGetAction(path=path, port=k8s.IntOrString.from_string("http")),
            period_seconds=period,
            timeout_seconds=3,
            failure_threshold=failures,
            success_threshold=success_threshold,
        )

    @staticmethod
    def _lifecycle(pre_stop_sleep_seconds: int) -> k8s.Lifecycle | None:
        # Kubernetes 1.27 has no `sleep` handler (1.30+): the image's own `sleep` runs instead.
        if pre_stop_sleep_seconds <= 0:
            return None
        return k8s.Lifecycle(
            pre_stop=k8s.LifecycleHandler(exec=k8s.ExecAction(command=["sleep", str(pre_stop_sleep_seconds)]))
        )

    @staticmethod
    def _spread(key: str, when: str, selector: k8s.LabelSelector) -> k8s.TopologySpreadConstraint:
        return k8s.TopologySpreadConstraint(
            max_skew=1,
            topology_key=key,
            when_unsatisfiable=when,
            label_selector=selector,
            # Spread each ReplicaSet on its own, so a rollout does not count old pods.
            match_label_keys=["pod-template-hash"],
        )
