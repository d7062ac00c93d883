"""`WebServiceProps`: what a web service is, in a dozen fields, checked together.

The groups (`PodOptions`, `NetworkOptions`, ...) are in `options.py` and check their
own fields; here is what needs more than one group, the service's name or its
profile. Before 0.7.0 the props were flat (`port=`, `create_namespace=`): those
keywords and attributes still work until 0.8.0, with a `DeprecationWarning` naming
the new spelling (`aliases.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cdk8s_webservice.addons.feature_flags import FLAGD_PORTS
from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.identity import ServiceIdentity
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.values import check_distinct_ports, check_instance
from cdk8s_webservice.delivery.strategy import Strategy
from cdk8s_webservice.kinds.containers import Port
from cdk8s_webservice.kinds.deployment_props import check_pod_parts
from cdk8s_webservice.kinds.network import check_service_ports
from cdk8s_webservice.observability import burn_rate
from cdk8s_webservice.observability.promql import check_window
from cdk8s_webservice.observability.slo import ServiceLevelObjectives, required
from cdk8s_webservice.profiles.environment import EnvironmentProfile

from .aliases import GROUPS, accept_flat_keywords
from .options import DeliveryOptions, NamespaceOptions, NetworkOptions, ObservabilityOptions, PodOptions

_COMPONENT = r"[a-z0-9]+([._-][a-z0-9]+)*"
_REPOSITORY = re.compile(rf"({_COMPONENT}(\.{_COMPONENT})*(:[0-9]+)?/)?{_COMPONENT}(/{_COMPONENT})*")


@public
@accept_flat_keywords
@dataclass(frozen=True)
class WebServiceProps:
    """What a web service is, independent of where it runs (that is `profile`).

    Every default is the production-grade choice; see each field and group.
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
    slo: ServiceLevelObjectives | None = field(default=None, kw_only=True)
    """Objectives the alerts, dashboards, canary analysis and load test gate on.
    Required (no default objective) where the profile enables alerting or the canary
    strategy: without them `ConfigError` names the environment."""
    pod: PodOptions = field(default_factory=PodOptions, kw_only=True)
    """Ports, probes, settings, Secret, extra containers, volumes and scheduling of the pods."""
    network: NetworkOptions = field(default_factory=NetworkOptions, kw_only=True)
    """Service port, NetworkPolicy access, Ingress options and Kubernetes API access."""
    delivery: DeliveryOptions = field(default_factory=DeliveryOptions, kw_only=True)
    """Canary analysis, autoscaling targets, VPA bounds and the load test."""
    observability: ObservabilityOptions = field(default_factory=ObservabilityOptions, kw_only=True)
    """Prometheus scraping, business dashboard panels and OpenTelemetry."""
    namespace: NamespaceOptions = field(default_factory=NamespaceOptions, kw_only=True)
    """Whether the namespace is created here, and its Pod Security level."""

    def __post_init__(self) -> None:
        if not isinstance(self.image, str) or not _REPOSITORY.fullmatch(self.image):
            raise ConfigError(
                "image",
                self.image,
                "an image repository without tag or digest, such as 'registry.example.com/team/app' "
                "(the tag comes from the environment profile)",
            )
        check_instance("profile", self.profile, EnvironmentProfile)
        for name, kind in GROUPS.items():
            check_instance(name, getattr(self, name), kind)
        # The Service (or Flagger's) has `http` on service_port and `metrics` on metrics_port.
        check_distinct_ports(
            {"metrics_port": self.pod.metrics_port, "service_port": self.network.service_port}, "the Service"
        )
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
        self._check_secret_name()
        if self.profile.mesh is not None and not self.namespace.create:
            raise ConfigError(
                "namespace.create",
                self.namespace.create,
                f"True where {self.profile.name}.mesh is set (the mesh labels the namespace for sidecar injection)",
            )
        self._check_slo()
        self._check_pod_parts()

    def _check_secret_name(self) -> None:
        secret_name = self.pod.secret_name
        if secret_name is None:
            return
        tls_secrets = {f"{self.name}-tls"}
        if (routes := self.profile.ingress) is not None:
            tls_secrets.update(secret for _, secret in routes.tls_sections(self.name))
        if secret_name in tls_secrets:
            raise ConfigError(
                "secret_name", secret_name, f"a name other than {secret_name!r}, the Ingress certificate's Secret"
            )

    def _check_slo(self) -> None:
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
            interval = self.observability.scraping.interval
            check_window("slo.window", slo.window, interval)
            if burn_rate.objectives(slo):
                check_window("slo burn-rate windows", burn_rate.recorded_windows()[0], interval)

    def _check_pod_parts(self) -> None:
        pod = self.pod
        check_pod_parts(
            "",
            main=self.name,
            port=pod.port,
            metrics_port=pod.metrics_port,
            health=pod.health,
            ports=pod.ports,
            sidecars=pod.sidecars,
            init_containers=pod.init_containers,
            volumes=pod.volumes,
            volume_mounts=pod.volume_mounts,
        )
        exposed = [port for port in self.pod.all_ports if port.expose]
        check_service_ports(self.network.service_port, pod.metrics_port, exposed)
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
            for port in self.pod.all_ports:
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
        for port in self.pod.all_ports:
            if port.number in reserved:
                raise ConfigError(
                    f"ports[{port.name}].number", port.number, f"a port {reserved[port.number]} does not listen on"
                )
        for container in (*self.pod.sidecars, *self.pod.init_containers):
            if container.name in names:
                raise ConfigError(
                    "sidecars.name", container.name, f"a name of its own ({names[container.name]} is injected as it)"
                )

    @property
    def all_ports(self) -> tuple[Port, ...]:
        """The extra ports of the pod: the service container's, then each sidecar's."""
        return self.pod.all_ports

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
