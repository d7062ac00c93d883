"""Ports and the traffic that uses them: a Service's target ports resolve (see
`ports`), scrape and Ingress backend ports exist, the NetworkPolicies admit the
ingress controller and Prometheus where they need to go (see `admission`), and
ports are unique per Service and per container."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .admission import unadmitted
from .model import Backend, Obj, ServiceView, ingress_backends, scrape_ports
from .pods import containers
from .ports import duplicates, resolve
from .references import API_SERVER, PROJECT, TARGET_REASON, TARGET_SOURCE
from .registry import POD_BEARING, Fail, rule
from .selectors import selected_pods, selected_services


@rule(
    "service-target-port",
    kinds=("Service",),
    reason="a Service port that leads to no container port",
    source=f"{PROJECT}: a named targetPort resolves as the endpoints controller resolves it; a number must be declared",
)
def service_target_ports(obj: Obj, fail: Fail) -> None:
    pods = selected_pods(obj.model, obj.spec.get("selector"))
    for port in obj.spec.get("ports", []):
        target, protocol = port.get("targetPort", port["port"]), port.get("protocol", "TCP")
        for p in pods:
            if resolve(p.ports, target, protocol) is None:
                fail(
                    f"spec.ports[{port.get('name', port['port'])}].targetPort",
                    f"{target!r} is not a {protocol} container port of {p.owner}",
                )


def _scraped(obj: Obj) -> Iterable[tuple[Any, ServiceView]]:
    """(scrape port, Service) for each endpoint and each Service the monitor selects."""
    services = selected_services(obj.model, obj.spec.get("selector"))
    return [(port, service) for port in scrape_ports(obj) for service in services]


@rule(
    "servicemonitor-port",
    kinds=("ServiceMonitor",),
    reason="a scrape endpoint naming a port the Service lacks",
    source=f"{PROJECT}: a silent gap in the metrics",
)
def monitor_port(obj: Obj, fail: Fail) -> None:
    for port, service in _scraped(obj):
        if port not in service.ports:
            fail("spec.endpoints.port", f"{port!r} is not a port of Service/{service.name}")


@rule(
    "prometheus-admitted",
    kinds=("ServiceMonitor",),
    reason="a scrape the NetworkPolicies drop",
    source=f"{PROJECT}: GateSettings.monitoring_namespace must reach every scraped port",
)
def prometheus_admitted(obj: Obj, fail: Fail) -> None:
    namespace = obj.model.monitoring_namespace
    for port, service in _scraped(obj):
        if port in service.ports:
            for blocked in unadmitted(obj.model, service, port, namespace):
                fail("spec.endpoints.port", f"no NetworkPolicy admits namespace {namespace} to {blocked}")


def _backends(obj: Obj) -> Iterable[tuple[Backend, ServiceView | None]]:
    return [(backend, obj.model.services.get(backend.service)) for backend in ingress_backends(obj)]


@rule("target-exists", kinds=("Ingress",), reason=TARGET_REASON, source=TARGET_SOURCE)
def ingress_backend_service(obj: Obj, fail: Fail) -> None:
    for backend, service in _backends(obj):
        if service is None:
            fail("spec.rules.http.paths.backend.service.name", f"Service/{backend.service} does not exist")


@rule(
    "service-port",
    kinds=("Ingress",),
    reason="an Ingress backend port the Service lacks",
    source=f"{PROJECT}: the ingress controller answers 503",
)
def ingress_backend_port(obj: Obj, fail: Fail) -> None:
    for backend, service in _backends(obj):
        if service is not None and str(backend.port) not in service.ports:
            fail(
                "spec.rules.http.paths.backend.service.port",
                f"{backend.port!r} is not a port of Service/{service.name}",
            )


@rule(
    "ingress-controller-admitted",
    kinds=("Ingress",),
    reason="Ingress traffic the NetworkPolicies drop",
    source=f"{PROJECT}: GateSettings.ingress_namespace must reach every backend",
)
def ingress_controller_admitted(obj: Obj, fail: Fail) -> None:
    namespace = obj.model.ingress_namespace
    for backend, service in _backends(obj):
        if service is not None and str(backend.port) in service.ports:
            for blocked in unadmitted(obj.model, service, str(backend.port), namespace):
                fail("spec.rules.http.paths.backend", f"no NetworkPolicy admits namespace {namespace} to {blocked}")


def _repeated(ports: Iterable[Any], number: str) -> list[tuple[str, Any]]:
    entries = [p for p in ports if isinstance(p, Mapping)]
    return duplicates(
        [("name", p["name"]) for p in entries if "name" in p]
        + [(number, f"{p.get(number)}/{p.get('protocol', 'TCP')}") for p in entries]
    )


@rule(
    "service-ports-unique",
    kinds=("Service",),
    reason="two Service ports with one name, or one port number and protocol",
    source=f"{API_SERVER}: it refuses the Service",
)
def service_ports_unique(obj: Obj, fail: Fail) -> None:
    for what, value in _repeated(obj.spec.get("ports") or [], "port"):
        fail("spec.ports", f"{what} {value} appears more than once")


@rule(
    "container-ports-unique",
    kinds=(POD_BEARING,),
    reason="two ports of one container with one name, or one containerPort and protocol",
    source=f"{API_SERVER}: it refuses the second port, or routes by the first",
)
def container_ports_unique(obj: Obj, fail: Fail) -> None:
    for pod in obj.pods:
        for path, c in containers(pod):
            for what, value in _repeated(c.get("ports") or [], "containerPort"):
                fail(f"{path}.ports", f"{what} {value} appears more than once")


def _out_of_range(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and not 1 <= value <= 65535


@rule(
    "port-range",
    kinds=("Service",),
    reason="a port number outside 1-65535",
    source=f"{API_SERVER}: it refuses the object (the OpenAPI schema does not bound ports)",
)
def service_port_range(obj: Obj, fail: Fail) -> None:
    for i, port in enumerate(p for p in obj.spec.get("ports") or [] if isinstance(p, Mapping)):
        for key in ("port", "targetPort", "nodePort"):
            if _out_of_range(port.get(key)):
                fail(f"spec.ports[{i}].{key}", f"{port[key]} is not a port number (1-65535)")


@rule(
    "port-range",
    kinds=(POD_BEARING,),
    reason="a port number outside 1-65535",
    source=f"{API_SERVER}: it refuses the object (the OpenAPI schema does not bound ports)",
)
def container_port_range(obj: Obj, fail: Fail) -> None:
    for pod in obj.pods:
        for path, c in containers(pod):
            for i, port in enumerate(p for p in c.get("ports") or [] if isinstance(p, Mapping)):
                for key in ("containerPort", "hostPort"):
                    if _out_of_range(port.get(key)):
                        fail(f"{path}.ports[{i}].{key}", f"{port[key]} is not a port number (1-65535)")
