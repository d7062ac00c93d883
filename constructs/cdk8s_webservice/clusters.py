"""Clusters as data: where one environment runs, and what differs per cluster.

An environment runs on the one cluster of its `GitOpsTarget` (`cluster`, or the
settings' `destination_server`) unless the target lists `clusters`. Each `Cluster`
is a destination of its own: one ArgoCD Application per environment and cluster.

Output folders: an environment whose clusters all get the same objects keeps its one
folder, `<dist_path>/<environment>/`, which every cluster syncs. Where it has more
than one cluster and any cluster overrides a value (`replicas`, `ingress_host`),
each cluster gets its own folder, `<dist_path>/<environment>/<cluster>/`, built from
the environment's profile with that cluster's overrides. ArgoCD syncs each folder as
a plain directory (no recursion), so the nesting changes nothing for it.

Values are checked when built; a mistake raises `ConfigError` naming
`cluster.<field>` (or the clusters list) and the value.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from .errors import ConfigError
from .names import check_dns_label, check_host_name
from .profile import EnvironmentProfile
from .values import check_instance, check_int


def check_https_url(field_name: str, value: object) -> str:
    """An API server URL: `https://host[:port][/path]`, nothing else."""
    try:
        parts = urlsplit(value) if isinstance(value, str) else None
        if parts is not None:
            parts.port  # noqa: B018 (a bad port raises)
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme != "https"
        or not parts.hostname
        or parts.query
        or parts.fragment
        or parts.username
        or any(c.isspace() for c in str(value))
    ):
        raise ConfigError(field_name, value, "an https:// URL of the cluster's API server (no credentials, no query)")
    return str(value)


@dataclass(frozen=True)
class Cluster:
    """One cluster an environment runs on, and what differs on it.

    `name` is the cluster's name as ArgoCD knows it (its cluster secret) and the name of
    its output folder where the environment is split; `server`, when set, is the
    Applications' `destination.server` (else `destination.name` is `name`).
    """

    name: str
    """Cluster name: a DNS label such as `prod-eu-west-1`; unique within an environment."""
    server: str | None = None
    """The API server's https:// URL (default None: ArgoCD finds the cluster by `name`)."""
    region: str | None = None
    """The cluster's region (a DNS label such as `eu-west-1`), the Applications' `region`
    label (default None: no label)."""
    replicas: int | None = None
    """Starting replicas on this cluster, within the profile's autoscaling range (default
    None: the profile's `replicas`)."""
    ingress_host: str | None = None
    """Public host name of the Ingress on this cluster (default None: the profile's
    `ingress_host` / `ingress_routes`)."""

    def __post_init__(self) -> None:
        check_dns_label("cluster.name", self.name)
        if self.server is not None:
            check_https_url("cluster.server", self.server)
        if self.region is not None:
            check_dns_label("cluster.region", self.region)
        if self.replicas is not None:
            check_int("cluster.replicas", self.replicas, minimum=1)
        if self.ingress_host is not None:
            check_host_name("cluster.ingress_host", self.ingress_host)

    @property
    def has_overrides(self) -> bool:
        """Whether this cluster's objects differ from the environment's."""
        return self.replicas is not None or self.ingress_host is not None

    def destination(self) -> dict[str, str]:
        """`destination.server` for a URL, else `destination.name`."""
        return {"server": self.server} if self.server is not None else {"name": self.name}

    def apply(self, profile: EnvironmentProfile) -> EnvironmentProfile:
        """The profile as built for this cluster: its overrides applied."""
        changes: dict[str, object] = {}
        if self.replicas is not None:
            bounds = profile.autoscaling
            if not bounds.min_replicas <= self.replicas <= bounds.max_replicas:
                raise ConfigError(
                    f"{profile.name}.clusters.{self.name}.replicas",
                    self.replicas,
                    f"within the autoscaling range {bounds.min_replicas}-{bounds.max_replicas}",
                )
            changes["replicas"] = self.replicas
        if self.ingress_host is not None:
            if profile.ingress is None:
                raise ConfigError(
                    f"{profile.name}.clusters.{self.name}.ingress_host",
                    self.ingress_host,
                    "None where the environment has no Ingress (set its ingress_host first)",
                )
            changes["ingress_host"] = self.ingress_host
            changes["ingress_routes"] = None
        return dataclasses.replace(profile, **changes) if changes else profile  # type: ignore[arg-type]


def check_clusters(field_name: str, value: object) -> tuple[Cluster, ...]:
    """A sequence of `Cluster`, names unique; returned as a tuple."""
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise ConfigError(field_name, value, "a list of Cluster")
    clusters = tuple(check_instance(f"{field_name}[{i}]", c, Cluster) for i, c in enumerate(value))
    seen: set[str] = set()
    servers: set[str] = set()
    for cluster in clusters:
        if cluster.name in seen:
            raise ConfigError(f"{field_name}.name", cluster.name, "each cluster name appears once per environment")
        if cluster.server is not None and cluster.server in servers:
            # Two Applications would deploy into the same namespace of the same cluster.
            raise ConfigError(f"{field_name}.server", cluster.server, "each API server appears once per environment")
        seen.add(cluster.name)
        if cluster.server is not None:
            servers.add(cluster.server)
    return clusters


def is_split(clusters: Sequence[Cluster]) -> bool:
    """Whether an environment's clusters each get their own output folder: more than
    one cluster, and at least one with an override."""
    return len(clusters) > 1 and any(c.has_overrides for c in clusters)
