"""The groups of `WebServiceProps`: the pod, its network, its delivery, what observes it
and its namespace. Each is a small frozen dataclass whose defaults are the
production-grade choice; each checks its own fields when constructed (what needs the
service's name or profile is checked by `WebServiceProps`)."""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.names import check_dns_label, check_env_var_name
from cdk8s_webservice.core.values import check_bool, check_distinct_ports, check_instance, check_str_mapping
from cdk8s_webservice.delivery.strategy import CanaryOptions
from cdk8s_webservice.kinds.access import ApiAccess
from cdk8s_webservice.kinds.autoscaling import ScalingTargets, VpaBounds
from cdk8s_webservice.kinds.containers import ExtraContainer, Port, Volume, VolumeMount
from cdk8s_webservice.kinds.deployment_props import HealthChecks
from cdk8s_webservice.kinds.ingress import IngressOptions
from cdk8s_webservice.kinds.namespace import POD_SECURITY_LEVELS
from cdk8s_webservice.kinds.network import NetworkAccess
from cdk8s_webservice.kinds.scheduling import Scheduling
from cdk8s_webservice.kinds.secrets import check_sealed_data
from cdk8s_webservice.loadtest.options import LoadTestOptions
from cdk8s_webservice.observability.dashboards import BusinessPanel
from cdk8s_webservice.observability.scraping import Scraping
from cdk8s_webservice.observability.telemetry import OpenTelemetry


def _check_nested(owner: object, kinds: Mapping[str, type]) -> None:
    for name, kind in kinds.items():
        check_instance(name, getattr(owner, name), kind)


@public
@dataclass(frozen=True)
class PodOptions:
    """The pods: the application's ports and probes, its settings and Secret, extra
    containers and volumes, and where the pods are scheduled."""

    port: int = 8080
    """Container port of the application (named `http`)."""
    metrics_port: int = 9090
    """Container port of the Prometheus exposition (named `metrics`)."""
    health: HealthChecks = field(default_factory=HealthChecks)
    """Probe paths and timings (defaults `/healthz`, `/readyz`)."""
    config: Mapping[str, str] = field(default_factory=dict)
    """Non-secret settings: a ConfigMap `<name>-config`, loaded with envFrom. The
    profile's own `config` is merged over it."""
    env: Mapping[str, str] = field(default_factory=dict)
    """Plain environment variables of the container."""
    secret_name: str | None = None
    """Name of a Secret loaded with envFrom; None for none."""
    sealed_secret: Mapping[str, str] | None = field(default=None, repr=False)
    """This environment's kubeseal ciphertext per key: renders the SealedSecret
    `secret_name`. Plain values are refused (see `secrets.check_ciphertext`); errors
    and the repr name keys only, never a value."""
    secret_optional: bool = False
    """Start without the Secret (e.g. development, where nothing seals it)."""
    ports: tuple[Port, ...] = ()
    """More container ports (default none): the Service (or Flagger's) exposes, the
    NetworkPolicy admits and the ServiceMonitor scrapes each as its `Port` says."""
    sidecars: tuple[ExtraContainer, ...] = ()
    """Containers beside the service's (default none), hardened like it; their ports
    are followed like `ports`."""
    init_containers: tuple[ExtraContainer, ...] = ()
    """Containers run before the others start (default none), hardened likewise."""
    volumes: tuple[Volume, ...] = ()
    """Extra volumes of the pods (default none), Pod Security `restricted` kinds only."""
    volume_mounts: tuple[VolumeMount, ...] = ()
    """Extra volumes the service's container mounts (default none)."""
    scheduling: Scheduling = field(default_factory=Scheduling)
    """Node selector, tolerations, affinity, priority class and topology spread
    (default: spread over zones, best effort, and nodes, hard; nothing else)."""

    def __post_init__(self) -> None:
        # The container declares `http` and `metrics`: they may not share a number.
        check_distinct_ports({"port": self.port, "metrics_port": self.metrics_port}, "the container")
        check_str_mapping("config", self.config, check_key=check_env_var_name)
        check_str_mapping("env", self.env, check_key=check_env_var_name)
        if self.secret_name is not None:
            check_dns_label("secret_name", self.secret_name)
        if self.sealed_secret is not None:
            if self.secret_name is None:
                raise ConfigError("secret_name", None, "a Secret name, which sealed_secret needs")
            check_sealed_data(self.secret_name, self.sealed_secret)
        check_bool("secret_optional", self.secret_optional)
        _check_nested(self, {"health": HealthChecks, "scheduling": Scheduling})

    @property
    def all_ports(self) -> tuple[Port, ...]:
        """The extra ports of the pod: the service container's, then each sidecar's."""
        return (*self.ports, *(port for sidecar in self.sidecars for port in sidecar.ports))


