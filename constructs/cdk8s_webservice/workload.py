"""The Deployment and its ConfigMap: a hardened, observable, spread-out workload.

Longer than most modules: the Deployment's props carry every hardening default with its reason; the ConfigMap and health checks it mounts and probes live with it, and so does `check_pod_parts`, what the pod's probes, ports, extra containers and volumes must agree on (their types are in `probes`, `containers`, `scheduling`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from cdk8s_plus_27 import k8s
from constructs import Construct

from . import quantities
from .containers import ExtraContainer, Port, Volume, VolumeMount, check_mounts
from .delivery import COLOURS
from .errors import ConfigError
from .identity import ServiceIdentity
from .k8s_values import int_or_string, quantity
from .names import check_env_var_name, is_label_key
from .probes import Probe
from .profile import Resources
from .scheduling import HOSTNAME_KEY, ZONE_KEY, Scheduling
from .values import check_bool, check_distinct_ports, check_instance, check_int, check_str, check_str_mapping

IMAGE_PULL_POLICIES = ("Always", "IfNotPresent", "Never")

__all__ = ["HOSTNAME_KEY", "ZONE_KEY", "ConfigMap", "Deployment", "DeploymentProps", "HealthChecks"]


@dataclass(frozen=True)
class HealthChecks:
    """The startup, liveness and readiness probes of the service's container.

    Defaults: HTTP on the `http` port, every check may take 3 s; startup allows
    2 minutes (24 x 5 s) so a slow start is not killed by liveness; liveness
    restarts after 30 s of failures (3 x 10 s); readiness takes a pod out of the
    Service after 15 s (3 x 5 s). The paths below shape those defaults; `startup`,
    `liveness` and `readiness` replace a probe whole (any kind, port and timings):
    `HealthChecks(readiness=Probe.grpc(port=9000, period_seconds=5))`.
    """

    liveness_path: str = "/healthz"
    """Restart the container when this fails (default `/healthz`)."""
    readiness_path: str = "/readyz"
    """Take the pod out of the Service when this fails (default `/readyz`)."""
    startup_path: str = "/healthz"
    """Hold liveness off until this succeeds (default `/healthz`)."""
    startup_failure_threshold: int = 24
    """Startup checks (5 s apart) before giving up: 24 is two minutes."""
    startup: Probe | None = None
    """The startup probe (None: HTTP `startup_path`, every 5 s, `startup_failure_threshold` times)."""
    liveness: Probe | None = None
    """The liveness probe (None: HTTP `liveness_path`, every 10 s, 3 failures)."""
    readiness: Probe | None = None
    """The readiness probe (None: HTTP `readiness_path`, every 5 s, 3 failures, 1 success)."""

    def __post_init__(self) -> None:
        for name in ("liveness_path", "readiness_path", "startup_path"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.startswith("/"):
                raise ConfigError(f"health.{name}", value, "an absolute HTTP path starting with '/'")
        check_int("health.startup_failure_threshold", self.startup_failure_threshold, minimum=1)
        for name in ("startup", "liveness", "readiness"):
            probe = getattr(self, name)
            if probe is not None:
                check_instance(f"health.{name}", probe, Probe, "a Probe (Probe.http, .exec, .grpc or .tcp) or None")
                if name != "readiness" and probe.success_threshold not in (None, 1):
                    raise ConfigError(
                        f"health.{name}.success_threshold", probe.success_threshold, "None or 1 (Kubernetes requires 1)"
                    )

    def probes(self) -> dict[str, Probe]:
        """The three probes, defaults filled in: `startup`, `liveness`, `readiness`."""
        return {
            "startup": self.startup
            or Probe.http(self.startup_path, period_seconds=5, failure_threshold=self.startup_failure_threshold),
            "liveness": self.liveness or Probe.http(self.liveness_path, period_seconds=10, failure_threshold=3),
            "readiness": self.readiness
            or Probe.http(self.readiness_path, period_seconds=5, failure_threshold=3, success_threshold=1),
        }


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
            self, "Resource", metadata=k8s.ObjectMeta(name=self.name, namespace=identity.namespace), data=ordered
        )


DEFAULT_CONTAINER_ANNOTATION = "kubectl.kubernetes.io/default-container"
CONFIG_CHECKSUM_ANNOTATION = "checksum/config"
#: The pod template's annotations the Deployment sets itself.
POD_TEMPLATE_ANNOTATIONS = (DEFAULT_CONTAINER_ANNOTATION, CONFIG_CHECKSUM_ANNOTATION)


def _annotation_key(field: str, value: object) -> str:
    if not is_label_key(value):  # annotation keys have the label keys' form
        raise ConfigError(field, value, "an annotation key such as 'example.com/setting' or 'setting'")
    return value


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
    ports: tuple[Port, ...] = ()
    """More ports of the container, after `http` and `metrics` (default none)."""
    sidecars: tuple[ExtraContainer, ...] = ()
    """Containers beside the service's, hardened like it (default none)."""
    init_containers: tuple[ExtraContainer, ...] = ()
    """Containers run to completion before the others start, hardened likewise (default none)."""
    volumes: tuple[Volume, ...] = ()
    """Extra volumes of the pods, Pod Security `restricted` kinds only (default none)."""
    volume_mounts: tuple[VolumeMount, ...] = ()
    """Extra volumes the service's container mounts (default none)."""
    scheduling: Scheduling = field(default_factory=Scheduling)
    """Node selector, tolerations, affinity, priority class, topology spread
    (default: zones best effort, nodes hard, nothing else)."""
    pod_annotations: Mapping[str, str] = field(default_factory=dict)
    """More annotations of the pod template, e.g. those that make an operator inject a
    sidecar (default none); the Deployment's own (`POD_TEMPLATE_ANNOTATIONS`) are not
    replaced."""

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
        check_str_mapping("workload.pod_annotations", self.pod_annotations, check_key=_annotation_key)
        taken = sorted(set(self.pod_annotations) & set(POD_TEMPLATE_ANNOTATIONS))
        if taken:
            raise ConfigError(
                f"workload.pod_annotations.{taken[0]}",
                self.pod_annotations[taken[0]],
                f"an annotation the Deployment does not set itself ({', '.join(POD_TEMPLATE_ANNOTATIONS)} are its own)",
            )
        if self.image_pull_policy not in IMAGE_PULL_POLICIES:
            raise ConfigError("workload.image_pull_policy", self.image_pull_policy, "Always, IfNotPresent or Never")
        check_instance("workload.scheduling", self.scheduling, Scheduling)
        check_pod_parts(
            "workload.",
            main=self.identity.name,
            port=self.port,
            metrics_port=self.metrics_port,
            health=self.health,
            ports=self.ports,
            sidecars=self.sidecars,
            init_containers=self.init_containers,
            volumes=self.volumes,
            volume_mounts=self.volume_mounts,
        )


