"""Ports, named or numeric: what a container declares, and what a Service's
targetPort resolves to.

A Service's targetPort resolves against each selected pod the way the endpoints
controller does it: a name finds the container port of that name and protocol;
a number must be a containerPort of that protocol that some container declares
(an undeclared port is a Service that sends traffic nowhere anyone reviewed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


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


def duplicates(entries: Iterable[tuple[str, Any]]) -> list[tuple[str, Any]]:
    seen: set[tuple[str, Any]] = set()
    repeated = []
    for entry in entries:
        if entry in seen:
            repeated.append(entry)
        seen.add(entry)
    return repeated
