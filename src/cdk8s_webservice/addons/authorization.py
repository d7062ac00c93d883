"""Who may call a meshed service: `AllowRule`, one ALLOW rule of its AuthorizationPolicy.

A value (no cdk8s): `Istio.allow_rules` (mesh.py) makes the service's rules, and
`AuthorizationPolicy` (istio.py) writes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.values import check_port


@public
@dataclass(frozen=True)
class AllowRule:
    """One ALLOW rule: callers (by identity or by namespace) to container ports."""

    ports: tuple[int, ...]
    """Container ports the callers may reach."""
    principals: tuple[str, ...] = ()
    """Mesh identities (`<trust domain>/ns/<namespace>/sa/<service account>`)."""
    namespaces: tuple[str, ...] = ()
    """Namespaces any workload of which may call (by their mesh identity)."""

    def __post_init__(self) -> None:
        if not self.ports:
            raise ConfigError("authorization.ports", self.ports, "at least one port")
        for port in self.ports:
            check_port("authorization.ports", port)
        if not self.principals and not self.namespaces:
            # A rule without `from` admits every caller, authenticated or not.
            raise ConfigError("authorization.from", (), "at least one principal or namespace")
