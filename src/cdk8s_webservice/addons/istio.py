"""Istio's policy objects for one service: `PeerAuthentication` (mutual TLS required) and
`AuthorizationPolicy` (who may call which port), both selecting only the service's pods.

`Istio.secure` (see `mesh.py`) builds them as `IstioPolicies`; each is usable alone. The
rules are values (`authorization.AllowRule`), so profiles and the mesh import them without cdk8s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cdk8s import ApiObjectMetadata
from constructs import Construct

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.identity import ServiceIdentity
from cdk8s_webservice_crds.io.istio import security

from .authorization import AllowRule


class PeerAuthentication(Construct):
    """PeerAuthentication `<name>`: the service's pods (primary and canary alike, by the
    workload selector) accept mutual TLS only (STRICT), whatever the mesh's default.

    Escape hatch: `api_object`, the generated `PeerAuthentication` binding.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: ServiceIdentity,
        name: str | None = None,
        selector: Mapping[str, str] | None = None,
    ) -> None:
        """`name` and `selector` (default: the service's name and workload selector) for
        other pods of the service, such as its in-cluster load test."""
        super().__init__(scope, id)
        self.api_object = security.PeerAuthentication(
            self,
            "Resource",
            metadata=ApiObjectMetadata(name=name or identity.name, namespace=identity.namespace),
            spec=security.PeerAuthenticationSpec(
                selector=security.PeerAuthenticationSpecSelector(
                    match_labels=dict(selector or identity.workload_selector)
                ),
                mtls=security.PeerAuthenticationSpecMtls(mode=security.PeerAuthenticationSpecMtlsMode.STRICT),
            ),
        )


class AuthorizationPolicy(Construct):
    """AuthorizationPolicy `<name>` (ALLOW) for the service's pods: only `rules` are allowed.
    Once an ALLOW policy selects a workload, Istio denies every request no rule matches.

    Escape hatch: `api_object`, the generated `AuthorizationPolicy` binding.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: ServiceIdentity,
        rules: Sequence[AllowRule],
        name: str | None = None,
        selector: Mapping[str, str] | None = None,
    ) -> None:
        """`name` and `selector` as for `PeerAuthentication`."""
        super().__init__(scope, id)
        if not rules:
            # An ALLOW policy without rules denies everything: never what a service wants.
            raise ConfigError("authorization.rules", list(rules), "at least one AllowRule")
        self.api_object = security.AuthorizationPolicy(
            self,
            "Resource",
            metadata=ApiObjectMetadata(name=name or identity.name, namespace=identity.namespace),
            spec=security.AuthorizationPolicySpec(
                selector=security.AuthorizationPolicySpecSelector(
                    match_labels=dict(selector or identity.workload_selector)
                ),
                action=security.AuthorizationPolicySpecAction.ALLOW,
                rules=[
                    security.AuthorizationPolicySpecRules(
                        from_=[
                            security.AuthorizationPolicySpecRulesFrom(
                                source=security.AuthorizationPolicySpecRulesFromSource(
                                    principals=list(rule.principals) or None,
                                    namespaces=list(rule.namespaces) or None,
                                )
                            )
                        ],
                        to=[
                            security.AuthorizationPolicySpecRulesTo(
                                operation=security.AuthorizationPolicySpecRulesToOperation(
                                    ports=[str(port) for port in rule.ports]
                                )
                            )
                        ],
                    )
                    for rule in rules
                ],
            ),
        )


class IstioPolicies(Construct):
    """The service's Istio policies: `peer_authentication` (`PeerAuthentication`, STRICT) and
    `authorization_policy` (`AuthorizationPolicy` with `rules`, as `Istio.allow_rules` makes them)."""

    def __init__(self, scope: Construct, id: str, *, identity: ServiceIdentity, rules: Sequence[AllowRule]) -> None:
        super().__init__(scope, id)
        self.peer_authentication = PeerAuthentication(self, "mtls", identity=identity)
        self.authorization_policy = AuthorizationPolicy(self, "authorization", identity=identity, rules=rules)
