"""Service mesh, opt in: the interface a `WebService` asks a mesh for, and `Istio`, its
implementation.

A profile's `mesh` (None by default: no mesh) turns it on for one environment. The
`ServiceMesh` interface is small, so another mesh (Linkerd) can follow it: the labels that
put the namespace's pods in the mesh, Flagger's provider for it, what the NetworkPolicy must
admit and send for it, how Prometheus scrapes through it, and the mesh's own policy objects
(`secure`). This module holds values only (no cdk8s): profiles import it without starting
jsii; the Istio constructs are in `istio.py`.
"""

from __future__ import annotations

import abc
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.names import check_dns_label, is_dns_subdomain
from cdk8s_webservice.core.values import check_port, check_str

from .authorization import AllowRule

if TYPE_CHECKING:
    from constructs import Construct

    from cdk8s_webservice.core.identity import ServiceIdentity

ISTIO_INJECTION_LABEL = "istio-injection"
"""Namespace label of Istio's default injector (`enabled`)."""
ISTIO_REVISION_LABEL = "istio.io/rev"
"""Namespace label of a revisioned control plane (its revision's name)."""
SIDECAR_METRICS_PORT = 15090
"""The Envoy sidecar's Prometheus port (`/stats/prometheus`)."""
ISTIOD_XDS_PORT = 15012
"""istiod's xDS and certificate port (TLS), which every sidecar dials."""


@dataclass(frozen=True)
class MeshTraffic:
    """Who may reach the service's pods, as the mesh is to enforce it: container ports and
    the namespaces the NetworkPolicy already admits."""

    port: int
    """The container port of `http`."""
    metrics_port: int
    """The container port of `metrics`."""
    monitoring_namespace: str
    """Where Prometheus runs (`NetworkAccess.monitoring_namespace`)."""
    clients: tuple[str, ...] = ()
    """Namespaces of the declared HTTP clients (the ingress controller's, Flagger's load
    tester's): what the NetworkPolicy admits to `http`."""

    def __post_init__(self) -> None:
        check_port("mesh.port", self.port)
        check_port("mesh.metrics_port", self.metrics_port)
        check_dns_label("mesh.monitoring_namespace", self.monitoring_namespace)
        if not isinstance(self.clients, tuple):
            raise ConfigError("mesh.clients", self.clients, "a tuple of namespace names")
        for namespace in self.clients:
            check_dns_label("mesh.clients", namespace)


@dataclass(frozen=True)
class MeshPort:
    """A port the NetworkPolicy must open for the mesh: from (ingress) or to (egress) `namespace`."""

    namespace: str
    port: int


class ServiceMesh(abc.ABC):
    """What a `WebService` asks of a service mesh. `Istio` is the implementation."""

    @property
    @abc.abstractmethod
    def flagger_provider(self) -> str:
        """Flagger's `provider` for canaries in a meshed environment (`istio`)."""

    @abc.abstractmethod
    def namespace_labels(self) -> Mapping[str, str]:
        """Labels that put the pods of the namespace in the mesh (sidecar injection)."""

    @abc.abstractmethod
    def http_clients(self) -> tuple[str, ...]:
        """Namespaces the mesh's own components call `http` from (its ingress gateway)."""

    @abc.abstractmethod
    def ingress_ports(self, monitoring_namespace: str) -> tuple[MeshPort, ...]:
        """Ports of the mesh's proxy the NetworkPolicy admits (sidecar metrics, ...)."""

    @abc.abstractmethod
    def egress_ports(self) -> tuple[MeshPort, ...]:
        """Where the proxy must be able to go (the control plane)."""

    @abc.abstractmethod
    def scrape_tls(self) -> Mapping[str, Any] | None:
        """The ServiceMonitor endpoint's `tlsConfig` when Prometheus scrapes over the mesh's
        mutual TLS; None to scrape in plain HTTP."""

    @abc.abstractmethod
    def secure(self, scope: Construct, id: str, *, identity: ServiceIdentity, traffic: MeshTraffic) -> Any:
        """The mesh's policy objects for the service's pods (mutual TLS, authorization)."""


