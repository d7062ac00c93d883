"""`cdk8s-webservice releases init|show`: start a releases file, and read it, without
the environments it feeds (a new project's profiles read their tags from it, so it
must exist before they can be built). The format: docs/releases.md.

    cdk8s-webservice releases init -e staging v0.1.0   # staging's first release, live
    cdk8s-webservice releases show [-e staging]         # every (or one) environment's history
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.names import check_dns_label
from cdk8s_webservice.profiles.environment import TagPolicy, check_image_tag
from cdk8s_webservice.releases.file import Releases
from cdk8s_webservice.releases.history import Release, ReleaseHistory, ReleaseStatus
from cdk8s_webservice.synthesis.output import locked

from .release_workflow import releases_file, shown

if TYPE_CHECKING:
    from cdk8s_webservice.synthesis.project import ServiceProject


def add_parser(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    releases = command("releases", "start the releases file (init) or show it (show); format: docs/releases.md")
    actions = releases.add_subparsers(dest="action", required=True, metavar="ACTION", parser_class=type(releases))
    start = actions.add_parser("init", help="an environment's first release, live (creates the file if missing)")
    start.add_argument("-e", "--environment", required=True, metavar="ENV")
    start.add_argument("tag", help="image tag or sha256: digest the environment runs now")
    show = actions.add_parser("show", help="every environment's history (or one's), newest first, live marked")
    show.add_argument("-e", "--environment", metavar="ENV")


def first_release(environment: str, tag: str) -> ReleaseHistory:
    """A history of one live release (revision 1)."""
    return ReleaseHistory(environment, (Release(1, tag, ReleaseStatus.LIVE, description="releases init"),))


def run(project: ServiceProject, args: argparse.Namespace) -> int:
    return start(project, args.environment, args.tag) if args.action == "init" else show(project, args.environment)


def start(project: ServiceProject, environment: str, tag: str) -> int:
    path = releases_file(project)
    check_dns_label("--environment", environment)
    check_image_tag("TAG", tag, TagPolicy.FLOATING)  # the profile's policy applies at synth
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path.parent):
        releases = Releases.load(path) if path.exists() else Releases({}, path)
        if environment in releases.environments:
            raise ConfigError(
                "--environment",
                environment,
                f"an environment without a history in {path.name} (use set-image -e {environment} TAG)",
            )
        after = releases.with_history(first_release(environment, tag))
        waiting = _without_release(project, after, path.name)
        after.save(path)
    print(f"{shown(path)}: {environment}: {tag} is live (revision 1)")
    if waiting:
        print(f"still without a release: {', '.join(waiting)} (releases init -e ENV TAG for each)")
    else:
        print(f"next: cdk8s-webservice synth, then commit {shown(path)} and dist/")
    return 0


def _without_release(project: ServiceProject, releases: Releases, file_name: str) -> list[str]:
    """The project's environments that still have no history, once every one that has
    been started is known; an entry for an environment the project does not have is
    refused (ConfigError), as synth would refuse it."""
    waiting: list[str] = []
    while True:
        try:
            project.load_environments(releases)
            return waiting
        except ConfigError as error:
            # `Releases.get` of an environment without an entry: note it, try again with it.
            prefix = f"{file_name}: "
            missing = error.field.removeprefix(prefix)
            if error.value is not None or not error.field.startswith(prefix) or missing in waiting:
                raise
            waiting.append(missing)
            releases = releases.with_history(first_release(missing, "placeholder"))


def show(project: ServiceProject, environment: str | None) -> int:
    path = releases_file(project)
    releases = Releases.load(path)
    names = [environment] if environment is not None else releases.environments
    if not names:
        print(f"{shown(path)}: no environment has a release yet (releases init -e ENV TAG)")
        return 0
    for index, name in enumerate(names):
        print(("\n" if index else "") + f"{name} ({shown(path)}):")
        print(releases.get(name).table())
    return 0
