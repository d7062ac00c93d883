"""The ApplicationSet: the same Applications as `ArgoApplications`, from generators.

An environment with one destination is an element of a list generator. An environment
on several clusters (`GitOpsTarget.clusters`) is one cluster generator that selects the
clusters registered in Argo CD by their labels: `environment: <env>` and, where every
cluster of it has a region, `region` in those regions. Adding a region is then one
`Cluster` in the profile (its folder is rendered) plus registering the cluster with those
labels on its Argo CD cluster Secret; a cluster registered with other labels gets nothing.

Every parameter set carries the same `values` (`environment`, `instance`, and the
placement that differs: path, namespace, revision, destination name or server,
project, repository), so the template holds the whole placement, `project` and
`destination` included, as the upstream CRD requires. What is not a string (sync
policy, finalizers, ignoreDifferences, the cluster labels) is rendered into
`templatePatch`, one Go-template branch per environment, from the same data as the
Applications (a test expands one into the other).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cdk8s import ApiObjectMetadata
from constructs import Construct

from cdk8s_webservice.core import yaml_emitter
from cdk8s_webservice_crds.io import argoproj

from .applications import ApplicationSpec, GitOpsSettings
from .clusters import is_split

# Placement value -> where it goes in the Application's spec.
_PLACES = {
    "project": ("project",),
    "repoURL": ("source", "repoURL"),
    "path": ("source", "path"),
    "revision": ("source", "targetRevision"),
    "namespace": ("destination", "namespace"),
    "name": ("destination", "name"),
    "server": ("destination", "server"),
}


def _put(spec: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        spec = spec.setdefault(key, {})
    spec[path[-1]] = value


def _placement(settings: GitOpsSettings, app: ApplicationSpec) -> dict[str, str]:
    """One Application's placement as flat string values (a destination: name or server)."""
    placed = settings.placement(app.profile.name, app.cluster)
    destination = placed["destination"]
    return {
        "project": placed["project"],
        "repoURL": placed["source"]["repoURL"],
        "path": placed["source"]["path"],
        "revision": app.profile.git_revision,
        "namespace": app.profile.namespace,
        "name": destination.get("name", ""),
        "server": destination.get("server", ""),
    }


def _environments(apps: Sequence[ApplicationSpec]) -> dict[str, list[ApplicationSpec]]:
    grouped: dict[str, list[ApplicationSpec]] = {}
    for app in apps:
        grouped.setdefault(app.profile.name, []).append(app)
    return grouped