@public
@dataclass(frozen=True)
class Istio(ServiceMesh):
    """Istio in sidecar mode, its injector and CA in `control_plane_namespace`.

    In a meshed environment the service gets: the namespace labelled for injection
    (`istio-injection: enabled`, or `istio.io/rev: <revision>`), a `PeerAuthentication`
    requiring mutual TLS (STRICT) for its pods, an `AuthorizationPolicy` allowing only the
    ingress gateway's identity and the declared clients to `http` and Prometheus to
    `metrics`, NetworkPolicy rules for the gateway, the sidecar's metrics and istiod, a
    ServiceMonitor scraping over Istio's certificates, and Flagger's `istio` provider.

    Cluster prerequisite: the `istio-cni` node agent (or Istio's native sidecars with it), so
    injection adds no privileged `istio-init` container and the pods keep Pod Security
    `restricted`; Prometheus mounts Istio's workload certificates at `prometheus_certs_dir`.
    """

    revision: str | None = None
    """A revisioned control plane: the namespace gets `istio.io/rev: <revision>` instead of
    `istio-injection: enabled` (default None)."""
    gateway_namespace: str = "istio-system"
    """Namespace of the ingress gateway (default `istio-system`)."""
    gateway_service_account: str = "istio-ingressgateway"
    """Service account of the ingress gateway, its mesh identity (default `istio-ingressgateway`)."""
    control_plane_namespace: str = "istio-system"
    """Namespace of istiod, which sidecars reach on 15012 (default `istio-system`)."""
    trust_domain: str = "cluster.local"
    """The mesh's trust domain, the first part of its SPIFFE identities (default `cluster.local`)."""
    prometheus_certs_dir: str = "/etc/prom-certs"
    """Where Prometheus mounts Istio's certificates (`root-cert.pem`, `cert-chain.pem`,
    `key.pem`) to scrape over mutual TLS (default `/etc/prom-certs`, as Istio documents)."""

    def __post_init__(self) -> None:
        if self.revision is not None:
            check_dns_label("mesh.revision", self.revision)
        check_dns_label("mesh.gateway_namespace", self.gateway_namespace)
        if not is_dns_subdomain(self.gateway_service_account):
            raise ConfigError(
                "mesh.gateway_service_account",
                self.gateway_service_account,
                "a service account name (DNS-1123 subdomain: lower-case letters, digits, '-' and '.')",
            )
        check_dns_label("mesh.control_plane_namespace", self.control_plane_namespace)
        if not is_dns_subdomain(self.trust_domain):
            raise ConfigError(
                "mesh.trust_domain", self.trust_domain, "a DNS name such as 'cluster.local' (lower-case, no '/')"
            )
        check_str("mesh.prometheus_certs_dir", self.prometheus_certs_dir)
        if not self.prometheus_certs_dir.startswith("/") or self.prometheus_certs_dir.rstrip("/") == "":
            raise ConfigError(
                "mesh.prometheus_certs_dir", self.prometheus_certs_dir, "an absolute folder such as '/etc/prom-certs'"
            )

    @property
    def flagger_provider(self) -> str:
        return "istio"

    @property
    def gateway_principal(self) -> str:
        """The ingress gateway's identity, as AuthorizationPolicy `principals` name it."""
        return f"{self.trust_domain}/ns/{self.gateway_namespace}/sa/{self.gateway_service_account}"

    def namespace_labels(self) -> Mapping[str, str]:
        if self.revision is not None:
            return {ISTIO_REVISION_LABEL: self.revision}
        return {ISTIO_INJECTION_LABEL: "enabled"}

    def http_clients(self) -> tuple[str, ...]:
        return (self.gateway_namespace,)

    def ingress_ports(self, monitoring_namespace: str) -> tuple[MeshPort, ...]:
        return (MeshPort(monitoring_namespace, SIDECAR_METRICS_PORT),)

    def egress_ports(self) -> tuple[MeshPort, ...]:
        return (MeshPort(self.control_plane_namespace, ISTIOD_XDS_PORT),)

    def scrape_tls(self) -> Mapping[str, Any]:
        folder = self.prometheus_certs_dir.rstrip("/")
        return {
            "caFile": f"{folder}/root-cert.pem",
            "certFile": f"{folder}/cert-chain.pem",
            "keyFile": f"{folder}/key.pem",
            # Istio's certificates name SPIFFE identities, not host names (Istio's documented setting).
            "insecureSkipVerify": True,
        }

    def allow_rules(self, traffic: MeshTraffic) -> list[AllowRule]:
        """The ingress gateway and the declared clients to `http`; Prometheus to `metrics`."""
        rules = [AllowRule(ports=(traffic.port,), principals=(self.gateway_principal,))]
        clients = tuple(sorted(set(traffic.clients) - {self.gateway_namespace}))
        if clients:
            rules.append(AllowRule(ports=(traffic.port,), namespaces=clients))
        rules.append(AllowRule(ports=(traffic.metrics_port,), namespaces=(traffic.monitoring_namespace,)))
        return rules

    def secure(self, scope: Construct, id: str, *, identity: ServiceIdentity, traffic: MeshTraffic) -> Any:
        # Imported here: the constructs need cdk8s, and profiles import this value without it.
        from .istio import IstioPolicies

        return IstioPolicies(scope, id, identity=identity, rules=self.allow_rules(traffic))
