"""`ServiceAccount` alone: no token by default; least-privilege RBAC when asked."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cdk8s_webservice import ApiAccess, ApiRule, ConfigError, testing
from cdk8s_webservice.kinds.access import ServiceAccount


def test_without_access_only_a_service_account_that_mounts_nothing() -> None:
    chart = testing.chart()
    construct = ServiceAccount(chart, "sa", identity=testing.identity(), access=None)
    (account,) = testing.synth(chart)
    assert account["kind"] == "ServiceAccount" and account["automountServiceAccountToken"] is False
    assert construct.role is None and construct.role_binding is None
    assert construct.api_object.kind == "ServiceAccount"


def test_with_access_a_role_for_named_objects_only() -> None:
    chart = testing.chart()
    access = ApiAccess(rules=(ApiRule(resource="configmaps", names=("app-config",)),))
    construct = ServiceAccount(chart, "sa", identity=testing.identity(), access=access)
    objects = testing.synth(chart)
    role = testing.find(objects, "Role", "app")
    assert role["rules"] == [
        {
            "apiGroups": [""],
            "resources": ["configmaps"],
            "resourceNames": ["app-config"],
            "verbs": ["get", "list", "watch"],
        }
    ]
    assert testing.find(objects, "RoleBinding", "app")["roleRef"]["name"] == "app"
    assert construct.role is not None and construct.role_binding is not None


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: ApiRule(resource="*", names=("a",)), r"api_access.resource: '\*' is not allowed"),
        (lambda: ApiRule(resource="secrets", names=()), r"api_access\[secrets\].names: \(\) is not allowed"),
        (lambda: ApiRule(resource="pods", names=("a",), verbs=("delete",)), r"api_access\[pods\].verbs"),
        (lambda: ApiAccess(rules=()), r"api_access.rules: \(\) is not allowed; at least one rule"),
    ],
)
def test_bad_access_is_refused(build: Callable[[], object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        build()
