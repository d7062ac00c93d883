"""`WebService`, `Service`, `ServiceNetworkPolicy` and `ServiceMonitor` with extra ports:
every object that depends on a port follows it, under each strategy, and the gate passes."""

from __future__ import annotations

from typing import Any

import pytest

from cdk8s_webservice import (
    ConfigError,
    ExtraContainer,
    NetworkAccess,
    PodOptions,
    Port,
    Resources,
    ServiceLevelObjectives,
    Strategy,
    WebService,
    WebServiceProps,
    testing,
)
from cdk8s_webservice.kinds.network import Service, ServiceNetworkPolicy
from cdk8s_webservice.observability.scraping import Scraping, ServiceMonitor

RESOURCES = Resources(cpu_request="10m", cpu_limit="50m", memory_request="16Mi", memory_limit="32Mi")
ADMIN = Port("admin", 8081, clients=("ops",))
EXPORTER = ExtraContainer(
    name="exporter",
    image="registry.example.com/exporter:v0.9.0",
    resources=RESOURCES,
    ports=(Port("exporter", 9113, scrape=True),),
)


def build(strategy: Strategy = Strategy.ROLLING, **pod: Any) -> tuple[WebService, list[dict[str, Any]]]:
    chart = testing.chart(testing.profile(strategy=strategy))
    web = WebService(
        chart,
        "app",
        props=WebServiceProps(
            name="app",
            image="registry.example.com/app",
            profile=chart.profile,
            slo=ServiceLevelObjectives(),
            pod=PodOptions(**pod),
        ),
    )
    return web, testing.synth(chart)


def ingress_ports(objects: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Port name -> namespaces the service's NetworkPolicy admits to it."""
    admitted: dict[str, set[str]] = {}
    for rule in testing.find(objects, "NetworkPolicy", "app")["spec"]["ingress"]:
        for port in rule["ports"]:
            for peer in rule["from"]:
                admitted.setdefault(port["port"], set()).add(peer["namespaceSelector"]["matchLabels"].popitem()[1])
    return admitted


@pytest.mark.parametrize("strategy", [Strategy.ROLLING, Strategy.BLUE_GREEN])
def test_extra_ports_follow_into_service_policy_and_monitor(strategy: Strategy) -> None:
    _, objects = build(strategy, ports=(ADMIN,), sidecars=(EXPORTER,))
    for service in testing.find_all(objects, "Service"):
        assert [(p["name"], p["port"], p["targetPort"]) for p in service["spec"]["ports"]][2:] == [
            ("admin", 8081, "admin"),
            ("exporter", 9113, "exporter"),
        ]
    admitted = ingress_ports(objects)
    assert admitted["admin"] == {"ops"}
    assert admitted["exporter"] == {"monitoring"}
    monitor = testing.find(objects, "ServiceMonitor", "app")
    assert [e["port"] for e in monitor["spec"]["endpoints"]] == ["metrics", "exporter"]
    assert testing.check(objects) == []


def test_canary_flagger_discovers_the_ports_and_the_gate_follows() -> None:
    web, objects = build(Strategy.CANARY, ports=(ADMIN,), sidecars=(EXPORTER,))
    assert web.service is None and web.canary is not None
    assert testing.find_all(objects, "Service") == []
    canary = testing.find(objects, "Canary", "app")
    assert canary["spec"]["service"]["portDiscovery"] is True
    deployment = testing.find(objects, "Deployment", "app")
    declared = [p["name"] for c in deployment["spec"]["template"]["spec"]["containers"] for p in c["ports"]]
    assert declared == ["http", "metrics", "admin", "exporter"]
    assert ingress_ports(objects)["exporter"] == {"monitoring"}
    assert [e["port"] for e in testing.find(objects, "ServiceMonitor", "app")["spec"]["endpoints"]] == [
        "metrics",
        "exporter",
    ]
    # The gate models Flagger's Services with the discovered ports: the scrape resolves.
    assert testing.check(objects) == []


def test_an_unexposed_port_stays_off_the_service() -> None:
    _, objects = build(ports=(Port("debug", 6060, expose=False),))
    assert [p["name"] for p in testing.find(objects, "Service", "app")["spec"]["ports"]] == ["http", "metrics"]
    assert "debug" not in ingress_ports(objects)
    assert testing.check(objects) == []


def test_a_service_port_other_than_the_container_port() -> None:
    _, objects = build(ports=(Port("admin", 8081, service_port=81, clients=("ops",)),))
    ports = testing.find(objects, "Service", "app")["spec"]["ports"]
    assert ports[-1] == {"name": "admin", "port": 81, "targetPort": "admin", "protocol": "TCP"}
    assert testing.check(objects) == []


def test_the_constructs_alone_follow_extra_ports() -> None:
    chart = testing.chart()
    ident = testing.identity()
    extra = (Port("admin", 8081, clients=("ops",)), Port("gossip", 7946, protocol="UDP", expose=False))
    Service(chart, "svc", identity=ident, service_port=80, metrics_port=9090, extra_ports=extra)
    ServiceNetworkPolicy(chart, "np", identity=ident, access=NetworkAccess(), extra_ports=extra)
    ServiceMonitor(chart, "sm", identity=ident, scraping=Scraping(), jobs=["app"], extra_ports=["admin"])
    objects = testing.synth(chart)
    assert [p["name"] for p in testing.find(objects, "Service", "app")["spec"]["ports"]] == ["http", "metrics", "admin"]
    rules = testing.find(objects, "NetworkPolicy", "app")["spec"]["ingress"]
    assert rules[-1]["ports"] == [{"port": "admin", "protocol": "TCP"}]
    assert [e["port"] for e in testing.find(objects, "ServiceMonitor", "app")["spec"]["endpoints"]] == [
        "metrics",
        "admin",
    ]


@pytest.mark.parametrize(
    ("strategy", "props", "message"),
    [
        (Strategy.ROLLING, {"ports": (Port("http", 8081),)}, r"ports\[http\].name: 'http' is not allowed"),
        (Strategy.ROLLING, {"ports": (Port("admin", 8080),)}, r"ports\[admin\].number: 8080 is not allowed"),
        (
            Strategy.ROLLING,
            {"ports": (Port("admin", 8081, service_port=80),)},
            r"ports\[admin\].service_port: 80 is not allowed; a port other than service_port",
        ),
        (
            Strategy.CANARY,
            {"ports": (Port("debug", 6060, expose=False),)},
            r"ports\[debug\].expose: False is not allowed; an exposed TCP port under the canary strategy",
        ),
        (
            Strategy.CANARY,
            {"ports": (Port("admin", 8081, service_port=81),)},
            r"ports\[admin\].service_port: 81 is not allowed; None or 8081 under the canary strategy",
        ),
        (Strategy.ROLLING, {"ports": [ADMIN]}, r"ports: \[.*\] is not allowed; a tuple of Port"),
    ],
)
def test_port_collisions_and_canary_limits_are_refused(strategy: Strategy, props: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        build(strategy, **props)


def test_service_monitor_refuses_metrics_twice() -> None:
    with pytest.raises(ConfigError, match=r"extra_ports: \['metrics'\] is not allowed"):
        ServiceMonitor(
            testing.chart(),
            "sm",
            identity=testing.identity(),
            scraping=Scraping(),
            jobs=["app"],
            extra_ports=["metrics"],
        )
