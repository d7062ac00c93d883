"""The Service in front of the pods and the NetworkPolicies around them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cdk8s_plus_27 import k8s
from constructs import Construct

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.identity import COMPONENT, NAME, PROMETHEUS_JOB, ServiceIdentity
from cdk8s_webservice.core.k8s_values import int_or_string
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.names import NAMESPACE_NAME_LABEL, check_dns_label
from cdk8s_webservice.core.values import check_bool, check_cidr, check_distinct_ports, check_instance, check_port

from .containers import Port


@public
@dataclass(frozen=True)
class EgressRule:
    """One extra destination the pods may reach: a CIDR or a namespace, on one port."""

    port: int
    """Destination port."""
    protocol: str = "TCP"
    """TCP (default), UDP or SCTP."""
    cidr: str | None = None
    """Destination address range (exclusive with `namespace`)."""
    namespace: str | None = None
    """Destination namespace, any pod in it (exclusive with `cidr`)."""

    def __post_init__(self) -> None:
        if (self.cidr is None) == (self.namespace is None):
            raise ConfigError("egress", self, "exactly one of cidr or namespace")
        check_port("egress.port", self.port)
        if self.protocol not in ("TCP", "UDP", "SCTP"):
            raise ConfigError("egress.protocol", self.protocol, "TCP, UDP or SCTP")
        if self.cidr is not None:
            check_cidr("egress.cidr", self.cidr)
        if self.namespace is not None:
            check_dns_label("egress.namespace", self.namespace)

    def to_peer(self) -> k8s.NetworkPolicyPeer:
        if self.cidr is not None:
            return k8s.NetworkPolicyPeer(ip_block=k8s.IpBlock(cidr=self.cidr))
        return k8s.NetworkPolicyPeer(
            namespace_selector=k8s.LabelSelector(match_labels={NAMESPACE_NAME_LABEL: str(self.namespace)})
        )


HTTPS_ANYWHERE = EgressRule(port=443, cidr="0.0.0.0/0")


@public
@dataclass(frozen=True)
class NetworkAccess:
    """Who may talk to the pods, and where they may talk to.

    Defaults: HTTP from the `ingress-nginx` namespace, metrics from `monitoring`,
    DNS to kube-dns, nothing else. `ingress_namespace=None` admits no ingress
    controller (a worker nobody calls). `egress_https` opens TCP 443 to any
    address for services that call external APIs; `egress` adds destinations
    (a message broker's namespace, a database's CIDR).
    """

    ingress_namespace: str | None = "ingress-nginx"
    """Namespace of the ingress controller admitted to `http` (default `ingress-nginx`); None for none."""
    monitoring_namespace: str = "monitoring"
    """Namespace of Prometheus admitted to `metrics` (default `monitoring`)."""
    egress_https: bool = False
    """Open TCP 443 to any address (default off)."""
    egress: tuple[EgressRule, ...] = ()
    """More destinations the pods may reach."""

    def __post_init__(self) -> None:
        if self.ingress_namespace is not None:
            check_dns_label("network.ingress_namespace", self.ingress_namespace)
        check_dns_label("network.monitoring_namespace", self.monitoring_namespace)
        check_bool("network.egress_https", self.egress_https)
        if not isinstance(self.egress, (tuple, list)):
            raise ConfigError("network.egress", self.egress, "a tuple of EgressRule")
        for rule in self.egress:
            check_instance("network.egress", rule, EgressRule, "a tuple of EgressRule")


class Service(Construct):
    """A ClusterIP Service: `http` on `service_port`, `metrics` on the metrics port, and
    each exposed extra `Port` (`extra_ports`) on its `exposed_port`, by name.

    `name` defaults to the service's; `selector` to its pod selector (blue-green
    passes a colour's). The Service is labelled `prometheus.io/job: <name>`, the
    label the ServiceMonitor selects and takes the `job` label from.

    Escape hatch: `api_object`, the `k8s.KubeService`.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: ServiceIdentity,
        service_port: int,
        metrics_port: int,
        name: str | None = None,
        selector: dict[str, str] | None = None,
        extra_ports: Sequence[Port] = (),
    ) -> None:
        super().__init__(scope, id)
        # Two ports of one Service may not share a number (or a name).
        exposed = [p for p in extra_ports if check_instance("extra_ports", p, Port).expose]
        check_service_ports(service_port, metrics_port, exposed)
        self.name = name or identity.name
        self.api_object = k8s.KubeService(
            self,
            "Resource",
            metadata=k8s.ObjectMeta(
                name=self.name,
                namespace=identity.namespace,
                labels={
                    NAME: self.name,
                    COMPONENT: identity.component,
                    PROMETHEUS_JOB: self.name,
                },
            ),
            spec=k8s.ServiceSpec(
                type="ClusterIP",
                selector=selector or identity.selector,
                ports=[
                    k8s.ServicePort(name="http", port=service_port, target_port=int_or_string("http"), protocol="TCP"),
                    k8s.ServicePort(
                        name="metrics",
                        port=metrics_port,
                        target_port=int_or_string("metrics"),
                        protocol="TCP",
                    ),
                    *(
                        k8s.ServicePort(
                            name=p.name,
                            port=p.exposed_port,
                            target_port=int_or_string(p.name),
                            protocol=p.protocol,
                        )
                        for p in exposed
                    ),
                ],
            ),
        )


