"""The release commands: one state transition of the releases file, then dist/.

`set-image`, `promote`, `rollback` and `deploy` all run `release`: everything is
checked (output folder, releases file writable, argocd present for `--sync`)
before anything is written; the transition is computed on the history (see
`releases.ReleaseHistory`); the releases file is rewritten and the whole project
re-synthesized through the gate; a refused synth puts the releases file back as
it was. Writers are serialized with the output writer's lock.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cdk8s_webservice.core.errors import ConfigError, NotFound
from cdk8s_webservice.core.processes import run_step
from cdk8s_webservice.delivery.strategy import Strategy
from cdk8s_webservice.profiles.environment import EnvironmentProfile, check_image_tag
from cdk8s_webservice.releases.file import ReleaseHistory, Transition, check_writable, dropped_comments
from cdk8s_webservice.synthesis.output import check_output_folder, locked, read_tree, write_environments

from .helm_deploy import HELM_STRATEGY, find_helm, install

if TYPE_CHECKING:
    from cdk8s_webservice.synthesis.project import ServiceProject


@dataclass(frozen=True)
class ReleaseRequest:
    """What a release command asks for (the CLI's arguments, typed)."""

    command: str
    """set-image, promote, rollback or deploy."""
    environment: str
    tag: str | None = None
    to: str | None = None
    strategy: str | None = None
    rollback: bool = False
    promote: bool = False
    sync: bool = False
    timeout: int = 600


def shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def releases_file(project: ServiceProject) -> Path:
    if project.releases_file is None:
        raise ConfigError(
            "releases_file",
            None,
            "a path: release commands record releases in the project's releases file "
            "(ServiceProject(releases_file=ROOT / 'releases.yaml'); format: docs/releases.md)",
        )
    return project.releases_file


def release(project: ServiceProject, root: Path, request: ReleaseRequest) -> int:
    """One transition, in an order that a kill at any point cannot make inconsistent:
    the new state is rendered in memory (through the gate) first, then dist/ is
    replaced, then the releases file. Killed in between, dist/ is ahead of the
    releases file, and the retried command makes the same transition again. A
    command with nothing to do still puts a stale dist/ right."""
    path = releases_file(project)
    out = check_output_folder(root / "dist", project_root=root)
    check_writable(path)
    if request.timeout < 1:
        raise ConfigError("--timeout", request.timeout, "a number of seconds from 1")
    argocd = find_argocd() if request.command == "deploy" and request.sync else None
    helm = find_helm() if request.command == "deploy" and request.strategy == HELM_STRATEGY else None
    if helm is not None and project.helm_chart_version is None:
        raise ConfigError(
            "--strategy", HELM_STRATEGY, "a project that exports Helm charts (ServiceProject(helm_chart_version=...))"
        )
    with locked(path.parent):
        remove_debris(path)
        releases = project.load_releases()
        environments = project.load_environments(releases)
        profile = environments.get(request.environment)
        if request.tag is not None:
            check_image_tag("TAG", request.tag, profile.tag_policy)
        transition = _transition(request, profile, releases.get(profile.name))
        after = releases.with_history(transition.history) if transition.changed else releases
        rendered = project.synthesize(releases=after)
        expected = {f"{folder}/{name}": text for folder, files in rendered.items() for name, text in files.items()}
        stale = read_tree(out, marker=False) != expected
        if transition.changed or stale:
            write_environments(out, rendered, whole=True, project_root=root)
        if transition.changed:
            dropped = dropped_comments(path)
            after.save(path)
            if dropped:
                print(
                    f"note: {path.name}: {dropped} comment line(s) not written back (the file is rewritten "
                    "whole; keep notes in a release's description)",
                    file=sys.stderr,
                )
    print(f"{profile.name}: {transition.message}")
    if transition.changed:
        _report(profile, path, out, transition)
    elif stale:
        print(f"{shown(out)}/ was not what {path.name} makes: rewritten (commit it)")
    else:
        print("nothing changed")
    if helm is not None:
        chart = out / "helm" / profile.name
        if install(helm, chart, f"{project.name}-{profile.name}", profile.namespace, request.timeout):
            return 1
    if argocd is not None:
        # One Application per cluster where the environment has several (`Cluster`), in turn.
        clusters = project.gitops.clusters(profile.name) if project.gitops is not None else ()
        suffixes = [f"-{c.name}" for c in clusters] if len(clusters) > 1 else [""]
        for suffix in suffixes:
            if sync(argocd, f"{project.name}-{profile.name}{suffix}", request.timeout):
                return 1
    return 0


def remove_debris(path: Path) -> None:
    """Temporary files a killed save left beside the releases file."""
    for leftover in path.parent.glob(f".{path.name}.tmp-*"):
        leftover.unlink(missing_ok=True)


def _transition(request: ReleaseRequest, profile: EnvironmentProfile, history: ReleaseHistory) -> Transition:
    blue_green = profile.strategy is Strategy.BLUE_GREEN
    action = _action(request, profile)
    if action == "set-image":
        transition = history.record(str(request.tag), blue_green=blue_green)
        if transition.changed and request.promote:
            promoted = transition.history.promote()
            return Transition(promoted.history, f"{transition.message}\n{promoted.message}", True)
        return transition
    if action == "promote":
        return history.promote()
    return history.rollback(request.to, blue_green=blue_green)


def _report(profile: EnvironmentProfile, path: Path, out: Path, step: Transition) -> None:
    if profile.strategy is Strategy.BLUE_GREEN:
        bg = step.history.blue_green
        print(
            f"{profile.name}: {bg.active} ({bg.tag(bg.active, step.history.image_tag)}) is live; "
            f"{bg.preview} ({bg.tag(bg.preview, step.history.image_tag)}) is the preview"
        )
    # The release this command acted on is the newest: recorded (live, or pending under
    # blue-green), promoted, or the rollback's new revision.
    acted = step.history.releases[0]
    message = f"{profile.name}: {acted.image_tag} {acted.status.value} (revision {acted.revision})"
    print(
        f"updated {shown(path)} and {shown(out)}/: commit both "
        f'(git add {shown(path)} {shown(out)} && git commit -m "{message}")'
    )


def _action(request: ReleaseRequest, profile: EnvironmentProfile) -> str:
    if request.command != "deploy":
        return request.command
    helm = request.strategy == HELM_STRATEGY  # the exported chart, installed with Helm
    if (
        request.strategy is not None
        and not helm
        and Strategy.parse("--strategy", request.strategy) is not profile.strategy
    ):
        raise ConfigError(
            "--strategy",
            request.strategy,
            f"{profile.strategy.value}: {profile.name}'s strategy is configured in its profile, not chosen per deploy",
        )
    if request.rollback:
        if request.tag is not None or request.promote:
            raise ConfigError("--rollback", request.tag, "no TAG and no --promote (use --to TAG for a given release)")
        return "rollback"
    if request.to is not None:
        raise ConfigError("--to", request.to, "only with --rollback")
    if request.tag is None:
        if request.promote:
            return "promote"
        raise ConfigError("TAG", None, "an image tag to deploy, --rollback, or --promote")
    return "set-image"


def find_argocd() -> str:
    """The argocd CLI, found before anything changes."""
    found = shutil.which("argocd")
    if found is None:
        raise NotFound(
            "--sync",
            "argocd",
            "not found on PATH",
            "install the argocd CLI and log in (argocd login), or leave out --sync and let Argo CD sync",
        )
    return found


def sync(argocd: str, application: str, timeout: int) -> int:
    """ArgoCD syncs what is in git: run this after the commit is pushed (CI does). argocd's
    own --timeout bounds the sync; the rest of its run (connecting, reporting) gets as long
    again, at most SYNC_GRACE seconds: an argocd that hangs is stopped."""
    command = [argocd, "app", "sync", application, "--wait", "--timeout", str(timeout)]
    return run_step(
        command,
        "--sync",
        running=f"argocd app sync {application} --wait --timeout {timeout}",
        what=f"argocd app sync {application}",
        timeout=timeout,
        grace=SYNC_GRACE,
    )


#: Seconds argocd may run past its own --timeout (at most; as long again for a short one).
SYNC_GRACE = 30
