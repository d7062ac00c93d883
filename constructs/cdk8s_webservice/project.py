"""A deployable service project: what the app entry point and the CLI build from.

A project names its environments (a loader, so a changed releases file is read
again), how to build one environment's chart, and optionally GitOps and Helm
settings. `synthesize` turns that into rendered folders:

    <env>/          the manifests ArgoCD syncs, one per environment
    argocd/         an Application per environment
    argocd-applicationset/   the same three from one ApplicationSet (use one or the other)
    helm/<env>/     each environment as a Helm chart
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cdk8s import App, Chart
from constructs import Construct

from .chart import EnvironmentChart
from .delivery import Strategy
from .gate import Gate, GateSettings
from .gitops import (
    ApplicationSpec,
    ArgoApplications,
    ArgoApplicationSet,
    GitOpsSettings,
    annotate_sync_waves,
    replica_owners,
)
from .helm import chart_files
from .profile import EnvironmentProfile, Environments
from .rendering import render_files
from .synthesis import manifests_by_environment, refuse_plain_secrets

ARGOCD_FOLDER = "argocd"
APPLICATIONSET_FOLDER = "argocd-applicationset"
HELM_FOLDER = "helm"


@dataclass(frozen=True)
class ServiceProject:
    """Everything needed to synthesize one service's deployment."""

    name: str
    """Service name (Application names are `<name>-<environment>`)."""
    environments: Callable[[], Environments]
    """Reads the environments (and the releases file behind them) afresh."""
    chart: Callable[[Construct, EnvironmentProfile], EnvironmentChart]
    """Builds one environment's chart."""
    releases_file: Path | None = None
    """The releases file the CLI's set-image, promote and rollback rewrite."""
    gitops: GitOpsSettings | None = None
    """Where ArgoCD finds the output; None renders no Applications."""
    helm_chart_version: str | None = None
    """Version of the Helm charts (content hash appended); None: no Helm export."""
    part_of: str = ""
    """`app.kubernetes.io/part-of` of the Applications (default: the name)."""
    gate: GateSettings = field(default_factory=GateSettings)
    """What the gate checks against; every synthesize runs it."""

    def profiles(
        self, names: Iterable[str] | None = None, strategy: Strategy | None = None
    ) -> list[EnvironmentProfile]:
        profiles = self.environments().select(names)
        if strategy is not None:
            profiles = [dataclasses.replace(p, strategy=strategy) for p in profiles]
        return profiles

    def synthesize(
        self, names: Iterable[str] | None = None, strategy: Strategy | None = None
    ) -> dict[str, dict[str, str]]:
        """Folder -> file name -> YAML text. With `names`, only those environments
        (and their Helm charts); otherwise every folder listed above.

        Raises `ConfigError` for a bad value and `GateFailed` when a synthesized
        object breaks a gate rule: in both cases before anything is written."""
        app = App()
        profiles = self.profiles(names, strategy)
        charts = [self.chart(app, profile) for profile in profiles]
        manifests = manifests_by_environment(charts)
        rendered: dict[str, dict[str, str]] = {}
        checked: dict[str, list[dict[str, Any]]] = {}
        for env, objects in manifests.items():
            refuse_plain_secrets(env, objects)
            annotate_sync_waves(objects)
            rendered[env] = render_files(env, objects)
            checked[env] = objects
        if self.helm_chart_version is not None:
            for profile in profiles:
                rendered[f"{HELM_FOLDER}/{profile.name}"] = chart_files(
                    name=self.name,
                    environment=profile.name,
                    version=self.helm_chart_version,
                    app_version=profile.image_tag,
                    manifests=rendered[profile.name],
                )
        if self.gitops is not None and names is None:
            apps = [
                ApplicationSpec(self.name, self.part_of or self.name, profile, replica_owners(manifests[profile.name]))
                for profile in profiles
            ]
            for folder, build in (
                (ARGOCD_FOLDER, lambda c: ArgoApplications(c, "applications", settings=self.gitops, apps=apps)),
                (
                    APPLICATIONSET_FOLDER,
                    lambda c: ArgoApplicationSet(
                        c,
                        "applicationset",
                        settings=self.gitops,
                        service=self.name,
                        part_of=self.part_of or self.name,
                        apps=apps,
                    ),
                ),
            ):
                chart = Chart(app, folder)
                build(chart)
                checked[folder] = chart.to_json()
                rendered[folder] = render_files(folder, checked[folder])
        Gate(self.gate).enforce(checked, schema_only=(ARGOCD_FOLDER, APPLICATIONSET_FOLDER))
        return rendered

    @property
    def environment_folders(self) -> list[str]:
        return list(self.environments().names)
