"""Argo CD's repo-server renders a service: a Config Management Plugin (CMP v2) and the
layout of Argo CD's Source Hydrator.

`cdk8s-webservice plugin generate` is the plugin's `generate` command. Argo CD's CMP
server runs it in the Application's source folder (the project is found from there, as
every command finds it), with the Application's `spec.source.plugin.env` prefixed
`ARGOCD_ENV_`: `ARGOCD_ENV_ENVIRONMENT` names the environment, `ARGOCD_ENV_CLUSTER` the
cluster where the environment differs per cluster. It synthesizes that environment
through the gate, in memory (nothing is written to dist/ or the project's files; only
the caches every command keeps in `.cache/`), and
prints exactly what `cdk8s-webservice render -e ENV [--cluster C]` prints. A bad or
missing variable, and a refusal of the gate, is exit 2 or 1 with one line on stderr and
nothing on stdout: Argo CD fails the manifest generation rather than sync nothing (with
`prune`, an empty stream would delete the service).

`cdk8s-webservice plugin manifests --image IMAGE --out DIR` writes what installs the
plugin, as data (docs/argocd-plugin.md):

    plugin.yaml                              the ConfigManagementPlugin (to bake into the image)
    configmap-cdk8s-webservice-cmp.yaml      the same, in a ConfigMap the sidecar mounts
    argocd-repo-server-patch.yaml            the sidecar container and its volumes (kubectl patch)
    plugin/application-<app>.yaml            each Application, its source rendered by the plugin
    source-hydrator/application-<app>.yaml   each Application, hydrated by Argo CD's Source Hydrator

`cdk8s-webservice plugin hydrate -e ENV --out DIR` writes an environment's hydrated
layout as Argo CD's commit server writes it (commitserver/commit/hydratorhelper.go,
`WriteForPaths`) into a checkout of the hydrated branch: at the root `hydrator.metadata`
and `.gitattributes`; in each Application's path `manifest.yaml` (the stream),
`hydrator.metadata` and `README.md`. Like Argo CD it overwrites those files and deletes
nothing.

Field names are Argo CD's (argoproj/argo-cd at 37ee0097cf85, 2026-08-22):
cmpserver/plugin/config.go, docs/operator-manual/config-management-plugins.md,
docs/user-guide/source-hydrator.md, util/hydrator/hydrator.go, util/settings/settings.go.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from cdk8s_webservice.core import yaml_emitter
from cdk8s_webservice.core.error_lines import LINE_LIMIT
from cdk8s_webservice.core.errors import ConfigError, GateFailed, shorten
from cdk8s_webservice.gitops.clusters import is_split
from cdk8s_webservice.synthesis.cdk8s_app import stream
from cdk8s_webservice.synthesis.output import replace_directory
from cdk8s_webservice.synthesis.rendering import to_yaml

from .argocd_cmp import CONFIG_MAP, PLUGIN_NAME, plugin_config, plugin_config_map, repo_server_patch, sidecar_container
from .release_workflow import shown
from .source_hydrator import (
    GIT_ATTRIBUTES,
    GIT_ATTRIBUTES_TEXT,
    MANIFEST,
    METADATA,
    README,
    SHA_PATTERN,
    head_commit,
    metadata_json,
    readme,
    write_hydrated,
)

if TYPE_CHECKING:
    from cdk8s_webservice.gitops.applications import GitOpsSettings
    from cdk8s_webservice.gitops.clusters import Cluster
    from cdk8s_webservice.synthesis.project import ServiceProject

ENVIRONMENT = "ARGOCD_ENV_ENVIRONMENT"
CLUSTER = "ARGOCD_ENV_CLUSTER"
APP_NAMESPACE = "ARGOCD_APP_NAMESPACE"
"""Argo CD sets it to the Application's `spec.destination.namespace`."""


HYDRATED_BRANCH_PREFIX = "environments/"
"""Hydrated branches, one per environment (`environments/<env>`), as Argo CD's docs advise
(a common prefix for branch protection)."""


