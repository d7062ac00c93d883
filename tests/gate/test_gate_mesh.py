"""The gate's service-mesh rules (`gate/mesh.py`): each catches a deliberately broken
meshed environment of blacklist (staging and production run Istio), and the
unbroken ones pass. `MESH_CASES` counts in `test_every_rule_has_a_negative_test`."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from conftest import find

from cdk8s_webservice.gate import Gate

Objects = list[dict[str, Any]]


def _peer(o: Objects) -> dict[str, Any]:
    return find(o, "PeerAuthentication", "blacklist")


def _authz(o: Objects) -> dict[str, Any]:
    return find(o, "AuthorizationPolicy", "blacklist")


def _other_pods(o: Objects) -> None:
    """Another service's Deployment in the namespace, its labels partly shared."""
    other = copy.deepcopy(find(o, "Deployment", "blacklist"))
    other["metadata"]["name"] = "other"
    for labels in (other["spec"]["selector"]["matchLabels"], other["spec"]["template"]["metadata"]["labels"]):
        labels["app.kubernetes.io/name"] = "other"
    other["spec"]["template"]["metadata"]["labels"]["app.kubernetes.io/part-of"] = "other"
    o.append(other)


def _routing(kind: str, name: str) -> Callable[[Objects], None]:
    def ship(o: Objects) -> None:
        o.append(
            {
                "apiVersion": "networking.istio.io/v1",
                "kind": kind,
                "metadata": {"name": name, "namespace": "blacklist"},
                "spec": {"host": "blacklist"},
            }
        )

    return ship


def _no_peer(o: Objects) -> None:
    o.remove(_peer(o))


def _no_authz(o: Objects) -> None:
    o.remove(_authz(o))


def _selects_another_service(o: Objects) -> None:
    _other_pods(o)
    _authz(o)["spec"]["selector"]["matchLabels"] = {"environment": "production"}


def _k6_in_mesh(o: Objects) -> None:
    """Today's (0.5.0) load test: the k6 pods get a sidecar."""
    test_run = find(o, "TestRun", "blacklist-load-test")
    for role in ("initializer", "starter", "runner"):
        test_run["spec"][role]["metadata"]["labels"].pop("sidecar.istio.io/inject")


def _no_istiod(o: Objects) -> None:
    policy = find(o, "NetworkPolicy", "blacklist")
    policy["spec"]["egress"] = [e for e in policy["spec"]["egress"] if e["ports"][0]["port"] != 15012]


def _admit_logging(o: Objects) -> None:
    find(o, "NetworkPolicy", "blacklist")["spec"]["ingress"][0]["from"].append(
        {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "logging"}}}
    )


