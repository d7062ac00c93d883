"""What an environment's Ingress routes, as data: hosts, their paths, TLS sections.

Pure values (no jsii), so `EnvironmentProfile` can hold them; `PublicIngress`
renders them as one Ingress with one rule per host (Flagger's nginx router
shifts the weight of one Ingress, so a canary keeps working with several hosts).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.names import check_host_name, is_dns_subdomain
from cdk8s_webservice.core.values import check_instance

PATH_TYPES = ("Prefix", "Exact")
# An IANA service name, what a Service port name is: at most 15 characters, lower-case
# letters, digits and single '-' between them, at least one letter.
_PORT_NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# A URL path as ingress-nginx accepts it without regex mode: no spaces, no regex syntax.
_PATH = re.compile(r"/[A-Za-z0-9._~!&',;=:@%/-]*")


def _tuple_of(field_name: str, value: object, kind: type, what: str) -> tuple[object, ...]:
    if not isinstance(value, (tuple, list)) or not value:
        raise ConfigError(field_name, value, f"a non-empty tuple of {what}")
    for item in value:
        check_instance(field_name, item, kind, f"a non-empty tuple of {what}")
    return tuple(value)


@public
@dataclass(frozen=True)
class IngressPath:
    """One path of a host, sent to one port of the service's Service."""

    path: str = "/"
    """URL path, starting with `/` (default `/`: everything)."""
    path_type: str = "Prefix"
    """`Prefix` (default: the path and everything under it) or `Exact`.
    `ImplementationSpecific` is refused: its meaning depends on the controller."""
    port: str = "http"
    """Name of the Service port the path is sent to (default `http`, the service's
    HTTP port). The NetworkPolicy admits the ingress controller to every port named here."""

    def __post_init__(self) -> None:
        if not isinstance(self.path, str) or not _PATH.fullmatch(self.path) or "//" in self.path:
            raise ConfigError(
                "ingress.path", self.path, "a URL path starting with '/' (no spaces, no '//', no regular expression)"
            )
        if self.path_type not in PATH_TYPES:
            raise ConfigError("ingress.path_type", self.path_type, f"one of: {', '.join(PATH_TYPES)}")
        port = self.port
        if (
            not isinstance(port, str)
            or len(port) > 15
            or not _PORT_NAME.fullmatch(port)
            or not any(c.isalpha() for c in port)
        ):
            raise ConfigError(
                "ingress.port",
                port,
                "a Service port name: at most 15 lower-case letters, digits and '-', with a letter, such as 'http'",
            )


@public
@dataclass(frozen=True)
class IngressHost:
    """One host and the paths it serves."""

    host: str
    """Public DNS name (RFC 1123; no IP address, no wildcard)."""
    paths: tuple[IngressPath, ...] = (IngressPath(),)
    """Its paths (default: `/` as a prefix, to `http`); a path and path type appear once."""

    def __post_init__(self) -> None:
        check_host_name("ingress.host", self.host)
        paths = _tuple_of(f"ingress.{self.host}.paths", self.paths, IngressPath, "IngressPath")
        object.__setattr__(self, "paths", paths)
        seen: set[tuple[str, str]] = set()
        for path in self.paths:
            if (path.path, path.path_type) in seen:
                raise ConfigError(
                    f"ingress.{self.host}.paths", path.path, f"each path appears once per host ({path.path_type})"
                )
            seen.add((path.path, path.path_type))


@public
@dataclass(frozen=True)
class IngressTls:
    """One TLS section: a set of hosts and the Secret that holds their certificate."""

    hosts: tuple[str, ...]
    """Hosts the certificate covers; each a host of the routes, and in one section only."""
    secret_name: str | None = None
    """Secret of the certificate (DNS-1123 subdomain). Default: `<name>-tls` for the
    first section, `<name>-tls-<n>` for the n-th, which cert-manager fills in where
    `IngressOptions` names an issuer; without an issuer the Secret must exist."""

    def __post_init__(self) -> None:
        hosts = _tuple_of("ingress.tls.hosts", self.hosts, str, "host names")
        for host in hosts:
            check_host_name("ingress.tls.hosts", host)
        object.__setattr__(self, "hosts", hosts)
        if self.secret_name is not None and not is_dns_subdomain(self.secret_name):
            raise ConfigError(
                "ingress.tls.secret_name",
                self.secret_name,
                "a Secret name: a DNS-1123 subdomain (lower-case letters, digits, '-' and '.')",
            )


@public
@dataclass(frozen=True)
class IngressRoutes:
    """Hosts, paths and TLS of one environment's Ingress (one object, one rule per host).

    Every host is served over TLS: `tls` empty (the default) means one section for
    all hosts, in the Secret `<name>-tls` (what `ingress_host` gives too).
    """

    hosts: tuple[IngressHost, ...]
    """The hosts, each once, in the order rendered."""
    tls: tuple[IngressTls, ...] = field(default=())
    """TLS sections; together they cover every host exactly once (default: one for all)."""

    def __post_init__(self) -> None:
        hosts = _tuple_of("ingress.hosts", self.hosts, IngressHost, "IngressHost")
        object.__setattr__(self, "hosts", hosts)
        names = [h.host for h in self.hosts]
        for i, name in enumerate(names):
            if name in names[:i]:
                raise ConfigError("ingress.hosts", name, "each host appears once (give it several paths instead)")
        if not isinstance(self.tls, (tuple, list)):
            raise ConfigError("ingress.tls", self.tls, "a tuple of IngressTls")
        for section in self.tls:
            check_instance("ingress.tls", section, IngressTls, "a tuple of IngressTls")
        object.__setattr__(self, "tls", tuple(self.tls))
        covered: list[str] = [host for section in self.tls for host in section.hosts]
        for i, host in enumerate(covered):
            if host not in names:
                raise ConfigError("ingress.tls.hosts", host, f"a host of the routes ({', '.join(names)})")
            if host in covered[:i]:
                raise ConfigError("ingress.tls.hosts", host, "each host in one TLS section only")
        if self.tls and set(covered) != set(names):
            missing = [name for name in names if name not in covered]
            raise ConfigError("ingress.tls", missing, "TLS sections covering every host (HTTPS is forced)")
        secrets = [s.secret_name for s in self.tls if s.secret_name is not None]
        for i, secret in enumerate(secrets):
            if secret in secrets[:i]:
                raise ConfigError("ingress.tls.secret_name", secret, "a Secret of its own per TLS section")

    @classmethod
    def single(cls, host: str) -> IngressRoutes:
        """One host, `/` to `http`, one TLS section: what `EnvironmentProfile.ingress_host` means."""
        return cls(hosts=(IngressHost(host),))

    def tls_sections(self, service: str) -> list[tuple[tuple[str, ...], str]]:
        """(hosts, Secret name) per TLS section, with the defaults filled in."""
        sections: Sequence[IngressTls] = self.tls or (IngressTls(tuple(h.host for h in self.hosts)),)
        named = [
            (s.hosts, s.secret_name or (f"{service}-tls" if i == 0 else f"{service}-tls-{i + 1}"))
            for i, s in enumerate(sections)
        ]
        secrets = [secret for _, secret in named]
        for i, secret in enumerate(secrets):
            if secret in secrets[:i]:
                raise ConfigError("ingress.tls.secret_name", secret, "a Secret of its own per TLS section")
        return named

    @property
    def ports(self) -> tuple[str, ...]:
        """The Service ports the paths use, each once, in order of first use."""
        return tuple(dict.fromkeys(p.port for h in self.hosts for p in h.paths))
