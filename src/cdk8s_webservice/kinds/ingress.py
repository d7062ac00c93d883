"""Public HTTPS entry through the ingress controller, with cert-manager certificates."""

from __future__ import annotations

from dataclasses import dataclass

from cdk8s_plus_27 import k8s
from constructs import Construct

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.identity import ServiceIdentity
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.names import check_dns_label
from cdk8s_webservice.core.values import check_bool, check_instance

from .ingress_routes import IngressRoutes


@public
@dataclass(frozen=True)
class IngressOptions:
    """How the environment's Ingress (`ingress_host` or `ingress_routes`) is served.

    Defaults: ingress-nginx, HTTPS forced, certificates from the ClusterIssuer
    `letsencrypt-prod` (DNS-01, so no solver pod has to pass the namespace's
    default-deny policy), 1 MiB request bodies.

    The issuer annotation is the Ingress's, so it covers every TLS section
    (cert-manager makes one Certificate per Secret); with neither issuer, no
    certificate is requested and each section's Secret must exist.
    """

    ingress_class: str = "nginx"
    """IngressClass to use (default `nginx`)."""
    cluster_issuer: str | None = "letsencrypt-prod"
    """cert-manager ClusterIssuer for the TLS certificates (default `letsencrypt-prod`);
    None: a namespaced `issuer`, or certificates you provide."""
    issuer: str | None = None
    """cert-manager Issuer in the service's namespace instead (default None; set
    `cluster_issuer=None` with it: one issuer per Ingress)."""
    max_body_size: str = "1m"
    """Largest request body the controller accepts (default `1m`)."""
    force_ssl_redirect: bool = True
    """Redirect HTTP to HTTPS (default on)."""

    def __post_init__(self) -> None:
        check_dns_label("ingress.ingress_class", self.ingress_class)
        if self.cluster_issuer is not None:
            check_dns_label("ingress.cluster_issuer", self.cluster_issuer)
        if self.issuer is not None:
            check_dns_label("ingress.issuer", self.issuer)
            if self.cluster_issuer is not None:
                raise ConfigError(
                    "ingress.issuer", self.issuer, f"set cluster_issuer=None too ({self.cluster_issuer!r} is set)"
                )
        size = self.max_body_size
        if not isinstance(size, str) or not size[:-1].isdigit() or size[-1] not in "kmg":
            raise ConfigError("ingress.max_body_size", size, "an nginx size such as '1m' or '512k'")
        check_bool("ingress.force_ssl_redirect", self.force_ssl_redirect)


class PublicIngress(Construct):
    """Ingress `<name>`: one rule per host, each path to a port of the Service
    `service`, one TLS section per set of hosts.

    `host` is one host with `/` to `http` (the profile's `ingress_host`); `routes`
    is several hosts, paths and TLS sections (the profile's `ingress_routes`). Give
    one of them. The certificates land in the Secrets `<name>-tls` (and
    `<name>-tls-<n>`), unless a section names its own; `tls_secret_names` lists them.

    Escape hatch: `api_object`, the `k8s.KubeIngress`.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: ServiceIdentity,
        service: str,
        options: IngressOptions,
        host: str | None = None,
        routes: IngressRoutes | None = None,
    ) -> None:
        super().__init__(scope, id)
        if routes is None:
            if host is None:
                raise ConfigError("ingress.host", host, "a host name, or routes")
            routes = IngressRoutes.single(host)
        elif host is not None:
            raise ConfigError("ingress.host", host, "a host or routes, not both")
        check_instance("ingress.routes", routes, IngressRoutes)
        annotations = {"nginx.ingress.kubernetes.io/proxy-body-size": options.max_body_size}
        if options.cluster_issuer is not None:
            annotations["cert-manager.io/cluster-issuer"] = options.cluster_issuer
        if options.issuer is not None:
            annotations["cert-manager.io/issuer"] = options.issuer
        if options.force_ssl_redirect:
            annotations["nginx.ingress.kubernetes.io/force-ssl-redirect"] = "true"
        tls = routes.tls_sections(identity.name)
        self.tls_secret_names = tuple(secret for _, secret in tls)
        """The Secret of each TLS section, in order."""
        self.tls_secret_name = self.tls_secret_names[0]
        """The first section's Secret (`<name>-tls` by default)."""
        self.ports = routes.ports
        """The Service ports the paths send traffic to (the NetworkPolicy admits the controller to them)."""
        self.api_object = k8s.KubeIngress(
            self,
            "Resource",
            metadata=k8s.ObjectMeta(name=identity.name, namespace=identity.namespace, annotations=annotations),
            spec=k8s.IngressSpec(
                ingress_class_name=options.ingress_class,
                tls=[k8s.IngressTls(hosts=list(hosts), secret_name=secret) for hosts, secret in tls],
                rules=[
                    k8s.IngressRule(
                        host=rule.host,
                        http=k8s.HttpIngressRuleValue(
                            paths=[
                                k8s.HttpIngressPath(
                                    path=path.path,
                                    path_type=path.path_type,
                                    backend=k8s.IngressBackend(
                                        service=k8s.IngressServiceBackend(
                                            name=service, port=k8s.ServiceBackendPort(name=path.port)
                                        )
                                    ),
                                )
                                for path in rule.paths
                            ]
                        ),
                    )
                    for rule in routes.hosts
                ],
            ),
        )
