"""Mesh reachability (`gate/reachability.py`): the NetworkPolicy model on its own, the
load test as 0.5.0 shipped it refused, and the fixed one passing."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from conftest import find
from test_gate_mesh import _k6_in_mesh

from cdk8s_webservice.gate import Gate
from cdk8s_webservice.gate.model import Folder, PodSet
from cdk8s_webservice.gate.reachability import DNS, ISTIOD, reaches

POD = PodSet("web", {"app": "web"}, ())


def _reaches(*policies: dict[str, Any], target: Any = ISTIOD) -> bool:
    objects = [
        {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": f"p{i}", "namespace": "ns"}, "spec": spec}
        for i, spec in enumerate(policies)
    ]  # fmt: skip
    folder = Folder(objects, ingress_namespace="ingress-nginx", monitoring_namespace="monitoring")
    return reaches(folder.model("ns"), "ns", POD, target)


ISTIO_SYSTEM = {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "istio-system"}}}
EGRESS = ["Egress"]


@pytest.mark.parametrize(
    "policies, expected",
    [
        ((), True),  # no policy: not isolated
        (({"podSelector": {}, "policyTypes": ["Ingress"]},), True),  # isolates ingress only
        (({"podSelector": {}, "policyTypes": EGRESS},), False),  # default deny
        (({"podSelector": {}, "egress": []},), False),  # no policyTypes, an egress section: isolated
        (({"podSelector": {"matchLabels": {"app": "other"}}, "policyTypes": EGRESS},), True),  # not this pod
        (({"podSelector": {}, "policyTypes": EGRESS, "egress": [{}]},), True),  # allow all
        (({"podSelector": {}, "policyTypes": EGRESS, "egress": [{"to": [ISTIO_SYSTEM]}]},), True),  # every port
        (({"podSelector": {}, "policyTypes": EGRESS, "egress": [{"to": [ISTIO_SYSTEM], "ports": [{"port": 15012}]}]},), True),
        (({"podSelector": {}, "policyTypes": EGRESS, "egress": [{"to": [ISTIO_SYSTEM], "ports": [{"port": 15010, "endPort": 15014}]}]},), True),
        (({"podSelector": {}, "policyTypes": EGRESS, "egress": [{"to": [ISTIO_SYSTEM], "ports": [{"port": 15012, "protocol": "UDP"}]}]},), False),
        (({"podSelector": {}, "policyTypes": EGRESS, "egress": [{"to": [ISTIO_SYSTEM], "ports": [{"port": 15017}]}]},), False),
        (({"podSelector": {}, "policyTypes": EGRESS, "egress": [{"to": [ISTIO_SYSTEM], "ports": [{"port": "grpc-xds"}]}]},), False),  # a name the gate cannot resolve
        (({"podSelector": {}, "policyTypes": EGRESS, "egress": [{"to": [{"ipBlock": {"cidr": "0.0.0.0/0"}}]}]},), False),  # ipBlock: not pods
        (({"podSelector": {}, "policyTypes": EGRESS, "egress": [{"to": [{"podSelector": {}}]}]},), False),  # own namespace only
        (({"podSelector": {}, "policyTypes": EGRESS, "egress": [{"to": [{**ISTIO_SYSTEM, "podSelector": {"matchLabels": {"app": "istiod"}}}]}]},), True),
        (({"podSelector": {}, "policyTypes": EGRESS, "egress": [{"to": [{**ISTIO_SYSTEM, "podSelector": {"matchLabels": {"app": "ztunnel"}}}]}]},), False),
        # Two policies: the union of their rules.
        (({"podSelector": {}, "policyTypes": EGRESS}, {"podSelector": {"matchLabels": {"app": "web"}}, "policyTypes": EGRESS, "egress": [{"to": [ISTIO_SYSTEM]}]}), True),
    ],
)  # fmt: skip
def test_egress_follows_networkpolicy_semantics(policies: tuple[dict[str, Any], ...], expected: bool) -> None:
    assert _reaches(*policies) is expected


def test_dns_needs_udp_and_tcp_53_to_kube_dns() -> None:
    kube_dns = {
        "namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "kube-system"}},
        "podSelector": {"matchLabels": {"k8s-app": "kube-dns"}},
    }
    udp_only = {"podSelector": {}, "policyTypes": EGRESS, "egress": [{"to": [kube_dns], "ports": [{"port": 53, "protocol": "UDP"}]}]}  # fmt: skip
    udp, tcp = DNS
    assert _reaches(udp_only, target=udp) and not _reaches(udp_only, target=tcp)


def test_the_load_test_of_0_5_0_is_refused(manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]]) -> None:
    """The k6 pods in the mesh (as 0.5.0 shipped them): their NetworkPolicy keeps them from
    istiod, and admits the k6-operator to port 6565 where the mesh admits only the namespace."""
    broken = copy.deepcopy(objects["staging"])
    _k6_in_mesh(broken)
    found = {(v.kind, v.name, v.rule, v.message) for v in manifest_gate.check("staging", broken)}
    for role in ("initializer", "starter", "runner"):
        assert (
            "Namespace",
            "blacklist-staging",
            "mesh-control-plane-reachable",
            f"no NetworkPolicy egress lets the pods of blacklist-load-test-{role} reach istiod (istio-system TCP 15012)",
        ) in found
        assert (
            "NetworkPolicy",
            "blacklist-load-test",
            "mesh-network-authorized",
            f"namespace k6-operator-system admitted to blacklist-load-test-{role}:6565, "
            "but no ALLOW AuthorizationPolicy lets it in",
        ) in found
    # The pods without the sidecar are out of the mesh's policies (mTLS, authorization) too.
    assert {v.rule for v in manifest_gate.check("staging", objects["staging"])} == set()


def test_the_sidecars_own_ports_are_not_authorization_policy_business(
    manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]]
) -> None:
    """Prometheus scrapes Envoy's 15090 (admitted by the NetworkPolicy), which no
    AuthorizationPolicy governs; admitting it on the service's port would need one."""
    staging = objects["staging"]
    ports = [
        p["port"] for rule in find(staging, "NetworkPolicy", "blacklist")["spec"]["ingress"] for p in rule["ports"]
    ]
    assert 15090 in ports
    broken = copy.deepcopy(staging)
    for rule in find(broken, "NetworkPolicy", "blacklist")["spec"]["ingress"]:
        if rule["ports"][0]["port"] == 15090:
            rule["ports"][0]["port"] = "http"
    found = [str(v) for v in manifest_gate.check("staging", broken) if v.rule == "mesh-network-authorized"]
    assert found == [
        "staging: NetworkPolicy/blacklist: spec.ingress.from: [mesh-network-authorized] namespace monitoring "
        "admitted to blacklist-blue:http, but no ALLOW AuthorizationPolicy lets it in",
        "staging: NetworkPolicy/blacklist: spec.ingress.from: [mesh-network-authorized] namespace monitoring "
        "admitted to blacklist-green:http, but no ALLOW AuthorizationPolicy lets it in",
    ]