@public
@dataclass(frozen=True)
class NetworkOptions:
    """How the service is reached and what it may reach: its Service port, the
    NetworkPolicy, the public Ingress and the Kubernetes API."""

    service_port: int = 80
    """Port the Service exposes `http` on."""
    access: NetworkAccess = field(default_factory=NetworkAccess)
    """Who may reach the pods and where they may go (default: ingress controller, Prometheus, DNS)."""
    ingress: IngressOptions = field(default_factory=IngressOptions)
    """Used where the profile has an `ingress_host` or `ingress_routes`."""
    api_access: ApiAccess | None = None
    """Kubernetes API access; None (the default) mounts no token at all."""

    def __post_init__(self) -> None:
        _check_nested(self, {"access": NetworkAccess, "ingress": IngressOptions})
        if self.api_access is not None:
            check_instance("api_access", self.api_access, ApiAccess)

    def __getattr__(self, name: str) -> Any:
        # Before 0.7.0 `WebServiceProps.network` was the NetworkAccess itself.
        if name in NetworkAccess.__dataclass_fields__:
            warnings.warn(
                f"WebServiceProps.network.{name} is deprecated since 0.7.0: use WebServiceProps.network.access.{name}",
                DeprecationWarning,
                stacklevel=2,
            )
            return getattr(self.access, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


@public
@dataclass(frozen=True)
class DeliveryOptions:
    """How new versions reach users and how the pods scale: the canary analysis, the
    HPA's targets, the VPA's bounds and the load test."""

    canary: CanaryOptions = field(default_factory=CanaryOptions)
    """Flagger analysis settings, used where the profile's strategy is canary."""
    scaling: ScalingTargets = field(default_factory=ScalingTargets)
    """What the HPA scales on (defaults: CPU 70 %, memory 80 %, 100 requests/s per pod)."""
    vpa: VpaBounds = field(default_factory=VpaBounds)
    """Used where the profile enables the VPA."""
    load_test: LoadTestOptions = field(default_factory=LoadTestOptions)
    """The k6 load test generated from `slo` (API paths, sizing, an in-cluster TestRun)."""

    def __post_init__(self) -> None:
        _check_nested(
            self,
            {"canary": CanaryOptions, "scaling": ScalingTargets, "vpa": VpaBounds, "load_test": LoadTestOptions},
        )


@public
@dataclass(frozen=True)
class ObservabilityOptions:
    """What watches the service besides its SLO: Prometheus scraping, the business
    dashboard and OpenTelemetry."""

    scraping: Scraping = field(default_factory=Scraping)
    """How Prometheus scrapes `metrics` (default every 30 s)."""
    business_panels: Sequence[BusinessPanel] = ()
    """Panels of the business dashboard; none (the default) means no business dashboard."""
    telemetry: OpenTelemetry | None = None
    """OTLP exporter settings; None (the default) for none."""

    def __post_init__(self) -> None:
        check_instance("scraping", self.scraping, Scraping)
        if self.telemetry is not None:
            check_instance("telemetry", self.telemetry, OpenTelemetry)
        for panel in self.business_panels:
            check_instance("business_panels", panel, BusinessPanel, "a sequence of BusinessPanel")


@public
@dataclass(frozen=True)
class NamespaceOptions:
    """The service's namespace (the profile names it)."""

    create: bool = True
    """Create the Namespace and its default-deny policy (default); False when the
    namespace is shared and created elsewhere."""
    pod_security: str = "restricted"
    """Pod Security Admission level enforced on the namespace (default `restricted`)."""

    def __post_init__(self) -> None:
        check_bool("namespace.create", self.create)
        if self.pod_security not in POD_SECURITY_LEVELS:
            raise ConfigError("pod_security", self.pod_security, f"one of: {', '.join(POD_SECURITY_LEVELS)}")