# -- the plugin: its configuration and its sidecar -----------------------------------


# -- Applications through the plugin, and through the Source Hydrator ----------------


class Target:
    """Where one of the project's Applications renders from and hydrates to: its
    environment, its cluster (one of several, else None), whether the environment is split
    per cluster (then the plugin needs the cluster), and its hydrated path."""

    def __init__(self, gitops: GitOpsSettings, environment: str, cluster: Cluster | None) -> None:
        clusters = gitops.clusters(environment)
        self.environment = environment
        self.cluster = cluster if len(clusters) > 1 else None
        self.split = is_split(clusters)
        path = gitops.placement(environment, self.cluster)["source"]["path"]
        # Argo CD refuses two Applications hydrating to one path of a branch: the clusters
        # of an environment that is not split (one folder) each get a path of their own.
        self.hydrated_path = path if self.split or self.cluster is None else f"{path}/{self.cluster.name}"
        self.folder = gitops.folder(environment, self.cluster)

    @property
    def variables(self) -> dict[str, str]:
        """The variables Argo CD gives generate (`plugin.env`, prefixed `ARGOCD_ENV_`)."""
        cluster = self.cluster.name if self.split and self.cluster is not None else None
        return {ENVIRONMENT: self.environment, **({CLUSTER: cluster} if cluster else {})}

    @classmethod
    def every(cls, gitops: GitOpsSettings, environment: str) -> list[Target]:
        """One per Application of `environment` (one per cluster where it has several)."""
        clusters: list[Cluster | None] = list(gitops.clusters(environment)) or [None]
        return [cls(gitops, environment, cluster) for cluster in clusters]


def plugin_source(application: Mapping[str, Any], target: Target) -> dict[str, Any]:
    """An Application's `source`, rendered by the plugin from the repository's root (where
    the project's pyproject.toml is) instead of read from its committed folder."""
    source = application["spec"]["source"]
    prefix = len("ARGOCD_ENV_")
    env = [{"name": name[prefix:], "value": value} for name, value in target.variables.items()]
    return {
        "repoURL": source["repoURL"],
        "targetRevision": source["targetRevision"],
        "path": ".",
        "plugin": {"name": PLUGIN_NAME, "env": env},
    }


def plugin_application(application: Mapping[str, Any], target: Target) -> dict[str, Any]:
    """One of the project's Applications with its source rendered by the plugin."""
    spec = {**application["spec"], "source": plugin_source(application, target)}
    return {**application, "spec": spec}


def hydrator_application(application: Mapping[str, Any], target: Target) -> dict[str, Any]:
    """One of the project's Applications hydrated by Argo CD's Source Hydrator: the plugin
    renders the dry source; Argo CD commits it to `environments/<env>` under the path the
    Application syncs today (for each cluster of an environment that is not split, under
    it, `<path>/<cluster>`), and syncs it from there."""
    spec = {key: value for key, value in application["spec"].items() if key != "source"}
    spec["sourceHydrator"] = {
        "drySource": plugin_source(application, target),
        "syncSource": {"targetBranch": f"{HYDRATED_BRANCH_PREFIX}{target.environment}", "path": target.hydrated_path},
    }
    return {**application, "spec": spec}


