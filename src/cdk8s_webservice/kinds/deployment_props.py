"""The Deployment's props: the container, its probes, its pod's parts, and their checks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from cdk8s_webservice.core import quantities
from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.identity import ServiceIdentity
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.names import check_env_var_name, is_label_key
from cdk8s_webservice.core.values import (
    check_bool,
    check_distinct_ports,
    check_instance,
    check_int,
    check_str,
    check_str_mapping,
)
from cdk8s_webservice.delivery.strategy import COLOURS

from .containers import ExtraContainer, Port, Volume, VolumeMount, check_mounts
from .probes import Probe
from .resources import Resources
from .scheduling import Scheduling

IMAGE_PULL_POLICIES = ("Always", "IfNotPresent", "Never")


@public
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


DEFAULT_CONTAINER_ANNOTATION = "kubectl.kubernetes.io/default-container"


CONFIG_CHECKSUM_ANNOTATION = "checksum/config"


#: The pod template's annotations the Deployment sets itself.
POD_TEMPLATE_ANNOTATIONS = (DEFAULT_CONTAINER_ANNOTATION, CONFIG_CHECKSUM_ANNOTATION)


def _annotation_key(field: str, value: object) -> str:
    if not is_label_key(value):  # annotation keys have the label keys' form
        raise ConfigError(field, value, "an annotation key such as 'example.com/setting' or 'setting'")
    return value


@public
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
