"""GitOps with Argo CD: one Application per environment (or one ApplicationSet
yielding the same three), sync waves, and what ArgoCD must leave to controllers.

Longer than most modules: the Applications and the ApplicationSet are built from the same data and must stay equivalent (a test expands one into the other).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cdk8s import ApiObjectMetadata
from constructs import Construct

from cdk8s_webservice_crds.io import argoproj

from . import yaml_emitter
from .errors import ConfigError
from .names import check_dns_label
from .profile import EnvironmentProfile
from .values import check_str

SYNC_WAVE = "argocd.argoproj.io/sync-wave"
SYNC_OPTIONS = "argocd.argoproj.io/sync-options"

SYNC_WAVES: Mapping[str, int] = {
    "Namespace": -2,
    "ServiceAccount": -1,
    "Role": -1,
    "RoleBinding": -1,
    "ConfigMap": -1,
    "SealedSecret": -1,
    "NetworkPolicy": -1,
    "FeatureFlag": -1,
    "FeatureFlagSource": -1,
    "ServiceMonitor": 1,
    "PrometheusRule": 1,
    "VerticalPodAutoscaler": 1,
    "MetricTemplate": 1,
    "Canary": 1,
    "Schedule": 1,
}
"""Apply order. Namespace first; then what pods need to start (identity, config,
the SealedSecret the controller unseals, network policy, the feature flags the
OpenFeature webhook reads when it admits a pod); then the workload; last, objects
that point at the workload and need CRDs (monitoring, VPA, Canary, chaos Schedules)."""
_CORE_GROUPS = ("", "apps", "autoscaling", "policy", "networking.k8s.io", "rbac.authorization.k8s.io")


def annotate_sync_waves(manifests: Iterable[dict[str, Any]]) -> None:
    """Add the sync-wave annotation to every object; custom resources also skip the
    dry run, so a first sync that installs their CRDs alongside does not fail."""
    for manifest in manifests:
        annotations = manifest["metadata"].setdefault("annotations", {})
        annotations[SYNC_WAVE] = str(SYNC_WAVES.get(manifest["kind"], 0))
        group = manifest["apiVersion"].rpartition("/")[0]
        if group not in _CORE_GROUPS:
            annotations[SYNC_OPTIONS] = "SkipDryRunOnMissingResource=true"


def replica_owners(manifests: Iterable[Mapping[str, Any]]) -> list[tuple[str, str, str]]:
    """(group, kind, name) of every workload whose `spec.replicas` a controller owns:
    the targets of HPAs, and the Deployments Flagger scales. ArgoCD must ignore
    those replicas, or self-heal would fight the controller."""
    owned = set()
    for manifest in manifests:
        if manifest["kind"] == "HorizontalPodAutoscaler":
            ref = manifest["spec"]["scaleTargetRef"]
        elif manifest["kind"] == "Canary":
            ref = manifest["spec"]["targetRef"]
        else:
            continue
        owned.add((ref["apiVersion"].rpartition("/")[0], ref["kind"], ref["name"]))
    return sorted(owned)


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
    destination_server: str = "https://kubernetes.default.svc"
    """Cluster to deploy to (default: the one ArgoCD runs in)."""

    def __post_init__(self) -> None:
        if not isinstance(self.repo_url, str) or not self.repo_url.startswith(("https://", "ssh://", "git@")):
            raise ConfigError("gitops.repo_url", self.repo_url, "a https://, ssh:// or git@ repository URL")
        check_str("gitops.dist_path", self.dist_path, "a folder path in the repository such as 'dist'")
        check_dns_label("gitops.argocd_namespace", self.argocd_namespace)
        check_str("gitops.project", self.project, "an ArgoCD project name")
        check_str("gitops.destination_server", self.destination_server, "a cluster API URL")


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

    @property
    def name(self) -> str:
        return f"{self.service}-{self.profile.name}"

    def labels(self) -> dict[str, str]:
        return {
            "app.kubernetes.io/name": self.service,
            "app.kubernetes.io/part-of": self.part_of,
            "environment": self.profile.name,
        }

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


def _common_spec(settings: GitOpsSettings, path: str) -> dict[str, Any]:
    return {
        "project": settings.project,
        "source": {"repoURL": settings.repo_url, "path": path},
        "destination": {"server": settings.destination_server},
        "revisionHistoryLimit": 10,
    }


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        merged[key] = _merge(merged[key], value) if isinstance(value, Mapping) and key in merged else value
    return merged


def application_spec(settings: GitOpsSettings, app: ApplicationSpec) -> dict[str, Any]:
    return _merge(_common_spec(settings, f"{settings.dist_path}/{app.profile.name}"), app.varying_spec(settings))


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


class ArgoApplicationSet(Construct):
    """ApplicationSet `<service>`: the same Applications from a git directories
    generator over the environment folders. What differs per environment is
    rendered into `templatePatch`, one Go-template branch per environment,
    from the same data as the Applications.

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
        generator_revision: str = "main",
    ) -> None:
        super().__init__(scope, id)
        branches = []
        for index, app in enumerate(apps):
            keyword = "if" if index == 0 else "else if"
            patch = {"metadata": {"finalizers": app.finalizers()}, "spec": app.varying_spec(settings)}
            branches.append(
                f'{{{{- {keyword} eq .path.basename "{app.profile.name}" }}}}\n'
                + yaml_emitter.dump(patch, sort_keys=True)
            )
        template_patch = "".join(branches) + "{{- end }}\n"
        template = {
            "metadata": {
                "name": f"{service}-{{{{ .path.basename }}}}",
                "namespace": settings.argocd_namespace,
                "labels": {
                    "app.kubernetes.io/name": service,
                    "app.kubernetes.io/part-of": part_of,
                    "environment": "{{ .path.basename }}",
                },
            },
            "spec": _common_spec(settings, "{{ .path.path }}"),
        }
        self.api_object = argoproj.ApplicationSet(
            self,
            "application-set",
            metadata=ApiObjectMetadata(
                name=service, namespace=settings.argocd_namespace, labels={"app.kubernetes.io/part-of": part_of}
            ),
            spec=argoproj.ApplicationSetSpec(
                go_template=True,
                go_template_options=["missingkey=error"],
                generators=[
                    argoproj.ApplicationSetSpecGenerators(
                        git=argoproj.ApplicationSetSpecGeneratorsGit(
                            repo_url=settings.repo_url,
                            revision=generator_revision,
                            directories=[
                                argoproj.ApplicationSetSpecGeneratorsGitDirectories(
                                    path=f"{settings.dist_path}/{app.profile.name}"
                                )
                                for app in apps
                            ],
                        )
                    )
                ],
                template=template,
                template_patch=template_patch,
                sync_policy=argoproj.ApplicationSetSpecSyncPolicy(preserve_resources_on_deletion=True),
            ),
        )
