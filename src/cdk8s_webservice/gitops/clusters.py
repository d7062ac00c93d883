"""Clusters as data: where one environment runs, and what differs per cluster.

An environment runs on the one cluster of its `GitOpsTarget` (`cluster`, or the
settings' `destination_server`) unless the target lists `clusters`. Each `Cluster`
is a destination of its own: one ArgoCD Application per environment and cluster.

Output folders: an environment whose clusters all get the same objects keeps its one
folder, `<dist_path>/<environment>/`, which every cluster syncs. Where it has more
than one cluster and any cluster sets a value of its own (`replicas`, `regional_host`,
the Karpenter `node_role`, `discovery_tag` and `architectures`), each cluster gets its
own folder, `<dist_path>/<environment>/<cluster>/`, built from the environment's
profile with that cluster's values. ArgoCD syncs each folder as a plain directory (no
recursion), so the nesting changes nothing for it.

Every cluster serves the environment's public hosts (a global DNS name or load balancer
can send users to any of them: each region is a failover for the others); a cluster's
`regional_host` is served beside them.

Values are checked when built; a mistake raises `ConfigError` naming
`cluster.<field>` (or the clusters list) and the value.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from cdk8s_webservice.addons.karpenter import NodePoolOptions, check_architectures, check_cluster_name, check_role
from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.names import check_dns_label, check_host_name
from cdk8s_webservice.core.values import check_instance, check_int
from cdk8s_webservice.kinds.ingress_routes import IngressHost, IngressRoutes, IngressTls
from cdk8s_webservice.profiles.environment import EnvironmentProfile


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


@public
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
    regional_host: str | None = None
    """A host name of this cluster alone (`us.blacklist.jclee.me`), served beside the
    environment's public hosts on the same paths (default None: the environment's hosts
    only). Every cluster serves those: users reach any region through them."""
    node_role: str | None = None
    """The IAM role of the environment's Karpenter nodes on this cluster (Karpenter's
    guide names it `KarpenterNodeRole-<cluster>`): required where the environment has a
    node pool and several clusters (default None: the node pool's `node_class.role`)."""
    discovery_tag: str | None = None
    """The value of the Karpenter discovery tag on this cluster's subnets and security
    groups (its EKS cluster name): required like `node_role` (default None: the node
    pool's `node_class.cluster_name`)."""
    architectures: tuple[str, ...] | None = None
    """CPU architectures of the node pool's nodes on this cluster (`amd64`, `arm64`; the
    image must be built for each) (default None: the node pool's `architectures`)."""

    def __post_init__(self) -> None:
        check_dns_label("cluster.name", self.name)
        if self.server is not None:
            check_https_url("cluster.server", self.server)
        if self.region is not None:
            check_dns_label("cluster.region", self.region)
        if self.replicas is not None:
            check_int("cluster.replicas", self.replicas, minimum=1)
        if self.regional_host is not None:
            check_host_name("cluster.regional_host", self.regional_host)
        if self.node_role is not None:
            check_role("cluster.node_role", self.node_role)
        if self.discovery_tag is not None:
            check_cluster_name("cluster.discovery_tag", self.discovery_tag)
        if self.architectures is not None:
            object.__setattr__(self, "architectures", check_architectures("cluster.architectures", self.architectures))

    @property
    def has_overrides(self) -> bool:
        """Whether this cluster's objects differ from the environment's."""
        return any(
            value is not None
            for value in (self.replicas, self.regional_host, self.node_role, self.discovery_tag, self.architectures)
        )

    def destination(self) -> dict[str, str]:
        """`destination.server` for a URL, else `destination.name`."""
        return {"server": self.server} if self.server is not None else {"name": self.name}

    def apply(self, profile: EnvironmentProfile) -> EnvironmentProfile:
        """The profile as built for this cluster: its values applied."""
        changes: dict[str, object] = {}
        where = f"{profile.name}.clusters.{self.name}"
        if self.replicas is not None:
            bounds = profile.autoscaling
            if not bounds.min_replicas <= self.replicas <= bounds.max_replicas:
                raise ConfigError(
                    f"{where}.replicas",
                    self.replicas,
                    f"within the autoscaling range {bounds.min_replicas}-{bounds.max_replicas}",
                )
            changes["replicas"] = self.replicas
        if self.regional_host is not None:
            changes["ingress_host"] = None
            changes["ingress_routes"] = _with_regional_host(where, profile, self.regional_host)
        node_pool = self._node_pool(where, profile.node_pool)
        if node_pool is not profile.node_pool:
            changes["node_pool"] = node_pool
        return dataclasses.replace(profile, **changes) if changes else profile  # type: ignore[arg-type]

    def _node_pool(self, where: str, pool: NodePoolOptions | None) -> NodePoolOptions | None:
        values = {"node_role": self.node_role, "discovery_tag": self.discovery_tag, "architectures": self.architectures}
        if pool is None:
            for name, value in values.items():
                if value is not None:
                    raise ConfigError(f"{where}.{name}", value, "None where the environment has no node_pool")
            return None
        if all(value is None for value in values.values()):
            return pool
        node_class = dataclasses.replace(
            pool.node_class,
            role=self.node_role or pool.node_class.role,
            cluster_name=self.discovery_tag or pool.node_class.cluster_name,
        )
        return dataclasses.replace(pool, node_class=node_class, architectures=self.architectures or pool.architectures)


def _with_regional_host(where: str, profile: EnvironmentProfile, host: str) -> IngressRoutes:
    """The environment's routes with `host` beside its hosts, on the first host's paths
    (in the one TLS section, or a section of its own where the routes list sections)."""
    routes = profile.ingress
    if routes is None:
        raise ConfigError(
            f"{where}.regional_host", host, "None where the environment has no Ingress (set its ingress_host first)"
        )
    if host in (h.host for h in routes.hosts):
        raise ConfigError(f"{where}.regional_host", host, "a host the environment does not serve already")
    tls = (*routes.tls, IngressTls((host,))) if routes.tls else ()
    return IngressRoutes(hosts=(*routes.hosts, IngressHost(host, paths=routes.hosts[0].paths)), tls=tls)


def check_cluster_values(profile: EnvironmentProfile, clusters: Sequence[Cluster]) -> None:
    """Refuse a value several clusters cannot share: where the environment has a node pool
    and more than one cluster, each cluster names its own Karpenter role and discovery tag
    (nodes of one cluster must not join with another's role, nor in its subnets)."""
    if profile.node_pool is None or len(clusters) < 2:
        return
    for cluster in clusters:
        for name in ("node_role", "discovery_tag"):
            if getattr(cluster, name) is None:
                raise ConfigError(
                    f"{profile.name}.clusters.{cluster.name}.{name}",
                    None,
                    f"this cluster's own value where {profile.name} has a node pool on {len(clusters)} clusters",
                )


def check_clusters(field_name: str, value: object) -> tuple[Cluster, ...]:
    """A sequence of `Cluster`, names unique; returned as a tuple."""
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise ConfigError(field_name, value, "a list of Cluster")
    clusters = tuple(check_instance(f"{field_name}[{i}]", c, Cluster) for i, c in enumerate(value))
    seen: set[str] = set()
    servers: set[str] = set()
    hosts: set[str] = set()
    for cluster in clusters:
        if cluster.name in seen:
            raise ConfigError(f"{field_name}.name", cluster.name, "each cluster name appears once per environment")
        if cluster.server is not None and cluster.server in servers:
            # Two Applications would deploy into the same namespace of the same cluster.
            raise ConfigError(f"{field_name}.server", cluster.server, "each API server appears once per environment")
        if cluster.regional_host is not None and cluster.regional_host in hosts:
            # A regional host reaches one cluster; the environment's hosts reach them all.
            raise ConfigError(
                f"{field_name}.regional_host", cluster.regional_host, "a host of one cluster alone (each appears once)"
            )
        seen.add(cluster.name)
        servers |= {cluster.server} if cluster.server is not None else set()
        hosts |= {cluster.regional_host} if cluster.regional_host is not None else set()
    return clusters


def is_split(clusters: Sequence[Cluster]) -> bool:
    """Whether an environment's clusters each get their own output folder: more than
    one cluster, and at least one with a value of its own."""
    return len(clusters) > 1 and any(c.has_overrides for c in clusters)