def dns_egress() -> k8s.NetworkPolicyEgressRule:
    """Egress to kube-dns (kube-system), UDP and TCP 53: what every pod needs."""
    return k8s.NetworkPolicyEgressRule(
        to=[
            k8s.NetworkPolicyPeer(
                namespace_selector=k8s.LabelSelector(match_labels={NAMESPACE_NAME_LABEL: "kube-system"}),
                pod_selector=k8s.LabelSelector(match_labels={"k8s-app": "kube-dns"}),
            )
        ],
        ports=[
            k8s.NetworkPolicyPort(port=int_or_string(53), protocol="UDP"),
            k8s.NetworkPolicyPort(port=int_or_string(53), protocol="TCP"),
        ],
    )


def check_service_ports(service_port: int, metrics_port: int, exposed: Sequence[Port]) -> None:
    """The Service's ports: one name and one number (per protocol) each."""
    check_distinct_ports({"metrics_port": metrics_port, "service_port": service_port}, "the Service")
    names = {"http": "service_port", "metrics": "metrics_port"}
    numbers = {(service_port, "TCP"): "service_port", (metrics_port, "TCP"): "metrics_port"}
    for port in exposed:
        where = f"ports[{port.name}]"
        if port.name in names:
            raise ConfigError(
                f"{where}.name", port.name, f"a name other than {names[port.name]}'s: the Service declares both"
            )
        names[port.name] = where
        key = (port.exposed_port, port.protocol)
        if key in numbers:
            raise ConfigError(
                f"{where}.service_port",
                port.exposed_port,
                f"a port other than {numbers[key]} ({port.exposed_port}/{port.protocol}): the Service declares both",
            )
        numbers[key] = where


class ServiceNetworkPolicy(Construct):
    """NetworkPolicy `<name>`: the service's pods accept and send only what is listed.

    Each extra `Port` (`extra_ports`) admits its `clients`, and the monitoring
    namespace when it is scraped.

    It declares both policy types, so for the pods it selects everything not
    allowed here is denied, whatever else the namespace holds. The ingress
    controller is admitted to `ingress_ports` (default `http`; `WebService` adds
    each port its Ingress paths use).

    Escape hatch: `api_object`, the `k8s.KubeNetworkPolicy`.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: ServiceIdentity,
        access: NetworkAccess,
        extra_egress: Sequence[EgressRule] = (),
        extra_http_clients: Sequence[str] = (),
        extra_ports: Sequence[Port] = (),
        ingress_ports: Sequence[str] = ("http",),
        extra_ingress: Sequence[tuple[str, int]] = (),
    ) -> None:
        super().__init__(scope, id)
        ports = tuple(dict.fromkeys(ingress_ports))
        ingress = [self._from_namespace(access.ingress_namespace, *ports)] if access.ingress_namespace else []
        ingress.append(self._from_namespace(access.monitoring_namespace, "metrics"))
        ingress += [
            self._from_namespace(check_dns_label("http client namespace", ns), "http") for ns in extra_http_clients
        ]
        for port in extra_ports:
            check_instance("extra_ports", port, Port)
            clients = [*port.clients, access.monitoring_namespace] if port.scrape else list(port.clients)
            ingress += [self._from_namespace(ns, port.name, protocol=port.protocol) for ns in dict.fromkeys(clients)]
        # (namespace, port number): e.g. a service mesh's sidecar metrics port from Prometheus.
        ingress += [self._from_namespace(check_dns_label("ingress namespace", ns), port) for ns, port in extra_ingress]
        egress = [dns_egress()]
        rules = ([HTTPS_ANYWHERE] if access.egress_https else []) + list(extra_egress) + list(access.egress)
        egress += [
            k8s.NetworkPolicyEgressRule(to=[rule.to_peer()], ports=[self._port(rule.port, rule.protocol)])
            for rule in rules
        ]
        self.api_object = k8s.KubeNetworkPolicy(
            self,
            "Resource",
            metadata=k8s.ObjectMeta(name=identity.name, namespace=identity.namespace),
            spec=k8s.NetworkPolicySpec(
                pod_selector=k8s.LabelSelector(match_labels=identity.workload_selector),
                policy_types=["Ingress", "Egress"],
                ingress=ingress,
                egress=egress,
            ),
        )

    @staticmethod
    def _port(port: int | str, protocol: str) -> k8s.NetworkPolicyPort:
        value = int_or_string(port)
        return k8s.NetworkPolicyPort(port=value, protocol=protocol)

    @classmethod
    def _from_namespace(cls, namespace: str, *ports: int | str, protocol: str = "TCP") -> k8s.NetworkPolicyIngressRule:
        return k8s.NetworkPolicyIngressRule(
            from_=[
                k8s.NetworkPolicyPeer(
                    namespace_selector=k8s.LabelSelector(match_labels={NAMESPACE_NAME_LABEL: namespace})
                )
            ],
            ports=[cls._port(port, protocol) for port in ports],
        )


class DefaultDenyNetworkPolicy(Construct):
    """NetworkPolicy `default-deny-all`: every pod of the namespace, both directions.

    The baseline for the namespace: a pod no other policy selects (a debug pod, a
    forgotten job) can reach nothing and be reached by nothing.

    Escape hatch: `api_object`, the `k8s.KubeNetworkPolicy`.
    """

    def __init__(self, scope: Construct, id: str, *, namespace: str) -> None:
        super().__init__(scope, id)
        self.api_object = k8s.KubeNetworkPolicy(
            self,
            "Resource",
            metadata=k8s.ObjectMeta(name="default-deny-all", namespace=namespace),
            spec=k8s.NetworkPolicySpec(pod_selector=k8s.LabelSelector(), policy_types=["Ingress", "Egress"]),
        )