class ArgoApplicationSet(Construct):
    """ApplicationSet `<service>`: the same Applications as `ArgoApplications`.

    A list generator yields the environments with one destination; a cluster generator
    per environment on several clusters selects them by the labels of their Argo CD
    cluster Secrets (`environment`, and `region` where every cluster has one), and
    names each Application after the cluster it found (`<service>-<env>-<cluster>`,
    syncing `<dist_path>/<env>/<cluster>` where the environment is split). Placement
    shared by all is literal in the template, the rest comes from each parameter set's
    `values`; the sync policy and the rest per environment is in `templatePatch`.

    Escape hatch: `api_object`, the generated `ApplicationSet` binding.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        settings: GitOpsSettings,
        service: str,
        part_of: str,
        apps: Sequence[ApplicationSpec],
    ) -> None:
        super().__init__(scope, id)
        environments = _environments(apps)
        placements = {app.instance: _placement(settings, app) for app in apps}
        # Environments on several clusters: a cluster generator each, which fills in the
        # path, the destination and the instance of each cluster it finds.
        by_clusters = {env: any(a.cluster is not None for a in group) for env, group in environments.items()}
        per_cluster = ("path", "name", "server") if any(by_clusters.values()) else ()
        shared: dict[str, str] = {}
        for key in _PLACES:
            values = {p[key] for p in placements.values()}
            if len(values) == 1 and key not in per_cluster:
                shared[key] = values.pop()
        # A destination is a name or a server: only the keys some Application uses.
        used = {key for p in placements.values() for key in ("name", "server") if p[key]}
        varying = [key for key in _PLACES if key not in shared and (key not in ("name", "server") or key in used)]
        spec: dict[str, Any] = {"revisionHistoryLimit": 10}
        for key, value in shared.items():
            if value or key not in ("name", "server"):
                _put(spec, _PLACES[key], value)
        for key in varying:
            _put(spec, _PLACES[key], f"{{{{ .values.{key} }}}}")
        # Each environment's `values`: what varies between the Applications, by name.
        values_of: dict[str, dict[str, str]] = {}
        for env, group in environments.items():
            every = (
                self._cluster_values(settings, group)
                if by_clusters[env]
                else placements[group[0].instance] | {"environment": env, "instance": env}
            )
            values_of[env] = {k: v for k, v in every.items() if k in varying or k in ("environment", "instance")}
        template = {
            "metadata": {
                "name": f"{service}-{{{{ .values.instance }}}}",
                "namespace": settings.argocd_namespace,
                "labels": {
                    "app.kubernetes.io/name": service,
                    "app.kubernetes.io/part-of": part_of,
                    "environment": "{{ .values.environment }}",
                },
            },
            "spec": spec,
        }
        list_elements = [{"values": values_of[env]} for env in environments if not by_clusters[env]]
        generators = (
            [
                argoproj.ApplicationSetSpecGenerators(
                    list=argoproj.ApplicationSetSpecGeneratorsList(elements=list_elements)
                )
            ]
            if list_elements
            else []
        )
        generators += [
            argoproj.ApplicationSetSpecGenerators(
                clusters=argoproj.ApplicationSetSpecGeneratorsClusters(
                    selector=self._selector(env, group), values=values_of[env]
                )
            )
            for env, group in environments.items()
            if by_clusters[env]
        ]
        branches = []
        for index, (env, group) in enumerate(environments.items()):
            keyword = "if" if index == 0 else "else if"
            first = group[0]
            metadata: dict[str, Any] = {"finalizers": first.finalizers()}
            if by_clusters[env]:
                labels = {"cluster": "{{ .name }}"}
                if all(a.cluster is not None and a.cluster.region for a in group):
                    labels["region"] = "{{ .metadata.labels.region }}"
                metadata["labels"] = labels
            varying_spec = first.varying_spec(settings)
            del varying_spec["source"], varying_spec["destination"]  # in the template's values
            patch = {"metadata": metadata, "spec": varying_spec}
            branches.append(
                f'{{{{- {keyword} eq .values.environment "{env}" }}}}\n' + yaml_emitter.dump(patch, sort_keys=True)
            )
        self.api_object = argoproj.ApplicationSet(
            self,
            "Resource",
            metadata=ApiObjectMetadata(
                name=service, namespace=settings.argocd_namespace, labels={"app.kubernetes.io/part-of": part_of}
            ),
            spec=argoproj.ApplicationSetSpec(
                go_template=True,
                go_template_options=["missingkey=error"],
                generators=generators,
                template=template,
                template_patch="".join(branches) + "{{- end }}\n",
                sync_policy=argoproj.ApplicationSetSpecSyncPolicy(preserve_resources_on_deletion=True),
            ),
        )

    @staticmethod
    def _cluster_values(settings: GitOpsSettings, group: Sequence[ApplicationSpec]) -> dict[str, str]:
        """The values of an environment's cluster generator, templated on the cluster found."""
        env = group[0].profile.name
        placed = _placement(settings, group[0])
        clusters = [a.cluster for a in group if a.cluster is not None]
        target_path = settings.placement(env)["source"]["path"]
        split = is_split(settings.clusters(env))
        by_server = all(c.server is not None for c in clusters)
        return placed | {
            "environment": env,
            "instance": f"{env}-{{{{ .name }}}}",
            "path": f"{target_path}/{{{{ .name }}}}" if split else target_path,
            "name": "" if by_server else "{{ .name }}",
            "server": "{{ .server }}" if by_server else "",
        }

    @staticmethod
    def _selector(env: str, group: Sequence[ApplicationSpec]) -> argoproj.ApplicationSetSpecGeneratorsClustersSelector:
        """`environment: <env>`, and the profile's regions where every cluster has one."""
        regions = [a.cluster.region for a in group if a.cluster is not None]
        expressions = None
        if regions and all(regions):
            expressions = [
                argoproj.ApplicationSetSpecGeneratorsClustersSelectorMatchExpressions(
                    key="region", operator="In", values=sorted({r for r in regions if r})
                )
            ]
        return argoproj.ApplicationSetSpecGeneratorsClustersSelector(
            match_labels={"environment": env}, match_expressions=expressions
        )
