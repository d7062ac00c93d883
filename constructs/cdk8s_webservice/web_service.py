"""`WebService`: one HTTP service in one environment, composed from the concern constructs.

Over 250 lines on purpose: `WebServiceProps` (some 140 lines: every field documented and
checked) is `WebService`'s interface and stays beside it. What a strategy makes is
decided in `delivery_plan.py`; `WebService` only builds constructs from the plan.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from cdk8s import JsonPatch
from constructs import Construct

from .access import ApiAccess, ServiceAccount
from .alerts import PrometheusRule, slo_alerts
from .autoscaling import HorizontalPodAutoscaler, ScalingTargets, VerticalPodAutoscaler, VpaBounds
from .availability import PodDisruptionBudget
from .canary import FlaggerCanary
from .chaos_schedule import ChaosSchedule
from .dashboards import BusinessPanel, GrafanaDashboards
from .delivery import CanaryOptions
from .delivery_plan import DeliveryPlan, PlannedDeployment, PlannedService
from .errors import ConfigError
from .feature_flags import check_application_ports, pod_annotations
from .identity import ServiceIdentity
from .ingress import IngressOptions, PublicIngress
from .names import check_dns_label, check_env_var_name
from .namespace import POD_SECURITY_LEVELS, ServiceNamespace
from .network import DefaultDenyNetworkPolicy, EgressRule, NetworkAccess, Service, ServiceNetworkPolicy
from .observability import Scraping, ServiceMonitor
from .openfeature import FeatureFlag, FeatureFlagSource
from .profile import EnvironmentProfile
from .secrets import SealedSecret, check_sealed_data
from .slo import ServiceLevelObjectives
from .telemetry import OpenTelemetry
from .values import check_bool, check_distinct_ports, check_instance, check_str_mapping
from .workload import ConfigMap, Deployment, DeploymentProps, HealthChecks

_COMPONENT = r"[a-z0-9]+([._-][a-z0-9]+)*"
_REPOSITORY = re.compile(rf"({_COMPONENT}(\.{_COMPONENT})*(:[0-9]+)?/)?{_COMPONENT}(/{_COMPONENT})*")


@dataclass(frozen=True)
class WebServiceProps:
    """What a web service is, independent of where it runs (that is `profile`).

    Every default is the production-grade choice; see each field.
    """

    name: str
    """DNS-1123 label; the Deployment, Service, HPA, PDB, NetworkPolicy and
    ServiceMonitor are all named after it."""
    image: str
    """Image repository without tag (`registry.example.com/team/app`); the tag
    comes from the profile, so each environment pins its own."""
    profile: EnvironmentProfile
    """The environment: namespace, replicas, resources, autoscaling, image tag."""
    component: str = "api"
    """`app.kubernetes.io/component` of the pods."""
    part_of: str = ""
    """`app.kubernetes.io/part-of`; defaults to `name`."""
    port: int = 8080
    """Container port of the application (named `http`)."""
    metrics_port: int = 9090
    """Container port of the Prometheus exposition (named `metrics`)."""
    service_port: int = 80
    """Port the Service exposes `http` on."""
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
    and the props' repr name keys only, never a value."""
    secret_optional: bool = False
    """Start without the Secret (e.g. development, where nothing seals it)."""
    api_access: ApiAccess | None = None
    """Kubernetes API access; None (the default) mounts no token at all."""
    scaling: ScalingTargets = field(default_factory=ScalingTargets)
    """What the HPA scales on (defaults: CPU 70 %, memory 80 %, 100 requests/s per pod)."""
    network: NetworkAccess = field(default_factory=NetworkAccess)
    """Who may reach the pods and where they may go (default: ingress controller, Prometheus, DNS)."""
    scraping: Scraping = field(default_factory=Scraping)
    """How Prometheus scrapes `metrics` (default every 30 s)."""
    ingress: IngressOptions = field(default_factory=IngressOptions)
    """Used where the profile has an `ingress_host`."""
    vpa: VpaBounds = field(default_factory=VpaBounds)
    """Used where the profile enables the VPA."""
    slo: ServiceLevelObjectives = field(default_factory=ServiceLevelObjectives)
    """Objectives the alerts and dashboards derive from (where the profile enables alerting)."""
    business_panels: Sequence[BusinessPanel] = ()
    """Panels of the business dashboard; none means no business dashboard."""
    telemetry: OpenTelemetry | None = None
    """OTLP exporter settings; None for none."""
    canary: CanaryOptions = field(default_factory=CanaryOptions)
    """Flagger analysis settings, used where the profile's strategy is canary."""
    create_namespace: bool = True
    """Create the Namespace and its default-deny policy; False when the
    namespace is shared and created elsewhere."""
    pod_security: str = "restricted"
    """Pod Security Admission level enforced on the namespace."""

    def __post_init__(self) -> None:
        if not isinstance(self.image, str) or not _REPOSITORY.fullmatch(self.image):
            raise ConfigError(
                "image",
                self.image,
                "an image repository without tag or digest, such as 'registry.example.com/team/app' "
                "(the tag comes from the environment profile)",
            )
        check_instance("profile", self.profile, EnvironmentProfile)
        # The container declares `http` and `metrics`; the Service (or Flagger's) `http`
        # on service_port and `metrics` on metrics_port: neither may share a number.
        check_distinct_ports({"port": self.port, "metrics_port": self.metrics_port}, "the container")
        check_distinct_ports({"metrics_port": self.metrics_port, "service_port": self.service_port}, "the Service")
        # Built once, so name and labels are checked now, not at first use (see `identity`).
        object.__setattr__(
            self,
            "_identity",
            ServiceIdentity(
                name=self.name,
                namespace=self.profile.namespace,
                environment=self.profile.name,
                component=self.component,
                part_of=self.part_of,
            ),
        )
        check_str_mapping("config", self.config, check_key=check_env_var_name)
        check_str_mapping("env", self.env, check_key=check_env_var_name)
        if self.secret_name is not None:
            check_dns_label("secret_name", self.secret_name)
            tls_secret = f"{self.name}-tls"
            if self.secret_name == tls_secret:
                raise ConfigError(
                    "secret_name",
                    self.secret_name,
                    f"a name other than {tls_secret!r}, the Ingress certificate's Secret",
                )
        if self.sealed_secret is not None:
            if self.secret_name is None:
                raise ConfigError("secret_name", None, "a Secret name, which sealed_secret needs")
            check_sealed_data(self.secret_name, self.sealed_secret)
        for flag in ("secret_optional", "create_namespace"):
            check_bool(flag, getattr(self, flag))
        if self.pod_security not in POD_SECURITY_LEVELS:
            raise ConfigError("pod_security", self.pod_security, f"one of: {', '.join(POD_SECURITY_LEVELS)}")
        nested = {
            "health": HealthChecks,
            "scaling": ScalingTargets,
            "network": NetworkAccess,
            "scraping": Scraping,
            "ingress": IngressOptions,
            "vpa": VpaBounds,
            "slo": ServiceLevelObjectives,
            "canary": CanaryOptions,
        }
        for name, kind in nested.items():
            check_instance(name, getattr(self, name), kind)
        if self.api_access is not None:
            check_instance("api_access", self.api_access, ApiAccess)
        if self.telemetry is not None:
            check_instance("telemetry", self.telemetry, OpenTelemetry)
        for panel in self.business_panels:
            check_instance("business_panels", panel, BusinessPanel, "a sequence of BusinessPanel")

    @property
    def identity(self) -> ServiceIdentity:
        """Names and labels of the service in the profile's environment (built and checked
        in `__post_init__`)."""
        identity: ServiceIdentity = self.__dict__["_identity"]
        return identity

    def image_reference(self, tag: str | None = None) -> str:
        """`image:tag` (or `image@sha256:...`) for `tag`, by default the profile's."""
        tag = tag or self.profile.image_tag
        return f"{self.image}@{tag}" if tag.startswith("sha256:") else f"{self.image}:{tag}"


