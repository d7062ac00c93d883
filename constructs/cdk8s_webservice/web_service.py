"""`WebService`: one HTTP service in one environment, composed from the concern constructs."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from constructs import Construct

from .access import ApiAccess, WorkloadIdentity
from .alerts import SloAlerts
from .autoscaling import HorizontalAutoscaler, ResourceRecommender, ScalingTargets, VpaBounds
from .availability import DisruptionBudget
from .dashboards import BusinessPanel, GrafanaDashboards
from .errors import ConfigError
from .identity import ServiceIdentity
from .ingress import IngressOptions, PublicIngress
from .names import check_dns_label
from .namespace import ServiceNamespace
from .network import DefaultDenyPolicy, EgressRule, NetworkAccess, ServiceEndpoint, ServiceNetworkPolicy
from .observability import MetricsScrape, Scraping
from .profile import EnvironmentProfile
from .secrets import SealedEnvSecret
from .slo import ServiceLevelObjectives
from .telemetry import OpenTelemetry
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
    #: Name of a Secret loaded with envFrom; None for none.
    secret_name: str | None = None
    #: This environment's kubeseal ciphertext per key: renders the SealedSecret
    #: `secret_name`. Plain values are refused (see `secrets.check_ciphertext`).
    sealed_secret: Mapping[str, str] | None = None
    #: Start without the Secret (e.g. development, where nothing seals it).
    secret_optional: bool = False
    #: Kubernetes API access; None (the default) mounts no token at all.
    api_access: ApiAccess | None = None
    scaling: ScalingTargets = field(default_factory=ScalingTargets)
    network: NetworkAccess = field(default_factory=NetworkAccess)
    scraping: Scraping = field(default_factory=Scraping)
    #: Used where the profile has an `ingress_host`.
    ingress: IngressOptions = field(default_factory=IngressOptions)
    #: Used where the profile enables the VPA.
    vpa: VpaBounds = field(default_factory=VpaBounds)
    #: Objectives the alerts and dashboards derive from (where the profile enables alerting).
    slo: ServiceLevelObjectives = field(default_factory=ServiceLevelObjectives)
    #: Panels of the business dashboard; none means no business dashboard.
    business_panels: Sequence[BusinessPanel] = ()
    #: OTLP exporter settings; None for none.
    telemetry: OpenTelemetry | None = None
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
        if self.secret_name is not None:
            check_dns_label("secret_name", self.secret_name)
        if self.sealed_secret is not None and self.secret_name is None:
            raise ConfigError("secret_name", None, "a Secret name, which sealed_secret needs")

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
    ServiceAccount (+ Role and RoleBinding with API access), ConfigMap, SealedSecret,
    Deployment, Service, HPA, PDB, NetworkPolicies and ServiceMonitor; Ingress, VPA,
    PrometheusRule and Grafana dashboards where the profile asks for them.

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

        self.access = WorkloadIdentity(self, "access", identity=ident, access=props.api_access)
        self.secret: SealedEnvSecret | None = None
        if props.sealed_secret is not None and props.secret_name is not None:
            self.secret = SealedEnvSecret(
                self, "secret", identity=ident, name=props.secret_name, encrypted_data=props.sealed_secret
            )
        env = dict(props.env)
        egress: list[EgressRule] = []
        if props.telemetry is not None:
            env.update(props.telemetry.env(ident, profile.image_tag))
            egress.append(EgressRule(port=props.telemetry.collector_port, namespace=props.telemetry.collector_namespace))
        if props.api_access is not None:
            egress.append(EgressRule(port=props.api_access.api_server_port, cidr=props.api_access.api_server_cidr))

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
                env=env,
                secret_env_from=props.secret_name,
                secret_optional=props.secret_optional,
                service_account_name=self.access.service_account_name,
                api_token_expiration_seconds=(
                    props.api_access.token_expiration_seconds if props.api_access is not None else None
                ),
            ),
        )
        self.endpoint = ServiceEndpoint(
            self, "endpoint", identity=ident, service_port=props.service_port, metrics_port=props.metrics_port
        )
        self.autoscaler = HorizontalAutoscaler(
            self, "autoscaler", identity=ident, target=ident.name, bounds=profile.autoscaling, targets=props.scaling
        )
        self.disruption_budget = DisruptionBudget(self, "disruption-budget", identity=ident)
        self.network_policy = ServiceNetworkPolicy(
            self, "network-policy", identity=ident, access=props.network, extra_egress=egress
        )
        self.metrics = MetricsScrape(self, "metrics", identity=ident, scraping=props.scraping)

        self.ingress: PublicIngress | None = None
        if profile.ingress_host is not None:
            self.ingress = PublicIngress(
                self, "ingress", identity=ident, host=profile.ingress_host, service=ident.name, options=props.ingress
            )
        self.recommender: ResourceRecommender | None = None
        if profile.vpa:
            self.recommender = ResourceRecommender(self, "recommender", identity=ident, target=ident.name, bounds=props.vpa)
        self.alerts: SloAlerts | None = None
        self.dashboards: GrafanaDashboards | None = None
        if profile.alerting:
            self.alerts = SloAlerts(
                self, "alerts", identity=ident, slo=props.slo, release_label=props.scraping.release_label
            )
            self.dashboards = GrafanaDashboards(
                self, "dashboards", identity=ident, slo=props.slo, business_panels=props.business_panels
            )
