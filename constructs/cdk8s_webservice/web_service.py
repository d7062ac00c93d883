"""`WebService`: one HTTP service in one environment, composed from the concern constructs."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from constructs import Construct

from .autoscaling import HorizontalAutoscaler, ScalingTargets
from .availability import DisruptionBudget
from .errors import ConfigError
from .identity import ServiceIdentity
from .namespace import ServiceNamespace
from .network import DefaultDenyPolicy, NetworkAccess, ServiceEndpoint, ServiceNetworkPolicy
from .observability import MetricsScrape, Scraping
from .profile import EnvironmentProfile
from .workload import HealthChecks, Workload, WorkloadProps

_COMPONENT = r"[a-z0-9]+([._-][a-z0-9]+)*"
_REPOSITORY = re.compile(rf"({_COMPONENT}(\.{_COMPONENT})*(:[0-9]+)?/)?{_COMPONENT}(/{_COMPONENT})*")


@dataclass(frozen=True)
class WebServiceProps:
    """What a web service is, independent of where it runs (that is `profile`).

    Every default is the production-grade choice; see each field.
    """

    #: DNS-1123 label; the Deployment, Service, HPA, PDB, NetworkPolicy and
    #: ServiceMonitor are all named after it.
    name: str
    #: Image repository without tag (`registry.example.com/team/app`); the tag
    #: comes from the profile, so each environment pins its own.
    image: str
    #: The environment: namespace, replicas, resources, autoscaling, image tag.
    profile: EnvironmentProfile
    #: `app.kubernetes.io/component` of the pods.
    component: str = "api"
    #: `app.kubernetes.io/part-of`; defaults to `name`.
    part_of: str = ""
    #: Container port of the application (named `http`).
    port: int = 8080
    #: Container port of the Prometheus exposition (named `metrics`).
    metrics_port: int = 9090
    #: Port the Service exposes `http` on.
    service_port: int = 80
    health: HealthChecks = field(default_factory=HealthChecks)
    #: Non-secret settings: a ConfigMap `<name>-config`, loaded with envFrom. The
    #: profile's own `config` is merged over it.
    config: Mapping[str, str] = field(default_factory=dict)
    #: Plain environment variables of the container.
    env: Mapping[str, str] = field(default_factory=dict)
    #: Name of a Secret (from a SealedSecret) loaded with envFrom; None for none.
    secret_env_from: str | None = None
    scaling: ScalingTargets = field(default_factory=ScalingTargets)
    network: NetworkAccess = field(default_factory=NetworkAccess)
    scraping: Scraping = field(default_factory=Scraping)
    #: Create the Namespace and its default-deny policy; False when the
    #: namespace is shared and created elsewhere.
    create_namespace: bool = True
    #: Pod Security Admission level enforced on the namespace.
    pod_security: str = "restricted"

    def __post_init__(self) -> None:
        if not isinstance(self.image, str) or not _REPOSITORY.fullmatch(self.image):
            raise ConfigError(
                "image",
                self.image,
                "an image repository without tag or digest, such as 'registry.example.com/team/app' "
                "(the tag comes from the environment profile)",
            )
        ports = {"port": self.port, "metrics_port": self.metrics_port, "service_port": self.service_port}
        for name, value in ports.items():
            if not isinstance(value, int) or not 1 <= value <= 65535:
                raise ConfigError(name, value, "a port number from 1 to 65535")
        if self.port == self.metrics_port:
            raise ConfigError("metrics_port", self.metrics_port, f"a port other than port ({self.port})")

    @property
    def identity(self) -> ServiceIdentity:
        return ServiceIdentity(
            name=self.name,
            namespace=self.profile.namespace,
            environment=self.profile.name,
            component=self.component,
            part_of=self.part_of,
        )

    @property
    def image_reference(self) -> str:
        tag = self.profile.image_tag or ""
        return f"{self.image}@{tag}" if tag.startswith("sha256:") else f"{self.image}:{tag}"


class WebService(Construct):
    """A web service in one environment: Namespace (Pod Security `restricted`),
    ConfigMap, Deployment, Service, HPA, PDB, NetworkPolicies and ServiceMonitor.

    Each part is a construct of its own, exposed as an attribute (`workload`,
    `endpoint`, `autoscaler`, ...) with the underlying API object on it, as an
    escape hatch for what the props do not cover.
    """

    def __init__(self, scope: Construct, id: str, *, props: WebServiceProps) -> None:
        super().__init__(scope, id)
        self.props = props
        ident = props.identity
        profile = props.profile
        self.identity = ident

        self.namespace: ServiceNamespace | None = None
        self.default_deny: DefaultDenyPolicy | None = None
        if props.create_namespace:
            self.namespace = ServiceNamespace(self, "namespace", name=ident.namespace, pod_security=props.pod_security)
            self.default_deny = DefaultDenyPolicy(self, "default-deny", namespace=ident.namespace)

        self.workload = Workload(
            self,
            "workload",
            props=WorkloadProps(
                identity=ident,
                image=props.image_reference,
                replicas=profile.replicas,
                resources=profile.resources,
                port=props.port,
                metrics_port=props.metrics_port,
                health=props.health,
                config={**props.config, **profile.config},
                env=props.env,
                secret_env_from=props.secret_env_from,
            ),
        )
        self.endpoint = ServiceEndpoint(
            self, "endpoint", identity=ident, service_port=props.service_port, metrics_port=props.metrics_port
        )
        self.autoscaler = HorizontalAutoscaler(
            self, "autoscaler", identity=ident, target=ident.name, bounds=profile.autoscaling, targets=props.scaling
        )
        self.disruption_budget = DisruptionBudget(self, "disruption-budget", identity=ident)
        self.network_policy = ServiceNetworkPolicy(self, "network-policy", identity=ident, access=props.network)
        self.metrics = MetricsScrape(self, "metrics", identity=ident, scraping=props.scraping)
