"""ArgoCD AppProject rules: where a folder ships an AppProject, every Application (and
ApplicationSet template) of the folder uses one of its AppProjects, never `default`,
and each Application's source and destination are ones its AppProject allows.

A folder without an AppProject is not held to them: AppProjects are opt-in
(`GitOpsSettings.app_project`). Matching follows ArgoCD: `*` and `?` globs on
repositories, servers, names and namespaces; a leading `!` denies.
"""

from __future__ import annotations

from collections.abc import Mapping
from fnmatch import fnmatchcase
from typing import Any

from .model import Obj
from .registry import Fail, rule

ARGOCD = "Argo CD"


def _map(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _projects(obj: Obj) -> dict[str, Obj]:
    return {o.name: o for o in obj.folder.objects if o.kind == "AppProject"}


def _matches(patterns: list[str], value: str) -> bool:
    """ArgoCD's rule: allowed by a pattern, and denied by no `!pattern`."""
    allowed = any(fnmatchcase(value, p) for p in patterns if not p.startswith("!"))
    denied = any(fnmatchcase(value, p[1:]) for p in patterns if p.startswith("!"))
    return allowed and not denied


def _spec_project(obj: Obj) -> tuple[str, Any]:
    if obj.kind == "ApplicationSet":
        return "spec.template.spec.project", _map(_map(obj.spec.get("template")).get("spec")).get("project")
    return "spec.project", obj.spec.get("project")


@rule(
    "argocd-app-project",
    kinds=("Application", "ApplicationSet"),
    reason="an Application in the `default` project (or one the folder does not define): "
    "it may deploy anything anywhere the default project allows",
    source=f"{ARGOCD}: AppProjects restrict what an Application may deploy; `default` allows everything",
)
def app_project(obj: Obj, fail: Fail) -> None:
    projects = _projects(obj)
    if not projects:
        return
    field, project = _spec_project(obj)
    if obj.kind == "ApplicationSet" and project is None:
        return  # set per generated Application in templatePatch; the Applications are checked
    if project == "default" or project not in projects:
        fail(field, f"project {project!r} is not one of this folder's AppProjects ({', '.join(sorted(projects))})")


@rule(
    "argocd-project-allows",
    kinds=("Application",),
    reason="an Application whose source repository or destination its AppProject does not allow: "
    "ArgoCD refuses to sync it",
    source=f"{ARGOCD}: an Application's repoURL must match the project's sourceRepos, "
    "its destination one of the project's destinations",
)
def project_allows(obj: Obj, fail: Fail) -> None:
    project = _projects(obj).get(str(obj.spec.get("project")))
    if project is None:
        return  # argocd-app-project reports it
    allowed = project.spec
    repos = [str(r) for r in allowed.get("sourceRepos") or []]
    sources = [_map(obj.spec.get("source"))] if "source" in obj.spec else list(obj.spec.get("sources") or [])
    for index, source in enumerate(sources):
        repo = str(_map(source).get("repoURL"))
        if not _matches(repos, repo):
            field = "spec.source.repoURL" if "source" in obj.spec else f"spec.sources[{index}].repoURL"
            fail(field, f"{repo} is not in AppProject {project.name}'s sourceRepos ({', '.join(repos) or 'none'})")
    destination = _map(obj.spec.get("destination"))
    namespace = str(destination.get("namespace", ""))
    for entry in allowed.get("destinations") or []:
        entry = _map(entry)
        cluster_ok = (
            "server" in destination
            and "server" in entry
            and _matches([str(entry["server"])], str(destination["server"]))
        ) or ("name" in destination and "name" in entry and _matches([str(entry["name"])], str(destination["name"])))
        if cluster_ok and _matches([str(entry.get("namespace", ""))], namespace):
            return
    shown = ", ".join(f"{k}={v}" for k, v in sorted(destination.items()))
    fail("spec.destination", f"{shown} is not among AppProject {project.name}'s destinations")
