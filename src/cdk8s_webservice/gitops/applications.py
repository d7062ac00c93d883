"""GitOps with Argo CD: the settings and one Application per environment (and cluster).
The ApplicationSet yielding the same Applications, from the same `ApplicationSpec`s, is
`application_set.py`; the apply order and the replicas Argo CD leaves alone, `sync_waves.py`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from cdk8s import ApiObjectMetadata
from constructs import Construct

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.names import check_dns_label, is_dns_subdomain
from cdk8s_webservice.core.values import check_bool, check_instance
from cdk8s_webservice.profiles.environment import EnvironmentProfile
from cdk8s_webservice_crds.io import argoproj

from .clusters import Cluster, check_clusters, is_split

_SCP_LIKE = re.compile(r"git@[A-Za-z0-9.-]+:[A-Za-z0-9._~/-]+")
_CLUSTER_NAME = re.compile(r"[A-Za-z0-9]([A-Za-z0-9._-]{0,251}[A-Za-z0-9])?")
DEFAULT_CLUSTER = "https://kubernetes.default.svc"
"""The cluster ArgoCD runs in."""


def check_repo_url(field_name: str, value: object) -> str:
    """A repository ArgoCD can pull: `https://host/...`, `ssh://[user@]host/...` or `git@host:path`."""
    if isinstance(value, str) and (_SCP_LIKE.fullmatch(value) or _url(value, ("https", "ssh"), path=True)):
        return value
    raise ConfigError(field_name, value, "a https://, ssh:// or git@host:path repository URL")


def _url(value: str, schemes: tuple[str, ...], *, path: bool) -> bool:
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (a bad port raises)
    except ValueError:
        return False
    return (
        parts.scheme in schemes
        and bool(parts.hostname)
        and not any(c.isspace() for c in value)
        and (parts.path.strip("/") != "" or not path)
        and not parts.query
        and not parts.fragment
    )


def check_cluster(field_name: str, value: object) -> str:
    """A destination cluster: its API server's https:// URL, or its name as registered in ArgoCD."""
    if isinstance(value, str) and (
        _url(value, ("https",), path=False) if "://" in value else bool(_CLUSTER_NAME.fullmatch(value))
    ):
        return value
    raise ConfigError(
        field_name,
        value,
        "a cluster's API server URL (https://...) or its ArgoCD cluster name (letters, digits, '.', '_', '-')",
    )


def cluster_destination(cluster: str) -> dict[str, str]:
    """`destination.server` for a URL, `destination.name` for a cluster name."""
    return {"server": cluster} if "://" in cluster else {"name": cluster}


def check_repo_path(field_name: str, value: object) -> str:
    """A folder in the repository: relative, no empty, `.` or `..` segment."""
    if (
        isinstance(value, str)
        and all(part not in ("", ".", "..") for part in value.split("/"))
        and not any(c.isspace() or c in "{}" for c in value)
    ):
        return value
    raise ConfigError(field_name, value, "a folder path in the repository such as 'dist' (relative, no '..')")


def _check_project(field_name: str, value: object) -> str:
    if not is_dns_subdomain(value):
        raise ConfigError(field_name, value, "an ArgoCD project name (a DNS-1123 subdomain such as 'default')")
    return value


@public
@dataclass(frozen=True)
class GitOpsTarget:
    """One environment's source and destination where they differ from `GitOpsSettings`'.

    Each field left None takes the settings' value; the revision is the profile's
    `git_revision`, the namespace the profile's `namespace`.
    """

    repo_url: str | None = None
    """Repository of this environment's rendered output (default: `GitOpsSettings.repo_url`)."""
    path: str | None = None
    """Folder of the rendered output in it (default: `<dist_path>/<environment>`)."""
    project: str | None = None
    """ArgoCD project of the Application (default: `GitOpsSettings.project`)."""
    cluster: str | None = None
    """Cluster to deploy to: its API server URL (`https://...`, rendered as
    `destination.server`) or its ArgoCD cluster name (`destination.name`)
    (default: `GitOpsSettings.destination_server`)."""
    clusters: Sequence[Cluster] = ()
    """Several clusters instead of `cluster` (set one of the two): one Application per
    cluster, each cluster's overrides applied (see `Cluster`); default (): `cluster`."""

    def __post_init__(self) -> None:
        if self.repo_url is not None:
            check_repo_url("gitops.target.repo_url", self.repo_url)
        if self.path is not None:
            check_repo_path("gitops.target.path", self.path)
        if self.project is not None:
            _check_project("gitops.target.project", self.project)
        if self.cluster is not None:
            check_cluster("gitops.target.cluster", self.cluster)
        object.__setattr__(self, "clusters", check_clusters("gitops.target.clusters", self.clusters))
        if self.clusters and self.cluster is not None:
            raise ConfigError("gitops.target.cluster", self.cluster, "None where clusters are listed")