def manifest_files(project: ServiceProject, image: str) -> dict[str, str]:
    """File name (relative, `/`-separated) -> text of `plugin manifests`."""
    gitops = _gitops(project)
    sidecar_container(image)  # the image is checked before anything is synthesized
    files = {
        "plugin.yaml": yaml_emitter.dump(plugin_config()),
        f"configmap-{CONFIG_MAP}.yaml": "---\n" + yaml_emitter.dump(plugin_config_map(gitops.argocd_namespace)),
        "argocd-repo-server-patch.yaml": yaml_emitter.dump(repo_server_patch(image)),
    }
    from cdk8s_webservice.synthesis.project import ARGOCD_FOLDER

    rendered = project.synthesize()
    applications = {}
    for text in rendered[ARGOCD_FOLDER].values():
        application = yaml.safe_load(text)
        if application.get("kind") == "Application":
            applications[application["metadata"]["name"]] = application
    for profile in project.profiles():
        for target in Target.every(gitops, profile.name):
            suffix = f"-{target.cluster.name}" if target.cluster is not None else ""
            name = f"{project.name}-{profile.name}{suffix}"
            application = applications[name]
            files[f"plugin/application-{name}.yaml"] = "---\n" + _dump(plugin_application(application, target))
            files[f"source-hydrator/application-{name}.yaml"] = "---\n" + _dump(
                hydrator_application(application, target)
            )
    return files


def _gitops(project: ServiceProject) -> GitOpsSettings:
    if project.gitops is None:
        raise ConfigError(
            "gitops", None, "GitOpsSettings: the plugin renders the sources of the project's Applications"
        )
    return project.gitops


def _dump(obj: Mapping[str, Any]) -> str:

    return to_yaml(obj)


# -- the plugin's generate ------------------------------------------------------------


def _variable(environ: Mapping[str, str], name: str) -> str | None:
    value = environ.get(name)
    return value if value else None


def generate(project: ServiceProject, environ: Mapping[str, str]) -> str:
    """The stream `render` prints for the environment (and cluster) the variables name.
    Raises `ConfigError` naming the variable, `GateFailed` when the gate refuses."""
    environment = _variable(environ, ENVIRONMENT)
    names = [p.name for p in project.load_environments()]
    allowed = f"one of: {', '.join(names)} (the Application's spec.source.plugin.env ENVIRONMENT)"
    if environment is None or environment not in names:
        raise ConfigError(ENVIRONMENT, environment, allowed)
    cluster = _variable(environ, CLUSTER)
    try:
        folder = project.environment_folder(environment, cluster)
    except ConfigError as error:
        if error.field != "--cluster":
            raise
        hint = "unset plugin.env CLUSTER" if error.allowed.startswith("none") else "set plugin.env CLUSTER"
        raise ConfigError(CLUSTER, error.value, f"{error.allowed}; {hint}") from None
    namespace = _variable(environ, APP_NAMESPACE)
    expected = project.load_environments().get(environment).namespace
    if namespace is not None and namespace != expected:
        raise ConfigError(
            APP_NAMESPACE,
            namespace,
            f"{expected!r}, {environment}'s namespace (the Application's spec.destination.namespace)",
        )
    rendered = project.synthesize([environment])
    return stream(rendered[folder])


def render_command(environ: Mapping[str, str]) -> str:
    """The `render` command that prints what generate prints for these variables."""
    cluster = _variable(environ, CLUSTER)
    return f"cdk8s-webservice render -e {_variable(environ, ENVIRONMENT)}" + (
        f" --cluster {cluster}" if cluster else ""
    )


def refusal_line(failure: GateFailed, environ: Mapping[str, str]) -> str:
    """The gate's refusal on one line (Argo CD shows a plugin's stderr in the UI): the count,
    the command that lists each violation on a line of its own, then the violations, cut to
    the error contract's length."""
    violations = "; ".join(str(v) for v in failure.violations)
    head = f"error: the gate refused {len(failure.violations)} violation(s) (`{render_command(environ)}` lists each)"
    return shorten(f"{head}: {violations}", LINE_LIMIT)


# -- the hydrated layout --------------------------------------------------------------


# -- the command ----------------------------------------------------------------------


