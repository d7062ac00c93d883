"""A deployable service project: what the app entry point and the CLI build from.

A project names its environments (a loader, so a changed releases file is read
again), how to build one environment's chart, and optionally GitOps and Helm
settings. `synthesize` turns that into rendered folders:

    <env>/          the manifests ArgoCD syncs, one per environment
    <env>/<cluster>/  instead, where an environment's clusters differ (`Cluster`)
    argocd/         an Application per environment (and cluster)
    argocd-applicationset/   the same ones from one ApplicationSet (use one or the other)
    helm/<env>/     each environment as a Helm chart (a values file per cluster where split)
    loadtest/<env>/ each environment's k6 script (thresholds from the SLO);
                    loadtest/<env>/<cluster>/ per cluster where split
    argocd-config/  the k6 TestRun's health check, to merge into argocd-cm (`argocd_health`)
    helm/prometheus-adapter/  the rules serving the HPAs' Pods metrics (`custom_metrics`)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cdk8s import App, Chart
from constructs import Construct

from cdk8s_webservice.core.error_context import with_environment
from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.delivery.strategy import Strategy
from cdk8s_webservice.gate import GateFailed, GateSettings
from cdk8s_webservice.gate.metadata import refuse_plain_secrets
from cdk8s_webservice.gate.worker import warmed_gate
from cdk8s_webservice.gitops.app_project import AppProject, shipped_kinds
from cdk8s_webservice.gitops.application_set import ArgoApplicationSet
from cdk8s_webservice.gitops.applications import ApplicationSpec, ArgoApplications, GitOpsSettings
from cdk8s_webservice.gitops.argocd_health import FOLDER as ARGOCD_HEALTH_FOLDER
from cdk8s_webservice.gitops.argocd_health import argocd_cm_patch
from cdk8s_webservice.gitops.clusters import Cluster, check_cluster_values, is_split
from cdk8s_webservice.gitops.helm import chart_files
from cdk8s_webservice.gitops.sync_waves import annotate_sync_waves, replica_owners
from cdk8s_webservice.observability.custom_metrics import ADAPTER_CHART, adapter_chart_files, adapter_rules
from cdk8s_webservice.profiles.environment import EnvironmentProfile, Environments
from cdk8s_webservice.releases.file import Releases
from cdk8s_webservice.service.chart import PART_OF_CONTEXT, EnvironmentChart
from cdk8s_webservice.service.load_test_files import script_files

from .rendering import render_files

ARGOCD_FOLDER = "argocd"
APPLICATIONSET_FOLDER = "argocd-applicationset"
HELM_FOLDER = "helm"
LOADTEST_FOLDER = "loadtest"
ARGOCD_CONFIG_FOLDER = ARGOCD_HEALTH_FOLDER


@public
@dataclass(frozen=True)
class ServiceProject:
    """Everything needed to synthesize one service's deployment."""

    name: str
    """Service name (Application names are `<name>-<environment>`)."""
    environments: Callable[[Releases], Environments]
    """Builds the environments from the release state, which is read from
    `releases_file` for every synth (an empty `Releases` when there is none)."""
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

    def load_releases(self) -> Releases:
        """The release state: `releases_file` read now, or empty without one."""
        return Releases.load(self.releases_file) if self.releases_file is not None else Releases({})

    def load_environments(self, releases: Releases | None = None) -> Environments:
        """The environments built from `releases` (default: read now). An entry of the
        releases file for an environment the project does not have is a typo: refused."""
        releases = releases if releases is not None else self.load_releases()
        try:
            environments = self.environments(releases)
        except ConfigError as error:
            # A Resources or ScalingBounds refused before its profile existed: name the environment.
            raise with_environment(error, error.__traceback__) from None
        if self.releases_file is not None:
            releases.check_environments(p.name for p in environments)
        return environments

    def profiles(
        self,
        names: Iterable[str] | None = None,
        strategy: Strategy | None = None,
        releases: Releases | None = None,
    ) -> list[EnvironmentProfile]:
        profiles = self.load_environments(releases).select(names)
        if not profiles:
            raise ConfigError("environments", [], "at least one environment to synthesize")
        if strategy is not None:
            profiles = [dataclasses.replace(p, strategy=strategy) for p in profiles]
        return profiles

    def synthesize(
        self,
        names: Iterable[str] | None = None,
        strategy: Strategy | None = None,
        releases: Releases | None = None,
    ) -> dict[str, dict[str, str]]:
        """Folder -> file name -> YAML text. With `names`, only those environments
        (and their Helm charts); otherwise every folder listed above. `releases`: the
        release state to build from (default: `releases_file`, read now).

        Raises `ConfigError` for a bad value and `GateFailed` when a synthesized
        object breaks a gate rule: in both cases before anything is written."""
        return self._synthesize(names, strategy, releases)

    def _synthesize(
        self,
        names: Iterable[str] | None = None,
        strategy: Strategy | None = None,
        releases: Releases | None = None,
        *,
        before_gate: Callable[[dict[str, dict[str, str]]], None] | None = None,
    ) -> dict[str, dict[str, str]]:
        """`synthesize`; `before_gate` gets every folder rendered before the gate's last
        answers are awaited (an app stages its output meanwhile)."""
        gate = warmed_gate(self.gate)
        app = App()
        app.node.set_context(PART_OF_CONTEXT, self.part_of or self.name)
        profiles = self.profiles(names, strategy, releases)
        rendered: dict[str, dict[str, str]] = {}
        # Only what the ArgoCD Applications need is kept of each environment's
        # objects; the rest is dropped once rendered and checked.
        owners: dict[str, list[tuple[str, str, str]]] = {}
        kinds: set[tuple[str, str]] = set()
        every_chart: list[Construct] = []
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="gate") as checks:
            pending = []
            for profile in profiles:
                # One build per cluster where the environment's clusters differ, else one.
                builds: list[tuple[str, EnvironmentProfile, App]] = [(profile.name, profile, app)]
                clusters = self.gitops.clusters(profile.name) if self.gitops is not None else ()
                check_cluster_values(profile, clusters)
                split = self.gitops is not None and is_split(clusters)
                if self.gitops is not None and split:
                    builds = [
                        (self.gitops.folder(profile.name, c), c.apply(profile), self._cluster_app()) for c in clusters
                    ]
                charts = []
                for folder, built, scope in builds:
                    chart = self.chart(scope, built)
                    charts.append(chart)
                    objects = chart.to_json()
                    if not objects:  # written, it would be an empty folder and a success
                        raise ConfigError(
                            f"environment {folder}",
                            type(chart).__name__,
                            "a chart that builds at least one object (this one built none: nothing to deploy)",
                        )
                    refuse_plain_secrets(folder, objects)
                    annotate_sync_waves(objects)
                    owners[folder] = replica_owners(objects)
                    kinds |= shipped_kinds(objects)
                    # The gate checks this folder while the next one is built (in
                    # its worker process, under an app; else in this thread, where its
                    # policy engine releases the GIL and jsii mostly waits on Node.js).
                    pending.append(checks.submit(gate.check, folder, objects))
                    rendered[folder] = render_files(folder, objects)
                every_chart += charts
                # The k6 script of each web service, outside the folders ArgoCD syncs: one
                # per cluster where the environment is split (its regional host by default).
                for (folder, _, _), chart, cluster in zip(builds, charts, clusters if split else [None], strict=True):
                    host = cluster.regional_host if cluster is not None else None
                    scripts = script_files(chart, base_url=f"https://{host}" if host else None, folder=folder)
                    if scripts:
                        rendered[f"{LOADTEST_FOLDER}/{folder}"] = scripts
                if self.helm_chart_version is not None:
                    rendered[f"{HELM_FOLDER}/{profile.name}"] = chart_files(
                        name=self.name,
                        environment=profile.name,
                        version=self.helm_chart_version,
                        app_version=profile.image_tag,
                        manifests=rendered[builds[0][0]],
                        clusters={c.name: rendered[f] for c, (f, _, _) in zip(clusters, builds, strict=True)}
                        if split
                        else None,
                    )
            if names is None:
                adapter = adapter_chart_files(self.name, adapter_rules(every_chart))
                if adapter:
                    rendered[f"{HELM_FOLDER}/{ADAPTER_CHART}"] = adapter
            if self.gitops is not None and names is None:
                for folder, objects in self._gitops_objects(self.gitops, app, profiles, owners, kinds).items():
                    pending.append(checks.submit(gate.check, folder, objects))
                    rendered[folder] = render_files(folder, objects)
            if before_gate is not None:
                before_gate(rendered)
            violations = [violation for check in pending for violation in check.result()]
        if violations:
            raise GateFailed(violations)
        return rendered

    def cluster(self, environment: str, name: str) -> Cluster:
        """One of `environment`'s clusters (`GitOpsTarget.clusters`), by name. Raises
        `ConfigError` naming `--cluster` and the clusters it has."""
        profile = self.load_environments().get(environment)
        clusters = self.gitops.clusters(profile.name) if self.gitops is not None else ()
        for cluster in clusters:
            if cluster.name == name:
                return cluster
        names = ", ".join(c.name for c in clusters)
        raise ConfigError(
            "--cluster", name, f"one of: {names}" if names else f"none: {profile.name} has one destination"
        )

    def environment_folder(self, environment: str, cluster: str | None = None) -> str:
        """The output folder (under dist/) of `environment`, on `cluster` where the
        environment is split per cluster (then required: there is no one folder).
        Raises `ConfigError` for a cluster the environment does not run on."""
        profile = self.load_environments().get(environment)
        chosen = self.cluster(profile.name, cluster) if cluster is not None else None
        clusters = self.gitops.clusters(profile.name) if self.gitops is not None else ()
        if self.gitops is None or not is_split(clusters):
            return profile.name
        if chosen is None:
            names = ", ".join(c.name for c in clusters)
            raise ConfigError("--cluster", None, f"one of: {names} ({profile.name} differs per cluster: pick one)")
        return self.gitops.folder(profile.name, chosen)

    def _cluster_app(self) -> App:
        """A scope of its own for one cluster's build of an environment (same chart ids)."""
        app = App()
        app.node.set_context(PART_OF_CONTEXT, self.part_of or self.name)
        return app

    def _gitops_objects(
        self,
        gitops: GitOpsSettings,
        app: App,
        profiles: list[EnvironmentProfile],
        owners: dict[str, list[tuple[str, str, str]]],
        kinds: set[tuple[str, str]],
    ) -> dict[str, list[dict[str, Any]]]:
        """The Applications (one per environment and cluster), the ApplicationSet yielding
        the same ones, and with `app_project` the service's AppProject beside each."""
        gitops.check_environments([p.name for p in profiles])
        part_of = self.part_of or self.name
        apps: list[ApplicationSpec] = []
        for p in profiles:
            clusters: list[Cluster | None] = (
                list(gitops.clusters(p.name)) if len(gitops.clusters(p.name)) > 1 else [None]
            )
            apps += [ApplicationSpec(self.name, part_of, p, owners[gitops.folder(p.name, c)], c) for c in clusters]
        applications = Chart(app, ARGOCD_FOLDER)
        ArgoApplications(applications, "applications", settings=gitops, apps=apps)
        application_set = Chart(app, APPLICATIONSET_FOLDER)
        ArgoApplicationSet(
            application_set, "applicationset", settings=gitops, service=self.name, part_of=part_of, apps=apps
        )
        if gitops.app_project:
            for chart in (applications, application_set):
                AppProject(
                    chart, "app-project", settings=gitops, service=self.name, part_of=part_of, apps=apps, kinds=kinds
                )
        folders = {ARGOCD_FOLDER: applications.to_json(), APPLICATIONSET_FOLDER: application_set.to_json()}
        if ("k6.io", "TestRun") in kinds:
            # The TestRun's health check (argocd_health): merged into argocd-cm, synced by no Application.
            folders[ARGOCD_CONFIG_FOLDER] = [argocd_cm_patch(argocd_namespace=gitops.argocd_namespace, part_of=part_of)]
        return folders