@public
@dataclass(frozen=True)
class GitOpsSettings:
    """Where ArgoCD finds the rendered output, and where it applies it."""

    repo_url: str
    """Repository ArgoCD pulls the rendered output from."""
    dist_path: str = "dist"
    """Folder of the environment folders in that repository (default `dist`)."""
    argocd_namespace: str = "argocd"
    """Namespace ArgoCD watches for Applications (default `argocd`)."""
    project: str = "default"
    """ArgoCD project of the Applications (default `default`)."""
    destination_server: str = DEFAULT_CLUSTER
    """Cluster to deploy to (default: the one ArgoCD runs in): an API server URL, or a
    cluster name as ArgoCD knows it (rendered as `destination.name`)."""
    environments: Mapping[str, GitOpsTarget] = field(default_factory=dict)
    """Per environment name, what differs from the above: repository, path, project,
    cluster (default: nothing; every environment from `repo_url` into this cluster)."""
    app_project: bool = False
    """Render an ArgoCD AppProject named `project` that allows only this service's
    repositories, destinations and kinds, and refuse `project: default` (default False:
    no AppProject; the Applications use `project` as it is)."""

    def __post_init__(self) -> None:
        check_repo_url("gitops.repo_url", self.repo_url)
        check_repo_path("gitops.dist_path", self.dist_path)
        check_dns_label("gitops.argocd_namespace", self.argocd_namespace)
        _check_project("gitops.project", self.project)
        check_cluster("gitops.destination_server", self.destination_server)
        if not isinstance(self.environments, Mapping):
            raise ConfigError(
                "gitops.environments", self.environments, "a mapping of environment names to GitOpsTarget"
            )
        for name, target in self.environments.items():
            check_dns_label("gitops.environments key", name)
            check_instance(f"gitops.environments.{name}", target, GitOpsTarget)
        check_bool("gitops.app_project", self.app_project)
        if self.app_project:
            if self.project == "default":
                raise ConfigError("gitops.project", self.project, "a project of the service's own with app_project")
            for name, target in self.environments.items():
                if target.project not in (None, self.project):
                    raise ConfigError(
                        f"gitops.environments.{name}.project", target.project, f"None or {self.project!r} (app_project)"
                    )

    def clusters(self, environment: str) -> tuple[Cluster, ...]:
        """The environment's listed clusters (() where it has one destination)."""
        return tuple(self.environments.get(environment, GitOpsTarget()).clusters)

    def folder(self, environment: str, cluster: Cluster | None = None) -> str:
        """The output folder (under `dist_path`) of the environment on `cluster`:
        `<environment>/<cluster>` where the environment is split, else `<environment>`."""
        if cluster is not None and is_split(self.clusters(environment)):
            return f"{environment}/{cluster.name}"
        return environment

    def check_environments(self, names: Sequence[str]) -> None:
        """Refuse a target for an environment the project does not have (a typo)."""
        for name in self.environments:
            if name not in names:
                raise ConfigError("gitops.environments key", name, f"one of: {', '.join(names)}")
        # Each environment syncs a folder of its own: never another environment's output.
        names = list(names)
        folders = {env: f"{self.dist_path}/{env}" for env in names}
        seen: dict[tuple[str, str], str] = {}
        for env in names:
            target = self.environments.get(env, GitOpsTarget())
            repo, path = target.repo_url or self.repo_url, (target.path or folders[env]).rstrip("/")
            for other, folder in folders.items():
                if other != env and repo == self.repo_url and (path == folder or path.startswith(folder + "/")):
                    raise ConfigError(
                        f"gitops.environments.{env}.path",
                        path,
                        f"a folder of {env}'s own; {folder} is {other}'s output",
                    )
            if (repo, path) in seen:
                raise ConfigError(
                    f"gitops.environments.{env}.path",
                    path,
                    f"a folder of {env}'s own; {seen[(repo, path)]} syncs it too",
                )
            seen[(repo, path)] = env

    def placement(self, environment: str, cluster: Cluster | None = None) -> dict[str, Any]:
        """The spec fields of one environment's source and destination (on `cluster`, one
        of its listed clusters): `project`, `source.repoURL` and `.path`, `destination.server`
        or `.name`."""
        target = self.environments.get(environment, GitOpsTarget())
        listed = tuple(target.clusters)
        if cluster is None and len(listed) == 1:
            cluster = listed[0]
        path = target.path or f"{self.dist_path}/{environment}"
        if cluster is not None and is_split(listed):
            path = f"{path}/{cluster.name}"
        return {
            "project": target.project or self.project,
            "source": {"repoURL": target.repo_url or self.repo_url, "path": path},
            "destination": (
                cluster.destination()
                if cluster is not None
                else cluster_destination(target.cluster or self.destination_server)
            ),
        }