# (rule, environment, how to break it, (kind, name, field) reported)
MESH_CASES: list[tuple[str, str, Callable[[Objects], None], tuple[str, str, str]]] = [
    ("mesh-mtls-strict", "production", lambda o: _peer(o)["spec"]["mtls"].update(mode="PERMISSIVE"), ("PeerAuthentication", "blacklist", "spec.mtls.mode")),
    ("mesh-mtls-strict", "staging", lambda o: _peer(o)["spec"]["mtls"].update(mode="DISABLE"), ("PeerAuthentication", "blacklist", "spec.mtls.mode")),
    ("mesh-mtls-strict", "staging", lambda o: _peer(o)["spec"].pop("mtls"), ("PeerAuthentication", "blacklist", "spec.mtls.mode")),
    ("mesh-mtls-strict", "production", lambda o: _peer(o)["spec"].update(portLevelMtls={"9090": {"mode": "PERMISSIVE"}}), ("PeerAuthentication", "blacklist", "spec.portLevelMtls.9090.mode")),
    ("mesh-injection", "production", lambda o: find(o, "Namespace", "blacklist")["metadata"]["labels"].pop("istio-injection"), ("Namespace", "blacklist", "metadata.labels")),
    ("mesh-injection", "staging", lambda o: find(o, "Deployment", "blacklist-blue")["spec"]["template"]["metadata"].setdefault("annotations", {}).update({"sidecar.istio.io/inject": "false"}), ("Namespace", "blacklist-staging", "metadata.labels")),
    ("mesh-mtls-required", "production", _no_peer, ("Namespace", "blacklist", "metadata.labels")),
    ("mesh-mtls-required", "staging", lambda o: _peer(o)["spec"]["selector"]["matchLabels"].update({"colour": "blue"}), ("Namespace", "blacklist-staging", "metadata.labels")),
    ("mesh-authorization-required", "production", _no_authz, ("Namespace", "blacklist", "metadata.labels")),
    ("mesh-authorization-required", "staging", lambda o: _authz(o)["spec"].update(action="DENY"), ("Namespace", "blacklist-staging", "metadata.labels")),
    ("mesh-authorization-selector", "production", lambda o: _authz(o)["spec"].pop("selector"), ("AuthorizationPolicy", "blacklist", "spec.selector")),
    ("mesh-authorization-selector", "production", lambda o: _authz(o)["spec"]["selector"]["matchLabels"].update({"app.kubernetes.io/component": "worker"}), ("AuthorizationPolicy", "blacklist", "spec.selector.matchLabels")),
    ("mesh-authorization-selector", "production", _selects_another_service, ("AuthorizationPolicy", "blacklist", "spec.selector.matchLabels")),
    ("mesh-callers-admitted", "production", lambda o: _authz(o)["spec"]["rules"][2]["from"][0]["source"].update(namespaces=["logging"]), ("AuthorizationPolicy", "blacklist", "spec.rules[2].from")),
    ("mesh-callers-admitted", "staging", lambda o: _authz(o)["spec"]["rules"][0]["from"][0]["source"].update(principals=["cluster.local/ns/edge/sa/gateway"]), ("AuthorizationPolicy", "blacklist", "spec.rules[0].from")),
    ("mesh-canary-provider", "production", lambda o: find(o, "Canary", "blacklist")["spec"].update(provider="kubernetes"), ("Canary", "blacklist", "spec.provider")),
    ("mesh-control-plane-reachable", "production", _no_istiod, ("Namespace", "blacklist", "metadata.labels.istio-injection")),
    ("mesh-control-plane-reachable", "staging", _k6_in_mesh, ("Namespace", "blacklist-staging", "metadata.labels.istio-injection")),
    ("mesh-network-authorized", "production", _admit_logging, ("NetworkPolicy", "blacklist", "spec.ingress.from")),
    ("mesh-network-authorized", "staging", _k6_in_mesh, ("NetworkPolicy", "blacklist-load-test", "spec.ingress.from")),
    ("flagger-generated", "production", _routing("VirtualService", "blacklist"), ("VirtualService", "blacklist", "metadata.name")),
    ("flagger-generated", "production", _routing("DestinationRule", "blacklist-canary"), ("DestinationRule", "blacklist-canary", "metadata.name")),
]  # fmt: skip


@pytest.mark.parametrize("rule, env, breaks, where", MESH_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(MESH_CASES)])
def test_each_mesh_rule_catches_its_violation(
    manifest_gate: Gate,
    objects: dict[str, list[dict[str, Any]]],
    rule: str,
    env: str,
    breaks: Callable[[Objects], None],
    where: tuple[str, str, str],
) -> None:
    broken = copy.deepcopy(objects[env])
    breaks(broken)
    found = {(v.kind, v.name, v.field, v.rule) for v in manifest_gate.check(env, broken)}
    assert (*where, rule) in found, sorted(found)


@pytest.mark.parametrize("env", ["staging", "production"])
def test_meshed_environments_pass_and_are_checked(
    manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]], env: str
) -> None:
    """The committed meshed environments pass; their Namespace is what marks them meshed."""
    assert manifest_gate.check(env, objects[env]) == []
    namespace = find(objects[env], "Namespace")
    assert namespace["metadata"]["labels"]["istio-injection"] == "enabled"


def test_an_unmeshed_environment_is_not_held_to_the_mesh_rules(
    manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]]
) -> None:
    """Without the injection label, a PERMISSIVE PeerAuthentication (a migration step) or a
    Canary on another provider is not the mesh rules' business."""
    broken = copy.deepcopy(objects["production"])
    find(broken, "Namespace")["metadata"]["labels"].pop("istio-injection")
    _peer(broken)["spec"]["mtls"]["mode"] = "PERMISSIVE"
    find(broken, "Canary", "blacklist")["spec"]["provider"] = "kubernetes"
    assert manifest_gate.check("production", broken) == []


def test_a_revision_label_marks_the_namespace_meshed(
    manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]]
) -> None:
    broken = copy.deepcopy(objects["staging"])
    labels = find(broken, "Namespace")["metadata"]["labels"]
    labels.pop("istio-injection")
    labels["istio.io/rev"] = "stable"
    _no_peer(broken)
    assert ("Namespace", "mesh-mtls-required") in {(v.kind, v.rule) for v in manifest_gate.check("staging", broken)}


def test_flagger_generates_routing_only_under_the_istio_provider(
    manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]]
) -> None:
    """A DestinationRule of another name is the project's own: only the schema decides
    (no CRD for networking.istio.io is vendored, so it is an unknown kind)."""
    broken = copy.deepcopy(objects["production"])
    _routing("DestinationRule", "blacklist-cache")(broken)
    rules = {v.rule for v in manifest_gate.check("production", broken)}
    assert "flagger-generated" not in rules and "schema/known-kind" in rules
