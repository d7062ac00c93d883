"""Public HTTPS entry through the ingress controller, with a cert-manager certificate."""

from __future__ import annotations

from dataclasses import dataclass

from cdk8s_plus_27 import k8s
from constructs import Construct

from .errors import ConfigError
from .identity import ServiceIdentity
from .names import check_dns_label, check_host_name
from .values import check_bool


@dataclass(frozen=True)
class IngressOptions:
    """How the environment's `ingress_host` is served.

    Defaults: ingress-nginx, HTTPS forced, a certificate from the ClusterIssuer
    `letsencrypt-prod` (DNS-01, so no solver pod has to pass the namespace's
    default-deny policy), 1 MiB request bodies.
    """

    ingress_class: str = "nginx"
    """IngressClass to use (default `nginx`)."""
    cluster_issuer: str = "letsencrypt-prod"
    """cert-manager ClusterIssuer for the TLS certificate (default `letsencrypt-prod`)."""
    max_body_size: str = "1m"
    """Largest request body the controller accepts (default `1m`)."""
    force_ssl_redirect: bool = True
    """Redirect HTTP to HTTPS (default on)."""

    def __post_init__(self) -> None:
        check_dns_label("ingress.ingress_class", self.ingress_class)
        check_dns_label("ingress.cluster_issuer", self.cluster_issuer)
        size = self.max_body_size
        if not isinstance(size, str) or not size[:-1].isdigit() or size[-1] not in "kmg":
            raise ConfigError("ingress.max_body_size", size, "an nginx size such as '1m' or '512k'")
        check_bool("ingress.force_ssl_redirect", self.force_ssl_redirect)


class PublicIngress(Construct):
    """Ingress `<name>` routing `host` to the Service's `http` port over TLS.

    The certificate lands in the Secret `<name>-tls`, issued by cert-manager.

    Escape hatch: `api_object`, the `k8s.KubeIngress`.
    """

    def __init__(
        self, scope: Construct, id: str, *, identity: ServiceIdentity, host: str, service: str, options: IngressOptions
    ) -> None:
        super().__init__(scope, id)
        check_host_name("ingress.host", host)
        annotations = {
            "cert-manager.io/cluster-issuer": options.cluster_issuer,
            "nginx.ingress.kubernetes.io/proxy-body-size": options.max_body_size,
        }
        if options.force_ssl_redirect:
            annotations["nginx.ingress.kubernetes.io/force-ssl-redirect"] = "true"
        self.tls_secret_name = identity.derived_name("tls")
        self.api_object = k8s.KubeIngress(
            self,
            "ingress",
            metadata=k8s.ObjectMeta(name=identity.name, namespace=identity.namespace, annotations=annotations),
            spec=k8s.IngressSpec(
                ingress_class_name=options.ingress_class,
                tls=[k8s.IngressTls(hosts=[host], secret_name=self.tls_secret_name)],
                rules=[
                    k8s.IngressRule(
                        host=host,
                        http=k8s.HttpIngressRuleValue(
                            paths=[
                                k8s.HttpIngressPath(
                                    path="/",
                                    path_type="Prefix",
                                    backend=k8s.IngressBackend(
                                        service=k8s.IngressServiceBackend(
                                            name=service, port=k8s.ServiceBackendPort(name="http")
                                        )
                                    ),
                                )
                            ]
                        ),
                    )
                ],
            ),
        )
