"""`WebService`: one HTTP service in one environment, composed from the concern constructs.

Over 250 lines on purpose: `WebServiceProps` (some 140 lines: every field documented and
checked) is `WebService`'s interface and stays beside it. What a strategy makes is
decided in `delivery_plan.py`; `WebService` only builds constructs from the plan.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cdk8s import JsonPatch
from constructs import Construct

from cdk8s_webservice.addons.chaos_schedule import ChaosSchedule
from cdk8s_webservice.addons.feature_flags import FLAGD_PORTS, check_application_ports, pod_annotations
from cdk8s_webservice.addons.mesh import MeshTraffic
from cdk8s_webservice.addons.node_pool import EC2NodeClass, NodePool
from cdk8s_webservice.addons.openfeature import FeatureFlag, FeatureFlagSource
from cdk8s_webservice.addons.openfeature import source_name as flagd_source_name
from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.identity import ServiceIdentity
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.names import check_dns_label, check_env_var_name
from cdk8s_webservice.core.values import check_bool, check_distinct_ports, check_instance, check_str_mapping
from cdk8s_webservice.delivery.canary import FlaggerCanary
from cdk8s_webservice.delivery.strategy import CanaryOptions, Strategy
from cdk8s_webservice.kinds.access import ApiAccess, ServiceAccount
from cdk8s_webservice.kinds.autoscaling import HorizontalPodAutoscaler, ScalingTargets, VerticalPodAutoscaler, VpaBounds
from cdk8s_webservice.kinds.availability import PodDisruptionBudget
from cdk8s_webservice.kinds.config_map import ConfigMap
from cdk8s_webservice.kinds.containers import ExtraContainer, Port, Volume, VolumeMount
from cdk8s_webservice.kinds.deployment_props import DeploymentProps, HealthChecks, check_pod_parts
from cdk8s_webservice.kinds.ingress import IngressOptions, PublicIngress
from cdk8s_webservice.kinds.namespace import POD_SECURITY_LEVELS, ServiceNamespace
from cdk8s_webservice.kinds.network import (
    DefaultDenyNetworkPolicy,
    EgressRule,
    NetworkAccess,
    Service,
    ServiceNetworkPolicy,
    check_service_ports,
)
from cdk8s_webservice.kinds.scheduling import Scheduling
from cdk8s_webservice.kinds.secrets import SealedSecret, check_sealed_data
from cdk8s_webservice.kinds.workload import Deployment
from cdk8s_webservice.loadtest.cluster import ClusterLoadTest
from cdk8s_webservice.loadtest.options import LoadTestOptions
from cdk8s_webservice.loadtest.script import render as render_load_test
from cdk8s_webservice.loadtest.specs import spec_of
from cdk8s_webservice.observability import burn_rate
from cdk8s_webservice.observability.alerts import PrometheusRule, slo_alerts
from cdk8s_webservice.observability.dashboards import BusinessPanel, GrafanaDashboards, LiveWorkload
from cdk8s_webservice.observability.promql import check_window, widened
from cdk8s_webservice.observability.scraping import Scraping, ServiceMonitor
from cdk8s_webservice.observability.slo import HttpMetrics, ServiceLevelObjectives, required
from cdk8s_webservice.observability.telemetry import OpenTelemetry
from cdk8s_webservice.profiles.environment import EnvironmentProfile

from .delivery_plan import DeliveryPlan, PlannedDeployment, PlannedService
from .escape_hatches import guard

if TYPE_CHECKING:
    from cdk8s_webservice.addons.istio import AuthorizationPolicy, PeerAuthentication

_COMPONENT = r"[a-z0-9]+([._-][a-z0-9]+)*"
_REPOSITORY = re.compile(rf"({_COMPONENT}(\.{_COMPONENT})*(:[0-9]+)?/)?{_COMPONENT}(/{_COMPONENT})*")


@public
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
    """Used where the profile has an `ingress_host` or `ingress_routes`."""
    vpa: VpaBounds = field(default_factory=VpaBounds)
    """Used where the profile enables the VPA."""
    slo: ServiceLevelObjectives | None = None
    """Objectives the alerts, dashboards and canary analysis gate on. Required (no
    default objective) where the profile enables alerting or the canary strategy:
    without them `ConfigError` names the environment."""
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
    load_test: LoadTestOptions = field(default_factory=LoadTestOptions)
    """The k6 load test generated from `slo` (API paths, sizing, an in-cluster TestRun)."""
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
            tls_secrets = {f"{self.name}-tls"}
            if (routes := self.profile.ingress) is not None:
                tls_secrets.update(secret for _, secret in routes.tls_sections(self.name))
            if self.secret_name in tls_secrets:
                raise ConfigError(
                    "secret_name",
                    self.secret_name,
                    f"a name other than {self.secret_name!r}, the Ingress certificate's Secret",
                )
        if self.sealed_secret is not None:
            if self.secret_name is None:
                raise ConfigError("secret_name", None, "a Secret name, which sealed_secret needs")
            check_sealed_data(self.secret_name, self.sealed_secret)
        for flag in ("secret_optional", "create_namespace"):
            check_bool(flag, getattr(self, flag))
        if self.pod_security not in POD_SECURITY_LEVELS:
            raise ConfigError("pod_security", self.pod_security, f"one of: {', '.join(POD_SECURITY_LEVELS)}")
        if self.profile.mesh is not None and not self.create_namespace:
            raise ConfigError(
                "create_namespace",
                self.create_namespace,
                f"True where {self.profile.name}.mesh is set (the mesh labels the namespace for sidecar injection)",
            )
        nested = {
            "health": HealthChecks,
            "scaling": ScalingTargets,
            "network": NetworkAccess,
            "scraping": Scraping,
            "ingress": IngressOptions,
            "vpa": VpaBounds,
            "canary": CanaryOptions,
            "load_test": LoadTestOptions,
            "scheduling": Scheduling,
        }
        for name, kind in nested.items():
            check_instance(name, getattr(self, name), kind)
        gated = [
            what
            for what, on in (
                ("alerting", self.profile.alerting),
                ("a canary analysis", self.profile.strategy is Strategy.CANARY),
            )
            if on
        ]
        if self.slo is not None or gated:
            slo = required(self.slo, self.profile.name, " and ".join(gated) or "objectives")
            # Every range the rules read spans four scrapes at least (the canary's is widened).
            check_window("slo.window", slo.window, self.scraping.interval)
            if burn_rate.objectives(slo):
                check_window("slo burn-rate windows", burn_rate.recorded_windows()[0], self.scraping.interval)
        if self.api_access is not None:
            check_instance("api_access", self.api_access, ApiAccess)
        if self.telemetry is not None:
            check_instance("telemetry", self.telemetry, OpenTelemetry)
        for panel in self.business_panels:
            check_instance("business_panels", panel, BusinessPanel, "a sequence of BusinessPanel")
        self._check_pod_parts()

    def _check_pod_parts(self) -> None:
        check_pod_parts(
            "",
            main=self.name,
            port=self.port,
            metrics_port=self.metrics_port,
            health=self.health,
            ports=self.ports,
            sidecars=self.sidecars,
            init_containers=self.init_containers,
            volumes=self.volumes,
            volume_mounts=self.volume_mounts,
        )
        exposed = [port for port in self.all_ports if port.expose]
        check_service_ports(self.service_port, self.metrics_port, exposed)
        self._check_injected_sidecars()
        routes = self.profile.ingress
        if routes is not None:
            # The public Ingress reaches the service's HTTP port or a port exposed for it;
            # never the metrics port, and never a port the Service does not have.
            public = {"http", *(port.name for port in exposed)}
            for host in routes.hosts:
                for path in host.paths:
                    if path.port not in public:
                        raise ConfigError(
                            f"ingress.{host.host}.{path.path}.port",
                            path.port,
                            f"a port the Service exposes to the Ingress: {', '.join(sorted(public))} "
                            "(metrics stays inside the cluster)",
                        )
        if self.profile.strategy is Strategy.CANARY:
            # Flagger's port discovery puts every container port on its Services, as
            # TCP on the container's own number: a port must be exposed that way.
            for port in self.all_ports:
                if not port.expose or port.protocol != "TCP":
                    what, value = ("expose", port.expose) if not port.expose else ("protocol", port.protocol)
                    raise ConfigError(
                        f"ports[{port.name}].{what}",
                        value,
                        "an exposed TCP port under the canary strategy (Flagger's Services carry every container port)",
                    )
                if port.exposed_port != port.number:
                    raise ConfigError(
                        f"ports[{port.name}].service_port",
                        port.service_port,
                        f"None or {port.number} under the canary strategy (Flagger exposes container ports as they are)",
                    )

    def _check_injected_sidecars(self) -> None:
        """Ports and names the mesh's and flagd's injected sidecars take are not free."""
        reserved: dict[int, str] = {}
        names: dict[str, str] = {}
        if self.profile.mesh is not None:
            reserved.update({number: "Istio's sidecar" for number in range(15000, 15091)})
            names["istio-proxy"] = "Istio's sidecar"
        if self.profile.feature_flags is not None:
            reserved.update({number: "flagd" for number in FLAGD_PORTS.values()})
            names["flagd"] = "flagd"
        for port in self.all_ports:
            if port.number in reserved:
                raise ConfigError(
                    f"ports[{port.name}].number", port.number, f"a port {reserved[port.number]} does not listen on"
                )
        for container in (*self.sidecars, *self.init_containers):
            if container.name in names:
                raise ConfigError(
                    "sidecars.name", container.name, f"a name of its own ({names[container.name]} is injected as it)"
                )

    @property
    def all_ports(self) -> tuple[Port, ...]:
        """The extra ports of the pod: the service container's, then each sidecar's."""
        return (*self.ports, *(port for sidecar in self.sidecars for port in sidecar.ports))

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

    (`cdk8s_webservice.service.delivery_plan.DeliveryPlan` is that decision, as data.)

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
    - `peer_authentication` (`PeerAuthentication`) and `authorization_policy`
      (`AuthorizationPolicy`): where the profile's `mesh` is Istio, else None
      (`mesh_policies` is what the mesh made, whichever mesh it is);
    - `node_pool` (`NodePool`) and `ec2_node_class` (`EC2NodeClass`): Karpenter's
      pool dedicated to the service, where the profile has `node_pool` (every
      Deployment then selects its label and tolerates its taint); else None;
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
        self.ec2_node_class: EC2NodeClass | None = None
        self.node_pool: NodePool | None = None
        if profile.node_pool is not None:
            self.ec2_node_class = EC2NodeClass(self, "node-class", identity=ident, options=profile.node_pool.node_class)
            self.node_pool = NodePool(
                self, "node-pool", identity=ident, options=profile.node_pool, node_class=self.ec2_node_class
            )
        # The pods go on the node pool, if any, from the start (`NodePool.scheduling`).
        self.deployments: dict[str | None, Deployment] = {d.colour: self._deployment(d) for d in plan.deployments}
        self.deployment = self.deployments[plan.live.colour]
        """The Deployment that serves live traffic (HPA and VPA target it)."""
        self.services: dict[str, Service] = {s.name: self._service(s) for s in plan.services}
        self.service: Service | None = next((self.services[s.name] for s in plan.services if s.live), None)
        """The Service of the live pods (None under canary: Flagger generates the Services)."""
        routes = profile.ingress
        self.ingress: PublicIngress | None = (
            PublicIngress(self, "ingress", identity=ident, routes=routes, service=ident.name, options=props.ingress)
            if routes is not None
            else None
        )
        self.canary: FlaggerCanary | None = (
            FlaggerCanary(
                self,
                "canary",
                identity=ident,
                slo=required(props.slo, profile.name, "a canary analysis"),
                options=props.canary,
                service_port=props.service_port,
                ingress=plan.flagger_ingress,
                load_test_script=self._canary_load_test_script(),
                mesh_provider=profile.mesh.flagger_provider if profile.mesh is not None else None,
                scrape_interval=props.scraping.interval,
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
            requests_counter=(props.slo.metrics if props.slo is not None else HttpMetrics()).requests_total,
            rate_window=widened("1m", props.scraping.interval),
            prometheus=props.canary.prometheus_address,
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
            extra_http_clients=plan.extra_http_clients + (profile.mesh.http_clients() if profile.mesh else ()),
            extra_ports=props.all_ports,
            ingress_ports=("http", *(self.ingress.ports if self.ingress else ())),
            extra_ingress=[
                (p.namespace, p.port)
                for p in (profile.mesh.ingress_ports(props.network.monitoring_namespace) if profile.mesh else ())
            ],
        )
        self.service_monitor = ServiceMonitor(
            self,
            "metrics",
            identity=ident,
            scraping=props.scraping,
            jobs=list(plan.scraped_jobs),
            extra_ports=[port.name for port in props.all_ports if port.scrape],
        )
        self.vertical_pod_autoscaler: VerticalPodAutoscaler | None = (
            VerticalPodAutoscaler(self, "recommender", identity=ident, target=plan.vpa_target, bounds=props.vpa)
            if profile.vpa
            else None
        )
        self.prometheus_rule: PrometheusRule | None = (
            PrometheusRule(
                self,
                "alerts",
                identity=ident,
                slo=required(props.slo, profile.name, "alerting"),
                release_label=props.scraping.release_label,
            )
            if profile.alerting
            else None
        )
        self.grafana_dashboards: GrafanaDashboards | None = (
            GrafanaDashboards(
                self,
                "dashboards",
                identity=ident,
                slo=required(props.slo, profile.name, "alerting"),
                workload=LiveWorkload(plan.vpa_target, plan.live_autoscaler, plan.workloads),
                business_panels=props.business_panels,
            )
            if profile.alerting
            else None
        )
        self.load_test: ClusterLoadTest | None = self._cluster_load_test()
        self.mesh_policies: Any = None
        """What the profile's mesh made for the pods (`IstioPolicies`), or None."""
        self.peer_authentication: PeerAuthentication | None = None
        self.authorization_policy: AuthorizationPolicy | None = None
        if profile.mesh is not None:
            self._join_mesh(plan.extra_http_clients)
        self._feature_flags()
        slo = props.slo if profile.alerting else None  # (required with alerting: checked by the props)
        availability = slo_alerts(ident, slo)[f"{ident.name}.availability"] if slo is not None else []
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

        guard(self)  # escape hatches: a JSON patch the typed objects would drop is refused

    # The load test (loadtest/): the fourth consumer of the SLO, after alerts,
    # dashboards and the canary analysis.
    def patch_pods(self, *patches: JsonPatch) -> None:
        """Apply JSON patches (paths under `/spec/template/`) to every Deployment of the
        service: both blue-green colours, so a patched sidecar survives `promote`; under a
        canary, the one Deployment Flagger copies into `<name>-primary` on promotion.
        Patching `deployment` alone patches the live colour only. Each patch is checked like
        any patch of the service's objects (`escape_hatches.guard`)."""
        for deployment in self.deployments.values():
            deployment.api_object.add_json_patch(*patches)

    def _runs_cluster_load_test(self) -> bool:
        return self.props.profile.name in self.props.load_test.cluster_environments

    def _cluster_load_test(self) -> ClusterLoadTest | None:
        if not self._runs_cluster_load_test():
            return None
        props, ident = self.props, self.identity
        outside_mesh = props.profile.mesh is not None
        if outside_mesh:
            # Outside the mesh (loadtest/cluster.py): through the public host, as users call it.
            if props.profile.ingress_host is None:
                raise ConfigError(
                    f"{props.profile.name}.ingress_host",
                    None,
                    "a public host: in a meshed namespace the in-cluster load test calls the Ingress",
                )
            url, target = f"https://{props.profile.ingress_host}", "the Ingress host, from the cluster"
        else:
            url, target = (
                f"http://{ident.name}.{ident.namespace}.svc:{props.service_port}",
                "the Service, in the cluster",
            )
        script = render_load_test(spec_of(props, base_url=url, target=target))
        return ClusterLoadTest(
            self,
            "load-test",
            identity=ident,
            script=script,
            base_url=url,
            options=props.load_test,
            outside_mesh=outside_mesh,
        )

    def _canary_load_test_script(self) -> str | None:
        props, ident = self.props, self.identity
        if not props.canary.k6_webhook_url:
            return None
        # Flagger's canary Service; the old webhook ran `hey -z 1m -c 2` against it.
        url = f"http://{ident.name}-canary.{ident.namespace}:{props.service_port}"
        spec = spec_of(
            props,
            base_url=url,
            target="the canary Service",
            default_scenario="smoke",
            smoke_vus=2,
            smoke_duration="1m",
        )
        return render_load_test(spec)

    def _join_mesh(self, http_clients: Sequence[str]) -> None:
        """Sidecar injection on the namespace, the mesh's policies and Prometheus scraping
        over the mesh's mutual TLS (the NetworkPolicy's share is passed to it)."""
        props, mesh = self.props, self.props.profile.mesh
        assert mesh is not None and self.namespace is not None  # WebServiceProps checks both
        for key, value in mesh.namespace_labels().items():
            self.namespace.api_object.metadata.add_label(key, value)
        clients = ((props.network.ingress_namespace,) if props.network.ingress_namespace else ()) + tuple(http_clients)
        traffic = MeshTraffic(
            port=props.port,
            metrics_port=props.metrics_port,
            monitoring_namespace=props.network.monitoring_namespace,
            clients=clients,
        )
        self.mesh_policies = mesh.secure(self, "mesh", identity=self.identity, traffic=traffic)
        self.peer_authentication = getattr(self.mesh_policies, "peer_authentication", None)
        self.authorization_policy = getattr(self.mesh_policies, "authorization_policy", None)
        if self.ingress is not None:
            # ingress-nginx in the mesh: send to the Service (not to pod IPs), named as the
            # mesh routes it, so the sidecar applies mTLS and Flagger's VirtualService.
            self.ingress.api_object.metadata.add_annotation("nginx.ingress.kubernetes.io/service-upstream", "true")
            self.ingress.api_object.metadata.add_annotation(
                "nginx.ingress.kubernetes.io/upstream-vhost", f"{self.identity.name}.{self.identity.namespace}.svc"
            )
        tls = mesh.scrape_tls()
        if tls is not None:
            # Every scraped port: the mesh's mutual TLS (STRICT) covers all of the pod's ports.
            self.service_monitor.api_object.add_json_patch(
                *(
                    patch
                    for index in range(len(self.service_monitor.ports))
                    for patch in (
                        JsonPatch.add(f"/spec/endpoints/{index}/scheme", "https"),
                        JsonPatch.add(f"/spec/endpoints/{index}/tlsConfig", dict(tls)),
                    )
                )
            )

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
        # The pods' flagd annotations are on the Deployments from the start (`_deployment`).

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
            extra_ports=props.all_ports,
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
        if props.profile.mesh is not None:
            egress += [EgressRule(port=p.port, namespace=p.namespace) for p in props.profile.mesh.egress_ports()]
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
                ports=props.ports,
                sidecars=props.sidecars,
                init_containers=props.init_containers,
                volumes=props.volumes,
                volume_mounts=props.volume_mounts,
                scheduling=(
                    self.node_pool.scheduling(props.scheduling) if self.node_pool is not None else props.scheduling
                ),
                # The OpenFeature Operator injects flagd, configured by the FeatureFlagSource.
                pod_annotations=(
                    pod_annotations(flagd_source_name(ident)) if profile.feature_flags is not None else {}
                ),
            ),
        )