@public
@dataclass(frozen=True)
class ApplicationSpec:
    """One environment's Application, as data: the Applications and the
    ApplicationSet are both rendered from these, so they cannot drift apart."""

    service: str
    """Service name; the Application is `<service>-<environment>`."""
    part_of: str
    """`app.kubernetes.io/part-of` label of the Application."""
    profile: EnvironmentProfile
    """The environment: its revision, namespace and sync policy."""
    replica_owners: Sequence[tuple[str, str, str]]
    """(group, kind, name) of workloads whose replicas ArgoCD must ignore."""
    cluster: Cluster | None = None
    """One of the environment's several clusters: the Application is then
    `<service>-<environment>-<cluster>` (default None: the environment's one destination)."""

    @property
    def instance(self) -> str:
        """`<environment>`, or `<environment>-<cluster>` for one of several clusters."""
        return self.profile.name if self.cluster is None else f"{self.profile.name}-{self.cluster.name}"

    @property
    def name(self) -> str:
        return f"{self.service}-{self.instance}"

    def labels(self) -> dict[str, str]:
        return {
            "app.kubernetes.io/name": self.service,
            "app.kubernetes.io/part-of": self.part_of,
            "environment": self.profile.name,
            **self.cluster_labels(),
        }

    def cluster_labels(self) -> dict[str, str]:
        """`cluster` (and `region`) of an Application for one of several clusters."""
        if self.cluster is None:
            return {}
        region = {"region": self.cluster.region} if self.cluster.region else {}
        return {"cluster": self.cluster.name, **region}

    def varying_spec(self, settings: GitOpsSettings) -> dict[str, Any]:
        """The part of the spec that differs between environments."""
        sync_policy: dict[str, Any] = {
            "syncOptions": ["CreateNamespace=false", "ServerSideApply=true", "RespectIgnoreDifferences=true"]
        }
        if self.profile.auto_sync:
            sync_policy["automated"] = {"prune": True, "selfHeal": True}
            sync_policy["retry"] = {"limit": 5, "backoff": {"duration": "10s", "factor": 2, "maxDuration": "3m"}}
        return {
            "source": {"targetRevision": self.profile.git_revision},
            "destination": {"namespace": self.profile.namespace},
            "ignoreDifferences": [
                {"group": group, "kind": kind, "name": name, "jsonPointers": ["/spec/replicas"]}
                for group, kind, name in self.replica_owners
            ],
            "syncPolicy": sync_policy,
        }

    def finalizers(self) -> list[str]:
        # Deleting an auto-synced Application cascades to its resources; a
        # manually synced one (production) must never cascade-delete workloads.
        return ["resources-finalizer.argocd.argoproj.io"] if self.profile.auto_sync else []


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        merged[key] = _merge(merged[key], value) if isinstance(value, Mapping) and key in merged else value
    return merged


def application_spec(settings: GitOpsSettings, app: ApplicationSpec) -> dict[str, Any]:
    base = {**settings.placement(app.profile.name, app.cluster), "revisionHistoryLimit": 10}
    return _merge(base, app.varying_spec(settings))


def _snake_keys(value: Any) -> Any:
    """camelCase keys (as the API spells them) to the bindings' snake_case
    arguments, so a spec written once as data also builds the typed structs."""
    if isinstance(value, Mapping):
        return {
            re.sub(r"(?<=[a-z0-9])([A-Z]+)", lambda m: "_" + m.group(1).lower(), k): _snake_keys(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_snake_keys(v) for v in value]
    return value


def _typed_application_spec(spec: Mapping[str, Any]) -> argoproj.ApplicationSpec:
    # jsii turns a dict into a struct only where the struct is an argument itself;
    # items of a list of structs must be built as structs.
    arguments = _snake_keys(spec)
    arguments["ignore_differences"] = [
        argoproj.ApplicationSpecIgnoreDifferences(**item) for item in arguments.get("ignore_differences", [])
    ]
    return argoproj.ApplicationSpec(**arguments)


class ArgoApplications(Construct):
    """Application `<service>-<environment>` per environment, in the ArgoCD namespace,
    each syncing `<dist_path>/<environment>` from its own revision.

    Escape hatches, one per kind: `applications` (one ArgoCD `Application` per environment, by environment).
    """

    def __init__(self, scope: Construct, id: str, *, settings: GitOpsSettings, apps: Sequence[ApplicationSpec]) -> None:
        super().__init__(scope, id)
        self.applications = {
            app.name: argoproj.Application(
                self,
                app.name,
                metadata=ApiObjectMetadata(
                    name=app.name,
                    namespace=settings.argocd_namespace,
                    labels=app.labels(),
                    finalizers=app.finalizers() or None,
                ),
                spec=_typed_application_spec(application_spec(settings, app)),
            )
            for app in apps
        }
