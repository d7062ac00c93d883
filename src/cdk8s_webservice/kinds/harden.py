"""`harden(workload)`: a cdk8s-plus workload made beside the service, hardened the way
the service's own pods are, so the gate's Pod Security rules pass it without a JSON
patch of your own.

cdk8s-plus-27 already renders most of it (non-root, no privilege or escalation, a
read-only root filesystem, no service-account token, requests and limits) but has no
prop for the seccomp profile or the dropped capabilities, which Pod Security
`restricted` requires. `harden` renders the workload as it stands, compares each
setting with the service's (`workload.Deployment`, `workload.hardened_security_context`)
and adds one JSON patch (`ApiObject.of(workload).add_json_patch`) per setting that is
missing or weaker; a stricter or equal one you chose stays.

Import it from this module (it is not a top-level name of `cdk8s_webservice`):

    from cdk8s_webservice.kinds.harden import harden
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cdk8s import ApiObject, JsonPatch
from cdk8s_plus_27 import CronJob, DaemonSet, Deployment, Job, StatefulSet, k8s

from cdk8s_webservice.core import quantities
from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.k8s_values import quantity
from cdk8s_webservice.core.values import check_int

from .deployment_props import DeploymentProps
from .workload import hardened_security_context

__all__ = ["harden"]

POD_SPEC_PATHS: Mapping[type, str] = {
    Deployment: "/spec/template/spec",
    StatefulSet: "/spec/template/spec",
    DaemonSet: "/spec/template/spec",
    Job: "/spec/template/spec",
    CronJob: "/spec/jobTemplate/spec/template/spec",
}
"""Where each kind keeps its pod spec (a JSON pointer into the rendered object)."""

SECCOMP_TYPES = ("RuntimeDefault", "Localhost")
"""Seccomp profiles as strict as the service's (`RuntimeDefault`); `Localhost` is kept."""

TMP_VOLUME = "tmp"
TMP_PATH = "/tmp"


def _container_settings() -> dict[str, Any]:
    """The service's container securityContext (`hardened_security_context`), as JSON."""
    context = hardened_security_context()
    return {
        "runAsNonRoot": context.run_as_non_root,
        "allowPrivilegeEscalation": context.allow_privilege_escalation,
        "privileged": context.privileged,
        "readOnlyRootFilesystem": context.read_only_root_filesystem,
        "capabilities": {"drop": list(context.capabilities.drop or []) if context.capabilities else []},
    }


def harden(
    workload: Deployment | StatefulSet | DaemonSet | Job | CronJob,
    *,
    run_as_user: int = DeploymentProps.run_as_user,
    tmp_size_limit: str | None = DeploymentProps.tmp_size_limit,
) -> None:
    """Harden a cdk8s-plus-27 `Deployment`, `StatefulSet`, `DaemonSet`, `Job` or
    `CronJob` the way the service's own pods are; call it after the workload's last
    `add_container`/`add_init_container` (a container added later is not hardened, and
    the gate refuses it).

    Every container and init container gets the service's securityContext:
    `runAsNonRoot: true`, `allowPrivilegeEscalation: false`, `privileged: false`,
    `readOnlyRootFilesystem: true`, `capabilities.drop: [ALL]` (a container's
    `capabilities.add` is left as given: the gate allows `NET_BIND_SERVICE` only); a
    container seccomp profile other than `RuntimeDefault` or `Localhost` becomes
    `RuntimeDefault`, and a container `runAsUser` or `runAsGroup` of 0 becomes
    `run_as_user`. The pod gets `runAsNonRoot: true`, seccomp `RuntimeDefault` (a
    `Localhost` profile is kept), and `runAsUser`, `runAsGroup` and `fsGroup`
    `run_as_user` where unset or 0 (another UID or GID you chose is kept).

    The service-account token is left as the workload says: cdk8s-plus leaves it out by
    default (`automount_service_account_token=False`), as the service does. Requests and
    limits are not invented: cdk8s-plus gives every container both unless you pass
    `resources=`, and a container without a CPU or memory request or limit is a
    `ConfigError` naming it.

    Idempotent: a second call finds nothing weaker and adds nothing.

    Args:
        workload: the cdk8s-plus workload; any other object is a `ConfigError` naming its type.
        run_as_user: UID and GID of the pods where they have none (default 10001, the
            service's `DeploymentProps.run_as_user`: not root, not a system user).
        tmp_size_limit: size of the writable `/tmp` (an `emptyDir` named `tmp`) mounted into
            every container that mounts nothing at `/tmp`, as the service's pods have beside
            their read-only root filesystem (default 64Mi, `DeploymentProps.tmp_size_limit`;
            None: no `/tmp`).
    """
    path = _pod_spec_path(workload)
    check_int("harden.run_as_user", run_as_user, minimum=1)
    if tmp_size_limit is not None:
        quantities.memory("harden.tmp_size_limit", tmp_size_limit)
    api_object = ApiObject.of(workload)
    where = f"{api_object.kind}/{api_object.name}"
    spec = _at(api_object.to_json(), path)
    patches = _pod_patches(spec, path, run_as_user)
    # (JSON pointer, field path of the gate's reports, container) of every container and init container
    containers = [
        (f"{path}/{group}/{index}", f"{path[1:].replace('/', '.')}.{group}[{c.get('name', index)}]", c)
        for group in ("containers", "initContainers")
        for index, c in enumerate(spec.get(group) or [])
    ]
    for pointer, field, container in containers:
        _check_resources(f"{where}: {field}", container)
        patches += _container_patches(container, pointer, run_as_user)
    if tmp_size_limit is not None:
        patches += _tmp_patches(spec, path, containers, tmp_size_limit, where)
    if patches:
        api_object.add_json_patch(*patches)


