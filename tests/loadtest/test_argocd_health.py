"""The TestRun health check (`argocd_health`), as shipped in dist/argocd-config/, run by a
real Lua 5.1 engine (Argo CD's gopher-lua implements Lua 5.1) over the statuses the
k6-operator reports: the load test's verdict holds or fails the sync."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from appset_expand import expand, registered
from conftest import ROOT

from cdk8s_webservice.gitops.argocd_health import HEALTH_KEY
from charts.environments import CLUSTERS as TARGETS

SHIPPED = ROOT / "dist/argocd-config/configmap-argocd-cm.yaml"


def _lua() -> Any:
    try:
        from lupa import lua51
    except ImportError:  # pragma: no cover - the test extra installs it
        pytest.fail("no Lua engine: install the test extra (pip install -e '.[test]', as `make test` does)")
    return lua51.LuaRuntime(unpack_returned_tuples=True)


def _health(status: dict[str, Any] | None) -> tuple[str, str]:
    """(status, message) of the shipped script on a TestRun with `status`, run as Argo CD
    runs it: the object as the global `obj`, the script's returned table its verdict."""
    config = yaml.safe_load(SHIPPED.read_text())
    lua = _lua()
    test_run: dict[str, Any] = {"apiVersion": "k6.io/v1alpha1", "kind": "TestRun", "metadata": {"name": "t"}}
    if status is not None:
        test_run["status"] = status
    lua.globals().obj = _to_lua(lua, test_run)
    result = lua.execute(config["data"][HEALTH_KEY])
    return str(result["status"]), str(result["message"])


def _to_lua(lua: Any, value: Any) -> Any:
    if isinstance(value, dict):
        return lua.table_from({k: _to_lua(lua, v) for k, v in value.items()})
    if isinstance(value, list):
        return lua.table_from([_to_lua(lua, v) for v in value])
    return value


def _condition(kind: str, status: str, reason: str = "") -> dict[str, str]:
    return {"type": kind, "status": status, "reason": reason, "message": reason}


@pytest.mark.parametrize(
    "status, expected",
    [
        (None, "Progressing"),  # just created: the operator has not seen it yet
        ({}, "Progressing"),
        ({"stage": "initialization"}, "Progressing"),
        ({"stage": "initialized"}, "Progressing"),
        ({"stage": "created"}, "Progressing"),
        ({"stage": "started", "conditions": [_condition("TestRunRunning", "True")]}, "Progressing"),
        ({"stage": "stopped"}, "Progressing"),
        ({"stage": "finished", "conditions": [_condition("TestRunRunning", "False")]}, "Healthy"),
        ({"stage": "error"}, "Degraded"),  # the initializer failed: the script does not run
        ({"stage": "finished", "conditions": [_condition("CloudTestRunAborted", "True", "thresholds")]}, "Degraded"),
        ({"stage": "finished", "conditions": [_condition("CloudTestRunAborted", "False")]}, "Healthy"),
        ({"stage": "paused"}, "Degraded"),  # a stage this script does not know fails closed
    ],
)
def test_the_health_of_a_test_run(status: dict[str, Any] | None, expected: str) -> None:
    assert _health(status)[0] == expected


def test_the_messages_say_why() -> None:
    assert _health({"stage": "error"})[1].startswith("The k6 test could not run")
    assert _health({"stage": "started"})[1] == "The k6 test is at stage started"


def test_no_application_syncs_the_argocd_cm_patch(objects: dict[str, list[dict[str, Any]]]) -> None:
    """Shipped only where a TestRun is, in a folder no Application or ApplicationSet syncs
    (an Application owning argocd-cm would replace Argo CD's configuration with one key)."""
    shipped = yaml.safe_load(SHIPPED.read_text())
    assert (shipped["kind"], shipped["metadata"]["name"], shipped["metadata"]["namespace"]) == (
        "ConfigMap",
        "argocd-cm",
        "argocd",
    )
    assert list(shipped["data"]) == [HEALTH_KEY]
    # The paths the Applications sync, and those the ApplicationSet makes for production's
    # clusters as they are registered (docs/multi-cluster.md).
    (appset,) = (o for o in objects["argocd-applicationset"] if o["kind"] == "ApplicationSet")
    registry = [
        registered(c.name, {"environment": "production", "region": c.region or ""})
        for c in TARGETS["production"].clusters
    ]
    applications = [o for o in objects["argocd"] if o["kind"] == "Application"]
    paths = {a["spec"]["source"]["path"] for a in [*applications, *expand(appset, registry).values()]}
    assert paths and all(not Path(p).is_relative_to("dist/argocd-config") for p in paths), paths
    assert all(p.startswith(("dist/development", "dist/staging", "dist/production")) for p in paths), paths
    hooks = [o for env in ("staging",) for o in objects[env] if o["kind"] == "TestRun"]
    assert hooks and all(o["metadata"]["annotations"]["argocd.argoproj.io/hook"] == "PostSync" for o in hooks)
