"""Where an object keeps its pods: the pod specs (and their labels) of every
pod-bearing kind, core or custom.

Core kinds have fixed places. A custom resource (an Argo Rollout, a KEDA
ScaledJob, ...) is searched: every mapping below `spec` that holds a
`containers` list is a pod spec, and the `metadata` beside it (in the
enclosing template) carries its labels.

Some operators assemble a pod from fields of their own rather than from a pod
template (`assembled_pods`): the k6-operator's TestRun (its runner, initializer and
starter: `securityContext` for the pod, `containerSecurityContext` for its one
container) and a Chaos Mesh Schedule's workflow task (`container`, `volumes`).
The Pod Security rules look at those too, reported at the operator's own fields."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

#: Core kinds and the path of their pod template (the mapping with metadata and spec).
TEMPLATE_PATHS: dict[str, tuple[str, ...]] = {
    "Deployment": ("spec", "template"),
    "StatefulSet": ("spec", "template"),
    "DaemonSet": ("spec", "template"),
    "ReplicaSet": ("spec", "template"),
    "ReplicationController": ("spec", "template"),
    "Job": ("spec", "template"),
    "CronJob": ("spec", "jobTemplate", "spec", "template"),
    "PodTemplate": ("template",),
}

#: Kinds whose `spec.selector` must select their own template's labels.
SELECTOR_KINDS = frozenset({"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"})

CONTAINER_GROUPS = ("containers", "initContainers", "ephemeralContainers")


@dataclass(frozen=True)
class PodSpec:
    """One pod spec inside an object: where it is and the labels its pods carry."""

    path: str
    """Field path of the pod spec (`spec.template.spec`, `spec`, ...)."""
    spec: Mapping[str, Any]
    labels: Mapping[str, Any]
    annotations: Mapping[str, Any]
    fields: tuple[tuple[str, str], ...] = ()
    """For an assembled pod: (field path in `spec`'s pod shape, the operator's own field)."""

    def field(self, path: str) -> str:
        """Where `path` (a field of the pod shape) is in the object."""
        for shaped, real in self.fields:
            if path == shaped or path.startswith(f"{shaped}."):
                return real + path[len(shaped) :]
        return path


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def missing_template(obj: Mapping[str, Any]) -> str | None:
    """The field path a core pod-bearing kind lacks (its pod template or pod spec), or None."""
    kind = obj.get("kind")
    if kind == "Pod":
        return None if isinstance(obj.get("spec"), Mapping) else "spec"
    path = TEMPLATE_PATHS.get(str(kind))
    if path is None:
        return None
    node: Any = obj
    for depth, key in enumerate((*path, "spec")):
        node = node.get(key) if isinstance(node, Mapping) else None
        if not isinstance(node, Mapping):
            return ".".join((*path, "spec")[: depth + 1])
    return None


def _search(node: Any, path: str, metadata: Mapping[str, Any]) -> Iterator[PodSpec]:
    if isinstance(node, Mapping):
        if isinstance(node.get("containers"), list):
            yield PodSpec(path, node, _mapping(metadata.get("labels")), _mapping(metadata.get("annotations")))
            return
        for key, value in node.items():
            if isinstance(value, (Mapping, list)):
                yield from _search(value, f"{path}.{key}", _mapping(node.get("metadata")))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _search(item, f"{path}[{i}]", metadata)


def pod_specs(obj: Mapping[str, Any]) -> list[PodSpec]:
    """Every pod spec `obj` carries (none for kinds that carry none)."""
    kind = obj.get("kind")
    if kind == "Pod":
        meta = _mapping(obj.get("metadata"))
        spec = obj.get("spec")
        return (
            [PodSpec("spec", spec, _mapping(meta.get("labels")), _mapping(meta.get("annotations")))]
            if isinstance(spec, Mapping)
            else []
        )
    path = TEMPLATE_PATHS.get(str(kind))
    if path is not None:
        if missing_template(obj) is not None:
            return []
        node: Any = obj
        for key in path:
            node = node[key]
        meta = _mapping(node.get("metadata"))
        return [
            PodSpec(
                ".".join((*path, "spec")), node["spec"], _mapping(meta.get("labels")), _mapping(meta.get("annotations"))
            )
        ]
    if kind in ("List",) or not isinstance(obj.get("spec"), Mapping):
        return []
    return list(_search(obj["spec"], "spec", {}))


def containers(pod: PodSpec) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(field path, container) for every container, init and ephemeral container."""
    for group in CONTAINER_GROUPS:
        members = pod.spec.get(group)
        for i, c in enumerate(members if isinstance(members, list) else []):
            if isinstance(c, Mapping):
                name = c.get("name") if isinstance(c.get("name"), str) else str(i)
                yield f"{pod.path}.{group}[{name}]", c


#: The TestRun fields the k6-operator makes a pod of, each with one container.
K6_ROLES = ("runner", "initializer", "starter")


def _assembled(path: str, pod: dict[str, Any], container: str, context: str, meta: Mapping[str, Any]) -> PodSpec:
    """A pod shape whose one container is at `container`, its securityContext at `context`."""
    shaped = f"{path}.containers[{pod['containers'][0]['name']}]"
    fields = ((f"{shaped}.securityContext", context), (shaped, container))
    return PodSpec(path, pod, _mapping(meta.get("labels")), _mapping(meta.get("annotations")), fields)


def assembled_pods(obj: Mapping[str, Any]) -> list[PodSpec]:
    """The pods an operator assembles from `obj`'s own fields (see the module's text)."""
    spec = _mapping(obj.get("spec"))
    found = []
    if obj.get("kind") == "TestRun":
        for role in K6_ROLES:
            fields = spec.get(role)
            if isinstance(fields, Mapping):
                container = {
                    "name": "k6",
                    "image": fields.get("image"),
                    "securityContext": fields.get("containerSecurityContext"),
                }
                pod = {"containers": [container], "securityContext": fields.get("securityContext")}
                path = f"spec.{role}"
                found.append(
                    _assembled(path, pod, path, f"{path}.containerSecurityContext", _mapping(fields.get("metadata")))
                )
    elif obj.get("kind") == "Schedule":
        templates = _mapping(spec.get("workflow")).get("templates")
        for i, template in enumerate(templates if isinstance(templates, list) else []):
            task = _mapping(_mapping(template).get("task"))
            if isinstance(task.get("container"), Mapping):
                path = f"spec.workflow.templates[{i}].task"
                pod = {"containers": [{**task["container"], "name": "task"}], "volumes": task.get("volumes")}
                found.append(_assembled(path, pod, f"{path}.container", f"{path}.container.securityContext", {}))
    return found
