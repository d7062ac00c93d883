"""RBAC rules on any Role, ClusterRole and binding, as the library holds its own to
them (`access.ApiRule`): no grant by wildcard, and no binding of `cluster-admin`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cdk8s_webservice.core.names import NO_WILDCARD, has_wildcard

from .model import Obj
from .registry import Fail, rule

LEAST_PRIVILEGE = "project: least privilege, as access.ApiRule refuses"
CLUSTER_ADMIN = "cluster-admin"


@rule(
    "rbac-no-wildcard",
    kinds=("Role", "ClusterRole"),
    reason="a grant of every verb, resource or API group (`*`), including those added later",
    source=f"{LEAST_PRIVILEGE} wildcards",
    checks="CKV_K8S_49; KSV044",
)
def no_wildcard(obj: Obj, fail: Fail) -> None:
    rules = obj.raw.get("rules")
    for i, grant in enumerate(rules if isinstance(rules, list) else []):
        grant = grant if isinstance(grant, Mapping) else {}
        for field in ("verbs", "resources", "apiGroups"):
            values: Any = grant.get(field)
            for value in values if isinstance(values, list) else []:
                if has_wildcard(value):
                    fail(f"rules[{i}].{field}", f"{value!r}: {NO_WILDCARD}")


@rule(
    "rbac-no-cluster-admin",
    kinds=("ClusterRoleBinding", "RoleBinding"),
    reason="a binding of cluster-admin: every permission on every resource (in a RoleBinding, in its namespace)",
    source=f"{LEAST_PRIVILEGE} anything but named reads",
    checks="KSV111",
)
def no_cluster_admin(obj: Obj, fail: Fail) -> None:
    ref = obj.raw.get("roleRef")
    ref = ref if isinstance(ref, Mapping) else {}
    if ref.get("kind") == "ClusterRole" and ref.get("name") == CLUSTER_ADMIN:
        fail("roleRef.name", f"{CLUSTER_ADMIN!r} grants everything: bind a Role that names what the subjects need")
