"""What the API server refuses in a pod spec although its OpenAPI schema (which the
schema rules check) allows it."""

from __future__ import annotations

from .pods import PodSpec
from .registry import Fail, pod_rule


@pod_rule(
    "no-ephemeral-containers",
    reason="ephemeral containers in a pod template or a new Pod (they are added to a running pod: kubectl debug)",
    source="Kubernetes API server: ephemeral containers are not allowed in a pod template, nor on a Pod's create",
)
def no_ephemeral_containers(pod: PodSpec, fail: Fail) -> None:
    ephemeral = pod.spec.get("ephemeralContainers")
    if isinstance(ephemeral, list) and ephemeral:
        fail(f"{pod.path}.ephemeralContainers", f"{len(ephemeral)} given: the API server refuses them here")
