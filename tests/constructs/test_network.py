"""`Service`, `ServiceNetworkPolicy` and `DefaultDenyNetworkPolicy` alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cdk8s_webservice import ConfigError, EgressRule, NetworkAccess, testing
from cdk8s_webservice.kinds.network import DefaultDenyNetworkPolicy, Service, ServiceNetworkPolicy


def test_service_exposes_http_and_metrics_and_selects_the_pods() -> None:
    ident = testing.identity()
    chart = testing.chart()
    construct = Service(chart, "svc", identity=ident, service_port=80, metrics_port=9090)
    obj = testing.find(testing.synth(chart), "Service", "app")
    assert [(p["name"], p["port"], p["targetPort"]) for p in obj["spec"]["ports"]] == [
        ("http", 80, "http"),
        ("metrics", 9090, "metrics"),
    ]
    assert obj["metadata"]["labels"]["prometheus.io/job"] == "app"
    assert testing.selects(obj["spec"]["selector"], ident.pod_labels)
    assert construct.api_object.kind == "Service" and construct.name == "app"


def test_service_ports_may_not_share_a_number() -> None:
    with pytest.raises(ConfigError, match=r"service_port: 9090 is not allowed; a port other than metrics_port"):
        Service(testing.chart(), "svc", identity=testing.identity(), service_port=9090, metrics_port=9090)


def test_network_policy_admits_what_is_listed() -> None:
    ident = testing.identity()
    chart = testing.chart()
    access = NetworkAccess(ingress_namespace=None, egress=(EgressRule(port=5432, cidr="10.0.0.0/8"),))
    construct = ServiceNetworkPolicy(chart, "np", identity=ident, access=access)
    spec = testing.find(testing.synth(chart), "NetworkPolicy", "app")["spec"]
    assert testing.selects(spec["podSelector"], ident.pod_labels)
    assert [rule["ports"][0]["port"] for rule in spec["ingress"]] == ["metrics"]
    assert spec["egress"][-1]["to"] == [{"ipBlock": {"cidr": "10.0.0.0/8"}}]
    assert construct.api_object.kind == "NetworkPolicy"


def test_default_deny_selects_every_pod_both_ways() -> None:
    chart = testing.chart()
    construct = DefaultDenyNetworkPolicy(chart, "deny", namespace="test")
    spec = testing.find(testing.synth(chart), "NetworkPolicy", "default-deny-all")["spec"]
    assert spec == {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}
    assert construct.api_object.kind == "NetworkPolicy"


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: EgressRule(port=53), r"egress: .* is not allowed; exactly one of cidr or namespace"),
        (lambda: EgressRule(port=0, cidr="10.0.0.0/8"), r"egress.port: 0 is not allowed"),
        (lambda: NetworkAccess(monitoring_namespace="Mon"), r"network.monitoring_namespace: 'Mon' is not allowed"),
    ],
)
def test_bad_network_props_are_refused(build: Callable[[], object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        build()
