"""An ArgoCD AppProject per service: what its Applications may deploy, and where.

Rendered where `GitOpsSettings.app_project` is on (off by default), beside the
Applications (`argocd/`) and the ApplicationSet (`argocd-applicationset/`):

- `sourceRepos`: the repositories the service's environments are rendered to;
- `destinations`: each environment's namespace on each of its clusters;
- `clusterResourceWhitelist`: the cluster-scoped kinds the service ships (its
  Namespace; Karpenter's NodePool and EC2NodeClass where it has a node pool);
- `namespaceResourceWhitelist`: the namespaced kinds it ships, and no others
  (computed from the rendered objects, so an opt-in feature that adds a kind adds it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cdk8s import ApiObjectMetadata
from constructs import Construct

from cdk8s_webservice.addons.karpenter import CLUSTER_KINDS as KARPENTER_KINDS
from cdk8s_webservice_crds.io import argoproj

from .applications import ApplicationSpec, GitOpsSettings

CLUSTER_SCOPED_KINDS: frozenset[tuple[str, str]] = frozenset({("", "Namespace"), *KARPENTER_KINDS})
"""(API group, kind) of the cluster-scoped objects the library renders."""


def shipped_kinds(manifests: Iterable[dict[str, object]]) -> set[tuple[str, str]]:
    """(API group, kind) of each manifest."""
    return {(str(m["apiVersion"]).rpartition("/")[0], str(m["kind"])) for m in manifests}


class AppProject(Construct):
    """AppProject `GitOpsSettings.project`, in the ArgoCD namespace, allowing the
    service's repositories, destinations (namespace on cluster) and kinds only.

    Escape hatch: `api_object`, the generated `AppProject` binding.
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
        kinds: Iterable[tuple[str, str]],
    ) -> None:
        super().__init__(scope, id)
        placements = [(app, settings.placement(app.profile.name, app.cluster)) for app in apps]
        repos = sorted({p["source"]["repoURL"] for _, p in placements})
        destinations = sorted(
            {tuple(sorted({**p["destination"], "namespace": app.profile.namespace}.items())) for app, p in placements}
        )
        kinds = sorted(set(kinds))
        self.api_object = argoproj.AppProject(
            self,
            "Resource",
            metadata=ApiObjectMetadata(
                name=settings.project,
                namespace=settings.argocd_namespace,
                labels={"app.kubernetes.io/name": service, "app.kubernetes.io/part-of": part_of},
            ),
            spec=argoproj.AppProjectSpec(
                description=f"{service}: its repositories, namespaces and kinds only",
                source_repos=repos,
                destinations=[argoproj.AppProjectSpecDestinations(**dict(d)) for d in destinations],
                cluster_resource_whitelist=[
                    argoproj.AppProjectSpecClusterResourceWhitelist(group=g, kind=k)
                    for g, k in kinds
                    if (g, k) in CLUSTER_SCOPED_KINDS
                ],
                namespace_resource_whitelist=[
                    argoproj.AppProjectSpecNamespaceResourceWhitelist(group=g, kind=k)
                    for g, k in kinds
                    if (g, k) not in CLUSTER_SCOPED_KINDS
                ],
            ),
        )
