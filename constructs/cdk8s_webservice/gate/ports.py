"""Ports, named or numeric: what a container declares, what a Service's
targetPort resolves to, and the uniqueness the API server insists on.

A Service's targetPort resolves against each selected pod the way the endpoints
controller does it: a name finds the container port of that name and protocol;
a number must be a containerPort of that protocol that some container declares
(an undeclared port is a Service that sends traffic nowhere anyone reviewed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .pods import containers, pod_specs
from .violations import Violation

RULES = {
    "service-ports-unique": "two Service ports with one name, or one port number and protocol (the API server refuses it)",
    "container-ports-unique": "two ports of one container with one name, or one containerPort and protocol",
}
"""Every rule this module reports, and what it protects against."""


@dataclass(frozen=True)
class ContainerPort:
    name: str | None
    number: int
    protocol: str


def declared_ports(pod_spec: Mapping[str, Any]) -> list[ContainerPort]:
    """Every containerPort of the pod's containers (init and ephemeral ones serve no traffic)."""
    found = []
    for c in pod_spec.get("containers") or []:
        for p in (c.get("ports") if isinstance(c, Mapping) else None) or []:
            if isinstance(p, Mapping) and isinstance(p.get("containerPort"), int):
                name = p.get("name")
                found.append(
                    ContainerPort(
                        name if isinstance(name, str) else None, p["containerPort"], str(p.get("protocol", "TCP"))
                    )
                )
    return found


def resolve(ports: Iterable[ContainerPort], target: Any, protocol: str = "TCP") -> ContainerPort | None:
    """The container port a Service targetPort (name or number) reaches, or None."""
    for port in ports:
        if port.protocol != protocol:
            continue
        if (isinstance(target, int) and port.number == target) or (isinstance(target, str) and port.name == target):
            return port
    return None


def _duplicates(entries: Iterable[tuple[str, Any]]) -> list[tuple[str, Any]]:
    seen: set[tuple[str, Any]] = set()
    repeated = []
    for entry in entries:
        if entry in seen:
            repeated.append(entry)
        seen.add(entry)
    return repeated


def check_port_uniqueness(environment: str, objects: Iterable[Mapping[str, Any]]) -> list[Violation]:
    violations = []
    for obj in objects:
        kind, name = str(obj["kind"]), str(obj["metadata"]["name"])
        found: list[tuple[str, str, str]] = []
        if kind == "Service":
            ports = [p for p in (obj.get("spec") or {}).get("ports") or [] if isinstance(p, Mapping)]
            for what, value in _duplicates(
                [("name", p["name"]) for p in ports if "name" in p]
                + [("port", f"{p.get('port')}/{p.get('protocol', 'TCP')}") for p in ports]
            ):
                found.append(("spec.ports", "service-ports-unique", f"{what} {value} appears more than once"))
        for pod in pod_specs(obj):
            for path, c in containers(pod):
                ports = [p for p in c.get("ports") or [] if isinstance(p, Mapping)]
                for what, value in _duplicates(
                    [("name", p["name"]) for p in ports if "name" in p]
                    + [("containerPort", f"{p.get('containerPort')}/{p.get('protocol', 'TCP')}") for p in ports]
                ):
                    found.append((f"{path}.ports", "container-ports-unique", f"{what} {value} appears more than once"))
        violations += [Violation(environment, kind, name, *f) for f in found]
    return violations