class WebService(Construct):
    """A web service in one environment: Namespace (Pod Security `restricted`),
    ServiceAccount (+ Role and RoleBinding with API access), ConfigMap, SealedSecret,
    Deployment(s), Service(s), HPA, PDB, NetworkPolicies and ServiceMonitor; Ingress,
    VPA, PrometheusRule and Grafana dashboards where the profile asks for them.

    The profile's `strategy` decides the delivery objects:
    - rolling: Deployment `<name>` and Service `<name>`;
    - blue-green: Deployments `<name>-blue` and `<name>-green`, Service `<name>` on
      the live colour and `<name>-preview` on the other; HPA, PDB and VPA follow
      the live colour;
    - canary: Deployment `<name>` and a Flagger Canary, which owns the Services;
      the VPA watches `<name>-primary`, where Flagger runs the live pods.

    (`cdk8s_webservice.delivery_plan.DeliveryPlan` is that decision, as data.)

    Each part is a construct of its own, exposed under the name of the kind it makes;
    a construct's Kubernetes object is its `api_object` (the escape hatch for what
    the props do not cover, e.g. `service.deployment.api_object.add_json_patch(...)`):

    - `namespace` (`ServiceNamespace`) and `default_deny_network_policy`
      (`DefaultDenyNetworkPolicy`): None when `create_namespace` is off;
    - `service_account` (`ServiceAccount`: `service_account`, `role`, `role_binding`);
    - `sealed_secret` (`SealedSecret`, or None) and `config_map` (`ConfigMap`);
    - `deployments` (`Deployment` by colour: None for rolling and canary, `blue` and
      `green` for blue-green) and `deployment`, the one serving live traffic;
    - `services` (`Service` by name; none under canary, where Flagger owns them) and
      `service`, the live one (or None);
    - `ingress` (`PublicIngress`), `canary` (`FlaggerCanary`),
      `vertical_pod_autoscaler` (`VerticalPodAutoscaler`), `prometheus_rule`
      (`PrometheusRule`) and `grafana_dashboards` (`GrafanaDashboards`): None where
      the profile does not ask for them;
    - `horizontal_pod_autoscaler` (`HorizontalPodAutoscaler`), `pod_disruption_budget`
      (`PodDisruptionBudget`), `network_policy` (`ServiceNetworkPolicy`) and
      `service_monitor` (`ServiceMonitor`);
    - `feature_flag` (`FeatureFlag`) and `feature_flag_source` (`FeatureFlagSource`):
      None unless the profile declares `feature_flags` (the pod templates then carry the
      annotations that inject flagd); `chaos_schedules` (`ChaosSchedule` by experiment
      name): one per experiment the profile declares.
    """

    def __init__(self, scope: Construct, id: str, *, props: WebServiceProps) -> None:
        super().__init__(scope, id)
        self.props = props
        self.identity = ident = props.identity
        profile = props.profile
        own_namespace = props.create_namespace

        self.namespace: ServiceNamespace | None = (
            ServiceNamespace(self, "namespace", name=ident.namespace, pod_security=props.pod_security)
            if own_namespace
            else None
        )
        self.default_deny_network_policy: DefaultDenyNetworkPolicy | None = (
            DefaultDenyNetworkPolicy(self, "default-deny", namespace=ident.namespace) if own_namespace else None
        )
        self.service_account = ServiceAccount(self, "access", identity=ident, access=props.api_access)
        self.sealed_secret: SealedSecret | None = (
            SealedSecret(self, "secret", identity=ident, name=props.secret_name, encrypted_data=props.sealed_secret)
            if props.sealed_secret is not None and props.secret_name is not None
            else None
        )
        self.config_map = ConfigMap(self, "config", identity=ident, data={**props.config, **profile.config})

        # What the strategy makes (its names are checked after the config's, as before).
        plan = DeliveryPlan.of(ident, profile, props.canary)
        self.deployments: dict[str | None, Deployment] = {d.colour: self._deployment(d) for d in plan.deployments}
        self.deployment = self.deployments[plan.live.colour]
        """The Deployment that serves live traffic (HPA and VPA target it)."""
        self.services: dict[str, Service] = {s.name: self._service(s) for s in plan.services}
        self.service: Service | None = next((self.services[s.name] for s in plan.services if s.live), None)
        """The Service of the live pods (None under canary: Flagger generates the Services)."""
        self.ingress: PublicIngress | None = (
            PublicIngress(
                self, "ingress", identity=ident, host=profile.ingress_host, service=ident.name, options=props.ingress
            )
            if profile.ingress_host is not None
            else None
        )
        self.canary: FlaggerCanary | None = (
            FlaggerCanary(
                self,
                "canary",
                identity=ident,
                slo=props.slo,
                options=props.canary,
                service_port=props.service_port,
                ingress=plan.flagger_ingress,
            )
            if plan.flagger_owns_services
            else None
        )
        self.horizontal_pod_autoscaler = HorizontalPodAutoscaler(
            self,
            "autoscaler",
            identity=ident,
            target=plan.autoscaling_target,
            bounds=profile.autoscaling,
            targets=props.scaling,
        )
        self.pod_disruption_budget = PodDisruptionBudget(
            self, "disruption-budget", identity=ident, extra_selector=plan.budget_selector
        )
        self.network_policy = ServiceNetworkPolicy(
            self,
            "network-policy",
            identity=ident,
            access=props.network,
            extra_egress=self._egress(),
            extra_http_clients=plan.extra_http_clients,
        )
        self.service_monitor = ServiceMonitor(
            self, "metrics", identity=ident, scraping=props.scraping, jobs=list(plan.scraped_jobs)
        )
        self.vertical_pod_autoscaler: VerticalPodAutoscaler | None = (
            VerticalPodAutoscaler(self, "recommender", identity=ident, target=plan.vpa_target, bounds=props.vpa)
            if profile.vpa
            else None
        )
        self.prometheus_rule: PrometheusRule | None = (
            PrometheusRule(self, "alerts", identity=ident, slo=props.slo, release_label=props.scraping.release_label)
            if profile.alerting
            else None
        )
        self.grafana_dashboards: GrafanaDashboards | None = (
            GrafanaDashboards(self, "dashboards", identity=ident, slo=props.slo, business_panels=props.business_panels)
            if profile.alerting
            else None
        )
        self._feature_flags()
        availability = slo_alerts(ident, props.slo)[f"{ident.name}.availability"] if profile.alerting else []
        self.chaos_schedules: dict[str, ChaosSchedule] = {
            experiment.name: ChaosSchedule(
                self,
                f"chaos-{experiment.name}",
                identity=ident,
                experiment=experiment,
                steady_state_alerts=[alert.name for alert in availability],
            )
            for experiment in profile.chaos_experiments
        }

    def _feature_flags(self) -> None:
        """FeatureFlag, FeatureFlagSource and the pod annotations that inject flagd."""
        self.feature_flag: FeatureFlag | None = None
        self.feature_flag_source: FeatureFlagSource | None = None
        flags = self.props.profile.feature_flags
        if flags is None:
            return
        check_application_ports({"port": self.props.port, "metrics_port": self.props.metrics_port})
        self.feature_flag = FeatureFlag(self, "feature-flags", identity=self.identity, flags=flags)
        self.feature_flag_source = FeatureFlagSource(
            self, "flagd", identity=self.identity, flags=flags, feature_flag=self.feature_flag.name
        )
        for deployment in self.deployments.values():
            for key, value in pod_annotations(self.feature_flag_source.name).items():
                path = "/spec/template/metadata/annotations/" + key.replace("~", "~0").replace("/", "~1")
                deployment.api_object.add_json_patch(JsonPatch.add(path, value))

    def _service(self, planned: PlannedService) -> Service:
        props = self.props
        return Service(
            self,
            "endpoint" if planned.live else "preview-endpoint",
            identity=self.identity,
            service_port=props.service_port,
            metrics_port=props.metrics_port,
            name=planned.name,
            selector=dict(planned.selector),
        )

    def _egress(self) -> list[EgressRule]:
        props = self.props
        egress: list[EgressRule] = []
        if props.telemetry is not None:
            egress.append(
                EgressRule(port=props.telemetry.collector_port, namespace=props.telemetry.collector_namespace)
            )
        if props.api_access is not None:
            egress.append(EgressRule(port=props.api_access.api_server_port, cidr=props.api_access.api_server_cidr))
        return egress

    def _deployment(self, planned: PlannedDeployment) -> Deployment:
        props, ident, profile = self.props, self.identity, self.props.profile
        env = dict(props.env)
        if props.telemetry is not None:
            env.update(props.telemetry.env(ident, planned.image_tag))
        return Deployment(
            self,
            f"workload-{planned.colour}" if planned.colour else "workload",
            props=DeploymentProps(
                identity=ident,
                image=props.image_reference(planned.image_tag),
                replicas=planned.replicas,
                resources=profile.resources,
                port=props.port,
                metrics_port=props.metrics_port,
                config_name=self.config_map.name,
                config_checksum=self.config_map.checksum,
                colour=planned.colour,
                health=props.health,
                env=env,
                secret_env_from=props.secret_name,
                secret_optional=props.secret_optional,
                service_account_name=self.service_account.service_account_name,
                api_token_expiration_seconds=(
                    props.api_access.token_expiration_seconds if props.api_access is not None else None
                ),
            ),
        )
