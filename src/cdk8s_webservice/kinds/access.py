"""Identity and access: a ServiceAccount per service, and least-privilege RBAC
only where the workload really talks to the Kubernetes API."""

from __future__ import annotations

from dataclasses import dataclass

from cdk8s_plus_27 import k8s
from constructs import Construct

from cdk8s_webservice.core.deprecation import deprecated_alias
from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.identity import ServiceIdentity
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.names import NO_WILDCARD, has_wildcard
from cdk8s_webservice.core.values import check_cidr, check_instance, check_int, check_port

READ_VERBS = ("get", "list", "watch")
"""The only verbs a service's Role may grant: it reads, it never changes the cluster."""


@public
@dataclass(frozen=True)
class ApiRule:
    """Read access to named objects of one resource type in the service's namespace.

    `names` is required: a Role for "all config maps" is not least privilege.
    (`list`/`watch` honour `resourceNames` only with `fieldSelector=metadata.name=<name>`,
    which is how a config watcher should ask.)
    """

    resource: str
    """One resource type, plural (`configmaps`); no wildcard."""
    names: tuple[str, ...]
    """The objects that may be read; required, no wildcard."""
    api_group: str = ""
    """API group of the resource (`""` for the core group)."""
    verbs: tuple[str, ...] = READ_VERBS
    """A subset of get, list, watch (the default: all three)."""

    def __post_init__(self) -> None:
        if not isinstance(self.resource, str) or not self.resource or has_wildcard(self.resource):
            raise ConfigError(
                "api_access.resource", self.resource, f"one named resource type such as 'configmaps'; {NO_WILDCARD}"
            )
        if (
            not isinstance(self.names, (tuple, list))
            or not self.names
            or any(not isinstance(n, str) or not n or has_wildcard(n) for n in self.names)
        ):
            raise ConfigError(
                f"api_access[{self.resource}].names", self.names, f"one or more object names; {NO_WILDCARD}"
            )
        if not isinstance(self.api_group, str) or has_wildcard(self.api_group):
            raise ConfigError(
                f"api_access[{self.resource}].api_group", self.api_group, f"an API group ('' for core); {NO_WILDCARD}"
            )
        extra = [v for v in self.verbs if v not in READ_VERBS]
        if not self.verbs or extra:
            raise ConfigError(
                f"api_access[{self.resource}].verbs", self.verbs, f"a non-empty subset of {', '.join(READ_VERBS)}"
            )


@public
@dataclass(frozen=True)
class ApiAccess:
    """The service needs the Kubernetes API: mount a short-lived token, grant `rules`,
    and open egress to the API server.

    NetworkPolicy sees traffic after the Service DNAT, so the port to open is the
    control plane's endpoint port (6443 by default), not the `kubernetes` Service's 443.
    """

    rules: tuple[ApiRule, ...]
    """What the service may read; at least one rule."""
    token_expiration_seconds: int = 3600
    """Token lifetime (default one hour): the kubelet rotates it, and a leaked token expires soon."""
    api_server_port: int = 6443
    """Port egress is opened on: the control plane's endpoint port (6443), not the `kubernetes` Service's 443."""
    api_server_cidr: str = "0.0.0.0/0"
    """Where the API server is; narrow it to the control plane's addresses where they are known."""

    def __post_init__(self) -> None:
        if not self.rules:
            raise ConfigError(
                "api_access.rules", self.rules, "at least one rule (leave api_access unset for no API access)"
            )
        for rule in self.rules:
            check_instance("api_access.rules", rule, ApiRule, "a tuple of ApiRule")
        check_int(
            "api_access.token_expiration_seconds",
            self.token_expiration_seconds,
            minimum=600,
            maximum=86400,
            allowed="600 to 86400 (Kubernetes' bounds)",
        )
        check_port("api_access.api_server_port", self.api_server_port)
        check_cidr("api_access.api_server_cidr", self.api_server_cidr)


class ServiceAccount(Construct):
    """ServiceAccount `<name>` (never auto-mounting a token), plus Role and
    RoleBinding `<name>` when `access` grants anything.

    Escape hatches: `api_object` (the `k8s.KubeServiceAccount`, the default child), `role`
    and `role_binding` (`k8s.KubeRole`, `k8s.KubeRoleBinding`, None without API access).
    """

    service_account = deprecated_alias("service_account", "api_object", "0.6.0")

    def __init__(self, scope: Construct, id: str, *, identity: ServiceIdentity, access: ApiAccess | None) -> None:
        super().__init__(scope, id)
        self.service_account_name = identity.name
        metadata = k8s.ObjectMeta(name=identity.name, namespace=identity.namespace, labels=identity.selector)
        self.api_object = k8s.KubeServiceAccount(
            self, "Resource", metadata=metadata, automount_service_account_token=False
        )
        self.role: k8s.KubeRole | None = None
        self.role_binding: k8s.KubeRoleBinding | None = None
        if access is None:
            return
        self.role = k8s.KubeRole(
            self,
            "role",
            metadata=metadata,
            rules=[
                k8s.PolicyRule(
                    api_groups=[rule.api_group],
                    resources=[rule.resource],
                    resource_names=list(rule.names),
                    verbs=list(rule.verbs),
                )
                for rule in access.rules
            ],
        )
        self.role_binding = k8s.KubeRoleBinding(
            self,
            "role-binding",
            metadata=metadata,
            role_ref=k8s.RoleRef(api_group="rbac.authorization.k8s.io", kind="Role", name=identity.name),
            subjects=[k8s.Subject(kind="ServiceAccount", name=identity.name, namespace=identity.namespace)],
        )