def _pod_spec_path(workload: object) -> str:
    for kind, path in POD_SPEC_PATHS.items():
        if isinstance(workload, kind):
            return path
    raise ConfigError(
        "harden(workload)",
        type(workload).__name__,
        "a cdk8s-plus-27 Deployment, StatefulSet, DaemonSet, Job or CronJob",
    )


def _at(rendered: Mapping[str, Any], path: str) -> Mapping[str, Any]:
    node: Any = rendered
    for key in path.strip("/").split("/"):
        node = node.get(key) if isinstance(node, Mapping) else None
    return node if isinstance(node, Mapping) else {}


def _pod_patches(spec: Mapping[str, Any], path: str, run_as_user: int) -> list[JsonPatch]:
    context = spec.get("securityContext")
    if not isinstance(context, Mapping):
        context = {}
    wanted: dict[str, Any] = {}
    if context.get("runAsNonRoot") is not True:
        wanted["runAsNonRoot"] = True
    for field in ("runAsUser", "runAsGroup", "fsGroup"):
        if context.get(field) in (None, 0):
            wanted[field] = run_as_user
    if _seccomp(context) not in SECCOMP_TYPES:
        wanted["seccompProfile"] = {"type": "RuntimeDefault"}
    return _object_patches(f"{path}/securityContext", "securityContext" in spec, wanted)


def _container_patches(container: Mapping[str, Any], path: str, run_as_user: int) -> list[JsonPatch]:
    context = container.get("securityContext")
    if not isinstance(context, Mapping):
        context = {}
    wanted: dict[str, Any] = {}
    for field, value in _container_settings().items():
        if field == "capabilities":
            capabilities = context.get("capabilities")
            if not isinstance(capabilities, Mapping):
                wanted[field] = value
            elif not set(value["drop"]) <= set(capabilities.get("drop") or []):
                wanted["capabilities/drop"] = value["drop"]
        elif context.get(field) is not value:
            wanted[field] = value
    for field in ("runAsUser", "runAsGroup"):
        if context.get(field) == 0:
            wanted[field] = run_as_user
    if "seccompProfile" in context and _seccomp(context) not in SECCOMP_TYPES:
        wanted["seccompProfile"] = {"type": "RuntimeDefault"}
    return _object_patches(f"{path}/securityContext", "securityContext" in container, wanted)


def _object_patches(path: str, exists: bool, wanted: Mapping[str, Any]) -> list[JsonPatch]:
    """One `add` per field of an existing object (the rest of it stays), or the object."""
    if not wanted:
        return []
    if not exists:
        return [JsonPatch.add(path, dict(wanted))]
    return [JsonPatch.add(f"{path}/{field}", value) for field, value in wanted.items()]


def _seccomp(context: Mapping[str, Any]) -> object:
    profile = context.get("seccompProfile")
    return profile.get("type") if isinstance(profile, Mapping) else None


def _check_resources(where: str, container: Mapping[str, Any]) -> None:
    resources = container.get("resources")
    resources = resources if isinstance(resources, Mapping) else {}
    for kind in ("requests", "limits"):
        given = resources.get(kind)
        given = given if isinstance(given, Mapping) else {}
        for resource in ("cpu", "memory"):
            if given.get(resource) in (None, ""):
                raise ConfigError(
                    f"{where}.resources.{kind}.{resource}",
                    None,
                    "a value: harden() sets no requests or limits (only you know them); give the container "
                    "cdk8s-plus resources= with a CPU and a memory request and limit",
                )


def _tmp_patches(
    spec: Mapping[str, Any],
    path: str,
    containers: list[tuple[str, str, Mapping[str, Any]]],
    size_limit: str,
    where: str,
) -> list[JsonPatch]:
    """The pod's writable /tmp: a bounded emptyDir, mounted where nothing is at /tmp."""
    patches = []
    for pointer, _, container in containers:
        mounts = container.get("volumeMounts") or []
        if any(str(m.get("mountPath", "")).rstrip("/") == TMP_PATH for m in mounts if isinstance(m, Mapping)):
            continue
        mount = k8s.VolumeMount(name=TMP_VOLUME, mount_path=TMP_PATH)
        target = f"{pointer}/volumeMounts"
        patches.append(JsonPatch.add(f"{target}/-", mount) if mounts else JsonPatch.add(target, [mount]))
    if not patches:
        return []
    volumes = [v for v in spec.get("volumes") or [] if isinstance(v, Mapping)]
    existing = next((v for v in volumes if v.get("name") == TMP_VOLUME), None)
    if existing is not None:
        if "emptyDir" not in existing:
            raise ConfigError(
                f"{where}: {path[1:].replace('/', '.')}.volumes[{TMP_VOLUME}]",
                sorted(k for k in existing if k != "name"),
                "an emptyDir: harden() mounts the volume named tmp at /tmp (or pass tmp_size_limit=None)",
            )
        return patches
    volume = k8s.Volume(name=TMP_VOLUME, empty_dir=k8s.EmptyDirVolumeSource(size_limit=quantity(size_limit)))
    return [
        *patches,
        JsonPatch.add(f"{path}/volumes/-", volume) if volumes else JsonPatch.add(f"{path}/volumes", [volume]),
    ]
