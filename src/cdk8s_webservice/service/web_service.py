"""`WebService`: one HTTP service in one environment, composed from the concern constructs.

Its props are `props.py` (grouped in `options.py`); what a strategy makes is decided in
`delivery_plan.py`, and what the profile adds (load tests, the mesh) is built by
`profile_parts.py`. The constructor builds the objects in named steps, in the order they
were always built (the construct tree's order, which the manifests keep).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cdk8s import JsonPatch
from constructs import Construct

from cdk8s_webservice.addons.chaos_schedule import ChaosSchedule
from cdk8s_webservice.addons.feature_flags import check_application_ports, pod_annotations
from cdk8s_webservice.addons.node_pool import EC2NodeClass, NodePool
from cdk8s_webservice.addons.openfeature import FeatureFlag, FeatureFlagSource
from cdk8s_webservice.addons.openfeature import source_name as flagd_source_name
from cdk8s_webservice.delivery.canary import FlaggerCanary
from cdk8s_webservice.kinds.access import ServiceAccount
from cdk8s_webservice.kinds.autoscaling import HorizontalPodAutoscaler, VerticalPodAutoscaler
from cdk8s_webservice.kinds.availability import PodDisruptionBudget
from cdk8s_webservice.kinds.config_map import ConfigMap
from cdk8s_webservice.kinds.deployment_props import DeploymentProps
from cdk8s_webservice.kinds.ingress import PublicIngress
from cdk8s_webservice.kinds.namespace import ServiceNamespace
from cdk8s_webservice.kinds.network import DefaultDenyNetworkPolicy, EgressRule, Service, ServiceNetworkPolicy
from cdk8s_webservice.kinds.secrets import SealedSecret
from cdk8s_webservice.kinds.workload import Deployment
from cdk8s_webservice.loadtest.cluster import ClusterLoadTest
from cdk8s_webservice.observability.alerts import PrometheusRule, slo_alerts
from cdk8s_webservice.observability.dashboards import GrafanaDashboards, LiveWorkload
from cdk8s_webservice.observability.promql import widened
from cdk8s_webservice.observability.scraping import ServiceMonitor
from cdk8s_webservice.observability.slo import HttpMetrics, required

from .delivery_plan import DeliveryPlan, PlannedDeployment, PlannedService
from .escape_hatches import guard
from .profile_parts import canary_load_test_script, cluster_load_test, join_mesh
from .props import WebServiceProps as WebServiceProps  # its home before 0.7.0 (the old module path leads here)

if TYPE_CHECKING:
    from cdk8s_webservice.addons.istio import AuthorizationPolicy, PeerAuthentication


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
      (`DefaultDenyNetworkPolicy`): None when `namespace.create` is off;
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
        self.identity = props.identity
        # The steps keep the construct tree's order (and so the manifests' and errors' order).
        self._namespace()
        self._identity_and_access()
        plan = DeliveryPlan.of(self.identity, props.profile, props.delivery.canary)  # after the config's names
        self._node_pool()
        self._workload(plan)
        self._traffic(plan)
        self._delivery(plan)
        self._network_policy(plan)
        self._monitoring(plan)
        self.load_test: ClusterLoadTest | None = cluster_load_test(self, props)
        self._join_mesh(plan.extra_http_clients)
        self._feature_flags()
        self._chaos()
        guard(self)  # escape hatches: a JSON patch the typed objects would drop is refused

    def _namespace(self) -> None:
        """The Namespace and its default-deny policy, unless `namespace.create` is off."""
        options, name = self.props.namespace, self.identity.namespace
        self.namespace: ServiceNamespace | None = (
            ServiceNamespace(self, "namespace", name=name, pod_security=options.pod_security)
            if options.create
            else None
        )
        self.default_deny_network_policy: DefaultDenyNetworkPolicy | None = (
            DefaultDenyNetworkPolicy(self, "default-deny", namespace=name) if options.create else None
        )

    def _identity_and_access(self) -> None:
        """The ServiceAccount (with its API access), the SealedSecret and the ConfigMap."""
        props, ident, pod = self.props, self.identity, self.props.pod
        self.service_account = ServiceAccount(self, "access", identity=ident, access=props.network.api_access)
        self.sealed_secret: SealedSecret | None = (
            SealedSecret(self, "secret", identity=ident, name=pod.secret_name, encrypted_data=pod.sealed_secret)
            if pod.sealed_secret is not None and pod.secret_name is not None
            else None
        )
        self.config_map = ConfigMap(self, "config", identity=ident, data={**pod.config, **props.profile.config})

    def _node_pool(self) -> None:
        """Karpenter's node pool of the service, where the profile has one."""
        ident, options = self.identity, self.props.profile.node_pool
        self.ec2_node_class: EC2NodeClass | None = None
        self.node_pool: NodePool | None = None
        if options is not None:
            self.ec2_node_class = EC2NodeClass(self, "node-class", identity=ident, options=options.node_class)
            self.node_pool = NodePool(
                self, "node-pool", identity=ident, options=options, node_class=self.ec2_node_class
            )

    def _workload(self, plan: DeliveryPlan) -> None:
        """The Deployments the plan names (on the node pool, if any, from the start)."""
        self.deployments: dict[str | None, Deployment] = {d.colour: self._deployment(d) for d in plan.deployments}
        self.deployment = self.deployments[plan.live.colour]
        """The Deployment that serves live traffic (HPA and VPA target it)."""

    def _traffic(self, plan: DeliveryPlan) -> None:
        """The Services the plan names and the public Ingress, where the profile has one."""
        props, routes = self.props, self.props.profile.ingress
        self.services: dict[str, Service] = {s.name: self._service(s) for s in plan.services}
        self.service: Service | None = next((self.services[s.name] for s in plan.services if s.live), None)
        """The Service of the live pods (None under canary: Flagger generates the Services)."""
        self.ingress: PublicIngress | None = (
            PublicIngress(
                self,
                "ingress",
                identity=self.identity,
                routes=routes,
                service=self.identity.name,
                options=props.network.ingress,
            )
            if routes is not None
            else None
        )

    def _delivery(self, plan: DeliveryPlan) -> None:
        """The Flagger Canary (under canary), the HPA and the PDB."""
        props, ident, profile, delivery = self.props, self.identity, self.props.profile, self.props.delivery
        interval = props.observability.scraping.interval
        self.canary: FlaggerCanary | None = (
            FlaggerCanary(
                self,
                "canary",
                identity=ident,
                slo=required(props.slo, profile.name, "a canary analysis"),
                options=delivery.canary,
                service_port=props.network.service_port,
                ingress=plan.flagger_ingress,
                load_test_script=canary_load_test_script(props),
                mesh_provider=profile.mesh.flagger_provider if profile.mesh is not None else None,
                scrape_interval=interval,
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
            targets=delivery.scaling,
            requests_counter=(props.slo.metrics if props.slo is not None else HttpMetrics()).requests_total,
            rate_window=widened("1m", interval),
            prometheus=delivery.canary.prometheus_address,
        )
        self.pod_disruption_budget = PodDisruptionBudget(
            self, "disruption-budget", identity=ident, extra_selector=plan.budget_selector
        )

    def _network_policy(self, plan: DeliveryPlan) -> None:
        """Who may reach the pods and where they may go."""
        props, mesh, access = self.props, self.props.profile.mesh, self.props.network.access
        self.network_policy = ServiceNetworkPolicy(
            self,
            "network-policy",
            identity=self.identity,
            access=access,
            extra_egress=self._egress(),
            extra_http_clients=plan.extra_http_clients + (mesh.http_clients() if mesh else ()),
            extra_ports=props.all_ports,
            ingress_ports=("http", *(self.ingress.ports if self.ingress else ())),
            extra_ingress=[
                (p.namespace, p.port) for p in (mesh.ingress_ports(access.monitoring_namespace) if mesh else ())
            ],
        )

    def _monitoring(self, plan: DeliveryPlan) -> None:
        """The ServiceMonitor; the VPA's recommender, the alerts and the dashboards where
        the profile asks for them."""
        props, ident, profile = self.props, self.identity, self.props.profile
        observability = props.observability
        self.service_monitor = ServiceMonitor(
            self,
            "metrics",
            identity=ident,
            scraping=observability.scraping,
            jobs=list(plan.scraped_jobs),
            extra_ports=[port.name for port in props.all_ports if port.scrape],
        )
        self.vertical_pod_autoscaler: VerticalPodAutoscaler | None = (
            VerticalPodAutoscaler(
                self, "recommender", identity=ident, target=plan.vpa_target, bounds=props.delivery.vpa
            )
            if profile.vpa
            else None
        )
        self.prometheus_rule: PrometheusRule | None = (
            PrometheusRule(
                self,
                "alerts",
                identity=ident,
                slo=required(props.slo, profile.name, "alerting"),
                release_label=observability.scraping.release_label,
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
                business_panels=observability.business_panels,
            )
            if profile.alerting
            else None
        )

    def _join_mesh(self, http_clients: Sequence[str]) -> None:
        """What the profile's mesh makes for the pods, if it has one (`profile_parts.join_mesh`)."""
        self.mesh_policies: Any = None
        """What the profile's mesh made for the pods (`IstioPolicies`), or None."""
        self.peer_authentication: PeerAuthentication | None = None
        self.authorization_policy: AuthorizationPolicy | None = None
        if self.props.profile.mesh is None:
            return
        self.mesh_policies = join_mesh(
            self,
            self.props,
            http_clients=http_clients,
            namespace=self.namespace,
            ingress=self.ingress,
            service_monitor=self.service_monitor,
        )
        self.peer_authentication = getattr(self.mesh_policies, "peer_authentication", None)
        self.authorization_policy = getattr(self.mesh_policies, "authorization_policy", None)

    def _chaos(self) -> None:
        """A ChaosSchedule per experiment of the profile, held by the availability alerts."""
        ident, profile = self.identity, self.props.profile
        slo = self.props.slo if profile.alerting else None  # (required with alerting: checked by the props)
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

    def patch_pods(self, *patches: JsonPatch) -> None:
        """Apply JSON patches (paths under `/spec/template/`) to every Deployment of the
        service: both blue-green colours, so a patched sidecar survives `promote`; under a
        canary, the one Deployment Flagger copies into `<name>-primary` on promotion.
        Patching `deployment` alone patches the live colour only. Each patch is checked like
        any patch of the service's objects (`escape_hatches.guard`)."""
        for deployment in self.deployments.values():
            deployment.api_object.add_json_patch(*patches)

    def _feature_flags(self) -> None:
        """FeatureFlag, FeatureFlagSource and the pod annotations that inject flagd."""
        self.feature_flag: FeatureFlag | None = None
        self.feature_flag_source: FeatureFlagSource | None = None
        flags = self.props.profile.feature_flags
        if flags is None:
            return
        check_application_ports({"port": self.props.pod.port, "metrics_port": self.props.pod.metrics_port})
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
            service_port=props.network.service_port,
            metrics_port=props.pod.metrics_port,
            name=planned.name,
            selector=dict(planned.selector),
            extra_ports=props.all_ports,
        )

    def _egress(self) -> list[EgressRule]:
        telemetry, api, mesh = (
            self.props.observability.telemetry,
            self.props.network.api_access,
            self.props.profile.mesh,
        )
        egress: list[EgressRule] = []
        if telemetry is not None:
            egress.append(EgressRule(port=telemetry.collector_port, namespace=telemetry.collector_namespace))
        if api is not None:
            egress.append(EgressRule(port=api.api_server_port, cidr=api.api_server_cidr))
        if mesh is not None:
            egress += [EgressRule(port=p.port, namespace=p.namespace) for p in mesh.egress_ports()]
        return egress

    def _deployment(self, planned: PlannedDeployment) -> Deployment:
        props, ident, profile, pod = self.props, self.identity, self.props.profile, self.props.pod
        api, telemetry = props.network.api_access, props.observability.telemetry
        env = dict(pod.env)
        if telemetry is not None:
            env.update(telemetry.env(ident, planned.image_tag))
        return Deployment(
            self,
            f"workload-{planned.colour}" if planned.colour else "workload",
            props=DeploymentProps(
                identity=ident,
                image=props.image_reference(planned.image_tag),
                replicas=planned.replicas,
                resources=profile.resources,
                port=pod.port,
                metrics_port=pod.metrics_port,
                config_name=self.config_map.name,
                config_checksum=self.config_map.checksum,
                colour=planned.colour,
                health=pod.health,
                env=env,
                secret_env_from=pod.secret_name,
                secret_optional=pod.secret_optional,
                service_account_name=self.service_account.service_account_name,
                api_token_expiration_seconds=(api.token_expiration_seconds if api is not None else None),
                ports=pod.ports,
                sidecars=pod.sidecars,
                init_containers=pod.init_containers,
                volumes=pod.volumes,
                volume_mounts=pod.volume_mounts,
                scheduling=(
                    self.node_pool.scheduling(pod.scheduling) if self.node_pool is not None else pod.scheduling
                ),
                # The OpenFeature Operator injects flagd, configured by the FeatureFlagSource.
                pod_annotations=(
                    pod_annotations(flagd_source_name(ident)) if profile.feature_flags is not None else {}
                ),
            ),
        )
