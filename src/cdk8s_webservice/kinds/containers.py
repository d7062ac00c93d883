"""What a pod carries besides the service's own container: extra ports (`Port`),
sidecar and init containers (`ExtraContainer`), and extra volumes (`Volume`, mounted
with `VolumeMount`).

Over 250 lines on purpose: each of the eight volume kinds Pod Security `restricted`
allows has a factory and its rendering, and they share one value type; the extra
container checks the same volume mounts and ports, so they stay together.
The `Deployment` hardens every extra container exactly like its own (see `workload`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from cdk8s_plus_27 import k8s

from cdk8s_webservice.core import quantities
from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.k8s_values import quantity
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.names import check_dns_label, check_env_var_name, is_dns_subdomain
from cdk8s_webservice.core.values import check_bool, check_instance, check_port, check_str, check_str_mapping

from .images import check_pinned_image
from .probes import check_port_name
from .resources import Resources

PROTOCOLS = ("TCP", "UDP", "SCTP")
VOLUME_KINDS = (
    "configMap",
    "secret",
    "emptyDir",
    "projected",
    "downwardAPI",
    "persistentVolumeClaim",
    "ephemeral",
    "csi",
)
"""The volume kinds Pod Security `restricted` allows (hostPath and the rest are refused)."""
RESERVED_VOLUMES = ("tmp", "kube-api-access")
"""Volume names the Deployment uses itself."""


def _tuple_of(field: str, value: object, kind: type, what: str) -> None:
    if not isinstance(value, tuple):
        raise ConfigError(field, value, f"a tuple of {what}")
    for item in value:
        check_instance(field, item, kind, f"a tuple of {what}")


def _strings(field: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, tuple) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(field, value, "a tuple of non-empty strings")
    return value


@public
@dataclass(frozen=True)
class Port:
    """A container port besides `http` and `metrics`, and what follows it.

    Exposed (the default), the Service carries it as `name` on `service_port` (by
    default the same number), Flagger's generated Services too; scraped, the
    ServiceMonitor scrapes it and the NetworkPolicy admits Prometheus to it. The
    NetworkPolicy admits `clients` (namespaces) to it; nobody else.
    """

    name: str
    """Port name (at most 15 characters; `http` and `metrics` are the library's)."""
    number: int
    """Container port, 1-65535."""
    protocol: str = "TCP"
    """TCP (default), UDP or SCTP."""
    expose: bool = True
    """Put it on the Service (default True)."""
    service_port: int | None = None
    """Port number on the Service (default None: `number`)."""
    scrape: bool = False
    """Prometheus scrapes it as well as `metrics` (default False; needs `expose` and TCP)."""
    clients: tuple[str, ...] = ()
    """Namespaces the NetworkPolicy admits to it (default none)."""

    def __post_init__(self) -> None:
        check_port_name("ports.name", self.name)
        field_ = f"ports[{self.name}]"
        check_port(f"{field_}.number", self.number)
        if self.protocol not in PROTOCOLS:
            raise ConfigError(f"{field_}.protocol", self.protocol, "TCP, UDP or SCTP")
        check_bool(f"{field_}.expose", self.expose)
        check_bool(f"{field_}.scrape", self.scrape)
        if self.service_port is not None:
            if not self.expose:
                raise ConfigError(f"{field_}.service_port", self.service_port, "None: the port is not exposed")
            check_port(f"{field_}.service_port", self.service_port)
        if self.scrape and not (self.expose and self.protocol == "TCP"):
            raise ConfigError(
                f"{field_}.scrape",
                True,
                "False unless the port is exposed and TCP (Prometheus scrapes HTTP through the Service)",
            )
        if not isinstance(self.clients, tuple):
            raise ConfigError(f"{field_}.clients", self.clients, "a tuple of namespace names")
        for namespace in self.clients:
            check_dns_label(f"{field_}.clients", namespace)

    @property
    def exposed_port(self) -> int:
        """Its number on the Service."""
        return self.service_port if self.service_port is not None else self.number

    def container_port(self) -> k8s.ContainerPort:
        return k8s.ContainerPort(name=self.name, container_port=self.number, protocol=self.protocol)


@public
@dataclass(frozen=True)
class VolumeMount:
    """A volume (one of the pod's `Volume`s) mounted into a container."""

    volume: str
    """Name of the volume."""
    path: str
    """Absolute mount path."""
    read_only: bool = True
    """Read-only (default: a container writes only where it must)."""
    sub_path: str | None = None
    """Mount one entry of the volume instead of all of it."""

    def __post_init__(self) -> None:
        check_dns_label("volume_mounts.volume", self.volume)
        if not isinstance(self.path, str) or not self.path.startswith("/") or ":" in self.path:
            raise ConfigError("volume_mounts.path", self.path, "an absolute path without ':'")
        parts = [part for part in self.path.split("/") if part]
        if not parts or ".." in parts or "." in parts:
            # `/` hides the image, `..` escapes (/tmp is refused where the pod's scratch is known).
            raise ConfigError("volume_mounts.path", self.path, "a path below /, without '.' or '..'")
        check_bool("volume_mounts.read_only", self.read_only)
        if self.sub_path is not None and (
            not isinstance(self.sub_path, str) or self.sub_path.startswith("/") or ".." in self.sub_path.split("/")
        ):
            raise ConfigError("volume_mounts.sub_path", self.sub_path, "a relative path without '..'")

    def to_k8s(self) -> k8s.VolumeMount:
        return k8s.VolumeMount(
            name=self.volume, mount_path=self.path, read_only=self.read_only or None, sub_path=self.sub_path
        )


@public
@dataclass(frozen=True)
class Volume:
    """An extra volume of the pods, one of the kinds Pod Security `restricted` allows.
    Build it with a factory: `Volume.config_map`, `.secret`, `.empty_dir`, `.projected`,
    `.downward_api`, `.persistent_volume_claim`, `.ephemeral`, `.csi`.
    """

    name: str
    """Volume name (a DNS label; `tmp` and `kube-api-access` are the Deployment's)."""
    kind: str
    """One of `VOLUME_KINDS`."""
    source: str | None = None
    """ConfigMap, Secret or claim name; CSI driver."""
    items: Mapping[str, str] = field(default_factory=dict)
    """configMap/secret: key -> file path (default every key); downwardAPI: file path -> pod field path."""
    read_only: bool = False
    """persistentVolumeClaim and csi: mount read-only."""
    size: str | None = None
    """emptyDir: size limit (required: a bounded scratch space); ephemeral: storage requested."""
    medium: str | None = None
    """emptyDir: `Memory` for a tmpfs (counts against the memory limit); None for disk."""
    storage_class: str | None = None
    """ephemeral: StorageClass (None: the cluster's default)."""
    attributes: Mapping[str, str] = field(default_factory=dict)
    """csi: the driver's volume attributes."""
    sources: tuple[Volume, ...] = ()
    """projected: configMap, secret and downwardAPI volumes whose files it combines."""
    optional: bool = False
    """configMap/secret: start without it."""

    def __post_init__(self) -> None:
        check_dns_label("volumes.name", self.name)
        field_ = f"volumes[{self.name}]"
        if self.name in RESERVED_VOLUMES:
            raise ConfigError(
                "volumes.name", self.name, f"a name other than {', '.join(RESERVED_VOLUMES)} (the Deployment's own)"
            )
        if self.kind not in VOLUME_KINDS:
            raise ConfigError(
                f"{field_}.kind", self.kind, f"one of the Pod Security restricted kinds: {', '.join(VOLUME_KINDS)}"
            )
        if self.kind in ("configMap", "secret", "persistentVolumeClaim", "csi") and not is_dns_subdomain(self.source):
            raise ConfigError(f"{field_}.source", self.source, f"the name of the {self.kind} (a DNS subdomain)")
        check_str_mapping(f"{field_}.items", self.items)
        check_bool(f"{field_}.read_only", self.read_only)
        check_bool(f"{field_}.optional", self.optional)
        if self.kind == "emptyDir":
            quantities.memory(f"{field_}.size", self.size)
            if self.medium not in (None, "Memory"):
                raise ConfigError(f"{field_}.medium", self.medium, "None (disk) or 'Memory'")
        elif self.kind == "ephemeral":
            quantities.memory(f"{field_}.size", self.size)
            if self.storage_class is not None and not is_dns_subdomain(self.storage_class):
                raise ConfigError(f"{field_}.storage_class", self.storage_class, "a StorageClass name")
        check_str_mapping(f"{field_}.attributes", self.attributes)
        _tuple_of(f"{field_}.sources", self.sources, Volume, "Volume")
        if self.kind == "projected":
            if not self.sources:
                raise ConfigError(
                    f"{field_}.sources", self.sources, "at least one configMap, secret or downwardAPI volume"
                )
            for source in self.sources:
                if source.kind not in ("configMap", "secret", "downwardAPI"):
                    raise ConfigError(f"{field_}.sources", source.kind, "configMap, secret or downwardAPI volumes")
        if self.kind == "downwardAPI" and not self.items:
            raise ConfigError(f"{field_}.items", self.items, "file path -> pod field path, at least one")

    @staticmethod
    def config_map(
        name: str, config_map: str, *, items: Mapping[str, str] | None = None, optional: bool = False
    ) -> Volume:
        """The ConfigMap `config_map`'s keys as files (only `items`, key -> path, when given)."""
        return Volume(name, "configMap", source=config_map, items=dict(items or {}), optional=optional)

    @staticmethod
    def secret(name: str, secret: str, *, items: Mapping[str, str] | None = None, optional: bool = False) -> Volume:
        """The Secret `secret`'s keys as files (only `items`, key -> path, when given)."""
        return Volume(name, "secret", source=secret, items=dict(items or {}), optional=optional)

    @staticmethod
    def empty_dir(name: str, *, size: str = "64Mi", medium: str | None = None) -> Volume:
        """Scratch space shared by the pod's containers, bounded (default 64Mi)."""
        return Volume(name, "emptyDir", size=size, medium=medium)

    @staticmethod
    def projected(name: str, *sources: Volume) -> Volume:
        """configMap, secret and downwardAPI volumes' files in one directory."""
        return Volume(name, "projected", sources=tuple(sources))

    @staticmethod
    def downward_api(name: str, items: Mapping[str, str]) -> Volume:
        """Pod fields as files: path -> field path (`labels` -> `metadata.labels`)."""
        return Volume(name, "downwardAPI", items=dict(items))

    @staticmethod
    def persistent_volume_claim(name: str, claim: str, *, read_only: bool = False) -> Volume:
        """The PersistentVolumeClaim `claim` (a Deployment's replicas share it)."""
        return Volume(name, "persistentVolumeClaim", source=claim, read_only=read_only)

    @staticmethod
    def ephemeral(name: str, *, size: str, storage_class: str | None = None) -> Volume:
        """A volume provisioned with each pod and deleted with it (ReadWriteOnce, `size`)."""
        return Volume(name, "ephemeral", size=size, storage_class=storage_class)

    @staticmethod
    def csi(name: str, driver: str, *, attributes: Mapping[str, str] | None = None, read_only: bool = True) -> Volume:
        """A CSI inline volume (a secrets-store driver, ...)."""
        return Volume(name, "csi", source=driver, attributes=dict(attributes or {}), read_only=read_only)

    def _key_paths(self) -> list[k8s.KeyToPath] | None:
        return [k8s.KeyToPath(key=k, path=p) for k, p in sorted(self.items.items())] or None

    def _field_files(self) -> list[k8s.DownwardApiVolumeFile]:
        return [
            k8s.DownwardApiVolumeFile(path=p, field_ref=k8s.ObjectFieldSelector(field_path=f))
            for p, f in sorted(self.items.items())
        ]

    def to_k8s(self) -> k8s.Volume:
        kind, source = self.kind, str(self.source)
        return k8s.Volume(
            name=self.name,
            config_map=(
                k8s.ConfigMapVolumeSource(name=source, items=self._key_paths(), optional=self.optional or None)
                if kind == "configMap"
                else None
            ),
            secret=(
                k8s.SecretVolumeSource(secret_name=source, items=self._key_paths(), optional=self.optional or None)
                if kind == "secret"
                else None
            ),
            empty_dir=(
                k8s.EmptyDirVolumeSource(size_limit=quantity(str(self.size)), medium=self.medium)
                if kind == "emptyDir"
                else None
            ),
            projected=(
                k8s.ProjectedVolumeSource(sources=[s._projection() for s in self.sources])
                if kind == "projected"
                else None
            ),
            downward_api=k8s.DownwardApiVolumeSource(items=self._field_files()) if kind == "downwardAPI" else None,
            persistent_volume_claim=(
                k8s.PersistentVolumeClaimVolumeSource(claim_name=source, read_only=self.read_only or None)
                if kind == "persistentVolumeClaim"
                else None
            ),
            ephemeral=(
                k8s.EphemeralVolumeSource(
                    volume_claim_template=k8s.PersistentVolumeClaimTemplate(
                        spec=k8s.PersistentVolumeClaimSpec(
                            access_modes=["ReadWriteOnce"],
                            storage_class_name=self.storage_class,
                            resources=k8s.ResourceRequirements(requests={"storage": quantity(str(self.size))}),
                        )
                    )
                )
                if kind == "ephemeral"
                else None
            ),
            csi=(
                k8s.CsiVolumeSource(
                    driver=source, read_only=self.read_only or None, volume_attributes=dict(self.attributes) or None
                )
                if kind == "csi"
                else None
            ),
        )

    def _projection(self) -> k8s.VolumeProjection:
        source = str(self.source)
        if self.kind == "configMap":
            return k8s.VolumeProjection(
                config_map=k8s.ConfigMapProjection(name=source, items=self._key_paths(), optional=self.optional or None)
            )
        if self.kind == "secret":
            return k8s.VolumeProjection(
                secret=k8s.SecretProjection(name=source, items=self._key_paths(), optional=self.optional or None)
            )
        return k8s.VolumeProjection(downward_api=k8s.DownwardApiProjection(items=self._field_files()))


@public
@dataclass(frozen=True)
class ExtraContainer:
    """A sidecar or init container. The Deployment hardens it like its own container
    (non-root, read-only root filesystem with the pod's `/tmp`, every capability
    dropped, no privilege escalation, the pod's seccomp profile), and the gate checks it.
    """

    name: str
    """Container name (a DNS label, not the service's own)."""
    image: str
    """Full image reference pinned by a release tag or a sha256 digest."""
    resources: Resources
    """Requests and limits (required: the scheduler and the gate need both)."""
    command: tuple[str, ...] = ()
    """Entrypoint (default: the image's)."""
    args: tuple[str, ...] = ()
    """Arguments (default: the image's)."""
    ports: tuple[Port, ...] = ()
    """Ports it serves (sidecars only), exposed, scraped and admitted as `Port` says."""
    env: Mapping[str, str] = field(default_factory=dict)
    """Plain environment variables."""
    volume_mounts: tuple[VolumeMount, ...] = ()
    """Extra volumes it mounts (every container gets the pod's writable `/tmp`)."""
    image_pull_policy: str = "IfNotPresent"
    """IfNotPresent (default): pinned images do not change; a restart must not need the registry."""

    def __post_init__(self) -> None:
        check_dns_label("containers.name", self.name)
        field_ = f"containers[{self.name}]"
        check_pinned_image(f"{field_}.image", self.image)
        check_instance(f"{field_}.resources", self.resources, Resources)
        _strings(f"{field_}.command", self.command)
        _strings(f"{field_}.args", self.args)
        _tuple_of(f"{field_}.ports", self.ports, Port, "Port")
        check_str_mapping(f"{field_}.env", self.env, check_key=check_env_var_name)
        _tuple_of(f"{field_}.volume_mounts", self.volume_mounts, VolumeMount, "VolumeMount")
        check_mounts(f"{field_}.volume_mounts", self.volume_mounts)
        if self.image_pull_policy not in ("Always", "IfNotPresent", "Never"):
            raise ConfigError(f"{field_}.image_pull_policy", self.image_pull_policy, "Always, IfNotPresent or Never")
        check_str(f"{field_}.image_pull_policy", self.image_pull_policy)


def check_mounts(field: str, mounts: tuple[VolumeMount, ...]) -> None:
    """Mount paths of one container are distinct, and `/tmp` is the pod's own."""
    seen: set[str] = set()
    for mount in mounts:
        path = mount.path.rstrip("/") or "/"
        if path == "/tmp" or path in seen:
            raise ConfigError(f"{field}.path", mount.path, "a path other than /tmp and the container's other mounts")
        seen.add(path)