def _tuple(field: str, value: object, kind: type, what: str) -> None:
    if not isinstance(value, tuple):
        raise ConfigError(field, value, f"a tuple of {what}")
    for item in value:
        check_instance(field, item, kind, f"a tuple of {what}")


def check_pod_parts(
    prefix: str,
    *,
    main: str,
    port: int,
    metrics_port: int,
    health: HealthChecks,
    ports: tuple[Port, ...],
    sidecars: tuple[ExtraContainer, ...],
    init_containers: tuple[ExtraContainer, ...],
    volumes: tuple[Volume, ...],
    volume_mounts: tuple[VolumeMount, ...],
) -> None:
    """What the pod's parts must agree on: container names, port names and numbers
    unique across the pod (its containers share one network namespace), probes on
    declared ports, mounts of declared volumes."""
    _tuple(f"{prefix}ports", ports, Port, "Port")
    _tuple(f"{prefix}sidecars", sidecars, ExtraContainer, "ExtraContainer")
    _tuple(f"{prefix}init_containers", init_containers, ExtraContainer, "ExtraContainer")
    _tuple(f"{prefix}volumes", volumes, Volume, "Volume")
    _tuple(f"{prefix}volume_mounts", volume_mounts, VolumeMount, "VolumeMount")
    names = {main: "the service's container"}
    for group, members in (("sidecars", sidecars), ("init_containers", init_containers)):
        for container in members:
            if container.name in names:
                raise ConfigError(
                    f"{prefix}{group}.name", container.name, f"a name other than {names[container.name]}'s"
                )
            names[container.name] = f"{group}[{container.name}]"
    for container in init_containers:
        if container.ports:
            raise ConfigError(
                f"{prefix}init_containers[{container.name}].ports",
                container.ports,
                "none: an init container serves nothing",
            )
    port_names = {"http": f"{prefix}port", "metrics": f"{prefix}metrics_port"}
    numbers = {(port, "TCP"): f"{prefix}port", (metrics_port, "TCP"): f"{prefix}metrics_port"}
    owned = [(f"{prefix}ports[{p.name}]", p) for p in ports] + [
        (f"{prefix}sidecars[{c.name}].ports[{p.name}]", p) for c in sidecars for p in c.ports
    ]
    for where, extra in owned:
        if extra.name in port_names:
            raise ConfigError(
                f"{where}.name", extra.name, f"a name other than {port_names[extra.name]}'s (one pod, one name each)"
            )
        port_names[extra.name] = where
        key = (extra.number, extra.protocol)
        if key in numbers:
            raise ConfigError(
                f"{where}.number",
                extra.number,
                f"a port other than {numbers[key]} ({extra.number}/{extra.protocol}): the pod's containers share its ports",
            )
        numbers[key] = where
    main_ports = {"http", "metrics", *(p.name for p in ports)}
    main_numbers = {port, metrics_port, *(p.number for p in ports)}
    for purpose, probe in health.probes().items():
        if probe.port is None:
            continue
        if (isinstance(probe.port, str) and probe.port not in main_ports) or (
            isinstance(probe.port, int) and probe.port not in main_numbers
        ):
            raise ConfigError(
                f"{prefix}health.{purpose}.port",
                probe.port,
                f"a port of the service's container: {', '.join(sorted(main_ports))} or its number",
            )
    declared: set[str] = set()
    for volume in volumes:
        if volume.name in declared:
            raise ConfigError(f"{prefix}volumes.name", volume.name, "each volume name once")
        declared.add(volume.name)
    check_mounts(f"{prefix}volume_mounts", volume_mounts)
    mounts = [(f"{prefix}volume_mounts", m) for m in volume_mounts] + [
        (f"{prefix}{group}[{c.name}].volume_mounts", m)
        for group, members in (("sidecars", sidecars), ("init_containers", init_containers))
        for c in members
        for m in c.volume_mounts
    ]
    for where, mount in mounts:
        if mount.volume not in declared:
            known = ", ".join(sorted(declared)) or "none"
            raise ConfigError(f"{where}.volume", mount.volume, f"one of the pod's extra volumes ({known})")


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
        probes = props.health.probes()

        container = k8s.Container(
            name=ident.name,
            image=props.image,
            image_pull_policy=props.image_pull_policy,
            ports=[
                k8s.ContainerPort(name="http", container_port=props.port, protocol="TCP"),
                k8s.ContainerPort(name="metrics", container_port=props.metrics_port, protocol="TCP"),
                *(extra.container_port() for extra in props.ports),
            ],
            env=self._env(props),
            env_from=env_from,
            resources=k8s.ResourceRequirements(
                requests={k: quantity(v) for k, v in props.resources.requests().items()},
                limits={k: quantity(v) for k, v in props.resources.limits().items()},
            ),
            startup_probe=probes["startup"].to_k8s(),
            liveness_probe=probes["liveness"].to_k8s(),
            readiness_probe=probes["readiness"].to_k8s(),
            lifecycle=self._lifecycle(props.pre_stop_sleep_seconds),
            security_context=hardened_security_context(),
            volume_mounts=mounts + [m.to_k8s() for m in props.volume_mounts],
        )

        workload_selector = k8s.LabelSelector(match_labels=ident.workload_selector)
        scheduling = props.scheduling
        self.api_object = k8s.KubeDeployment(
            self,
            "Resource",
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
                        max_surge=int_or_string("25%"), max_unavailable=int_or_string(0)
                    ),
                ),
                selector=k8s.LabelSelector(match_labels=selector),
                template=k8s.PodTemplateSpec(
                    metadata=k8s.ObjectMeta(
                        labels=pod_labels,
                        annotations={
                            **props.pod_annotations,
                            DEFAULT_CONTAINER_ANNOTATION: ident.name,
                            CONFIG_CHECKSUM_ANNOTATION: props.config_checksum,
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
                            spread.to_k8s(workload_selector) for spread in scheduling.topology_spread
                        ]
                        or None,
                        node_selector=dict(scheduling.node_selector) or None,
                        tolerations=[t.to_k8s() for t in scheduling.tolerations] or None,
                        affinity=scheduling.affinity(workload_selector),
                        priority_class_name=scheduling.priority_class_name,
                        init_containers=[self._extra(c) for c in props.init_containers] or None,
                        containers=[container, *(self._extra(c) for c in props.sidecars)],
                        volumes=volumes + [v.to_k8s() for v in props.volumes],
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
                empty_dir=k8s.EmptyDirVolumeSource(size_limit=quantity(props.tmp_size_limit)),
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
    def _extra(c: ExtraContainer) -> k8s.Container:
        """A sidecar or init container, hardened like the service's own: the same
        security context, the pod's writable /tmp, requests and limits."""
        return k8s.Container(
            name=c.name,
            image=c.image,
            image_pull_policy=c.image_pull_policy,
            command=list(c.command) or None,
            args=list(c.args) or None,
            ports=[p.container_port() for p in c.ports] or None,
            env=[k8s.EnvVar(name=k, value=v) for k, v in sorted(c.env.items())] or None,
            resources=k8s.ResourceRequirements(
                requests={k: quantity(v) for k, v in c.resources.requests().items()},
                limits={k: quantity(v) for k, v in c.resources.limits().items()},
            ),
            security_context=hardened_security_context(),
            volume_mounts=[k8s.VolumeMount(name="tmp", mount_path="/tmp"), *(m.to_k8s() for m in c.volume_mounts)],
        )

    @staticmethod
    def _lifecycle(pre_stop_sleep_seconds: int) -> k8s.Lifecycle | None:
        # Kubernetes 1.27 has no `sleep` handler (1.30+): the image's own `sleep` runs instead.
        if pre_stop_sleep_seconds <= 0:
            return None
        return k8s.Lifecycle(
            pre_stop=k8s.LifecycleHandler(exec=k8s.ExecAction(command=["sleep", str(pre_stop_sleep_seconds)]))
        )


def hardened_security_context() -> k8s.SecurityContext:
    """Every container's: not root, no privilege or escalation, a read-only root
    filesystem, every capability dropped (the pod adds seccomp RuntimeDefault)."""
    return k8s.SecurityContext(
        run_as_non_root=True,
        allow_privilege_escalation=False,
        privileged=False,
        read_only_root_filesystem=True,
        capabilities=k8s.Capabilities(drop=["ALL"]),
    )