def add_parser(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    plugin = command("plugin", "Argo CD's Config Management Plugin: generate, its manifests, the hydrated layout")
    actions = plugin.add_subparsers(dest="action", required=True, metavar="ACTION", parser_class=type(plugin))
    actions.add_parser(
        "generate",
        help=f"the plugin's generate: print what render prints for ${ENVIRONMENT} (and ${CLUSTER})",
    )
    manifests = actions.add_parser(
        "manifests", help="write plugin.yaml, its ConfigMap, the sidecar patch, Applications"
    )
    manifests.add_argument("--image", required=True, help="the sidecar's image (cdk8s-webservice installed), pinned")
    manifests.add_argument("--out", required=True, help="output folder (new, empty, or earlier output of this tool)")
    hydrate = actions.add_parser("hydrate", help="write an environment's hydrated layout (manifest.yaml per path)")
    hydrate.add_argument("-e", "--environment", required=True, metavar="ENV")
    hydrate.add_argument("--out", required=True, help="a checkout of the hydrated branch (files are overwritten)")
    hydrate.add_argument("--dry-sha", help="the dry commit (default: git rev-parse HEAD in the project)")


def _out(value: str) -> Path:
    if value.startswith("~"):
        raise ConfigError("--out", value, "a path without a leading ~ (the shell did not expand it: write $HOME)")
    return Path(value).absolute()


def run(project: ServiceProject, args: argparse.Namespace, root: Path) -> int:
    if args.action == "generate":
        try:
            text = generate(project, os.environ)
        except GateFailed as failure:
            print(refusal_line(failure, os.environ), file=sys.stderr)
            return 1
        sys.stdout.write(text)
        return 0
    if args.action == "manifests":
        out = _out(args.out)
        files = manifest_files(project, args.image)
        # A dedicated folder, replaced whole and atomically, as synth's output.
        replace_directory(out, files, project_root=root)
        print(f"wrote {len(files)} files under {shown(out)}/")
        return 0
    out = _hydrate_out(args.out, root)
    project.load_environments().get(args.environment)  # an unknown environment first, before git is asked
    dry_sha = args.dry_sha if args.dry_sha is not None else head_commit(root)
    files = hydrated_files(project, args.environment, dry_sha)
    write_hydrated(out, files)
    print(f"wrote {len(files)} files under {shown(out)}/ for {HYDRATED_BRANCH_PREFIX}{args.environment}")
    return 0


def hydrated_files(project: ServiceProject, environment: str, dry_sha: str) -> dict[str, str]:
    """Path in the hydrated branch -> text, for every Application of `environment`: the
    paths of its Source Hydrator Applications (`hydrator_application`)."""
    gitops = _gitops(project)
    if not SHA_PATTERN.fullmatch(dry_sha):
        raise ConfigError("--dry-sha", dry_sha, "a full commit SHA (40 or 64 lowercase hex digits)")
    profile = project.load_environments().get(environment)
    rendered = project.synthesize([profile.name])
    # The repository hydrated into (`syncSource.repoURL`, unset: the dry source's), as Argo CD records it.
    repo_url = gitops.placement(profile.name)["source"]["repoURL"]
    files = {METADATA: metadata_json(repo_url, dry_sha), GIT_ATTRIBUTES: GIT_ATTRIBUTES_TEXT}
    for target in Target.every(gitops, profile.name):
        path = target.hydrated_path
        command = render_command(target.variables)
        files[f"{path}/{MANIFEST}"] = stream(rendered[target.folder])
        files[f"{path}/{METADATA}"] = metadata_json(repo_url, dry_sha, [command])
        files[f"{path}/{README}"] = readme(repo_url, dry_sha, [command])
    return files


def _hydrate_out(value: str, root: Path) -> Path:
    """A checkout of the hydrated branch: never the project itself or its dist/."""
    out = _out(value)
    resolved, project = out.resolve(), root.resolve()
    if resolved == project or (project / "dist") in (resolved, *resolved.parents):
        raise ConfigError("--out", value, "a checkout of the hydrated branch, not the project or its dist/")
    if out.exists() and not out.is_dir():
        raise ConfigError("--out", value, "a folder (a checkout of the hydrated branch); this path is a file")
    return out
