"""`cdk8s-webservice`: synthesize, compare, validate and release a service project.

The project is found through `[tool.cdk8s-webservice] project = "module:ATTR"` in
the pyproject.toml of the current folder (or a parent), or `--project`.
Exit status: 0 fine, 1 differences found (`diff`) or checks failed, 2 bad input.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import importlib
import os
import sys
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from .delivery import Strategy
from .diff import diff_objects, format_changes, load_objects, read_folder
from .errors import ConfigError
from .gate import Gate, GateFailed
from .output import write_environments
from .profile import EnvironmentProfile
from .releases import Releases

if TYPE_CHECKING:
    from .project import ServiceProject

ROLLBACK_HELP = """\
Rolling back without blue-green:
  rolling  revert the release commit (git revert <sha>; the dist/ change comes with it)
           and let ArgoCD sync, or `argocd app rollback <app> <history-id>` for an
           immediate rollback (auto-sync pauses until git is reverted too).
  canary   Flagger rolls back by itself when the analysis fails; to abandon a
           release that passed, revert its commit as for rolling."""


def find_project(spec: str | None) -> tuple[ServiceProject, Path]:
    root = Path.cwd()
    if spec is None:
        for folder in (root, *root.parents):
            pyproject = folder / "pyproject.toml"
            if pyproject.exists():
                config = tomllib.loads(pyproject.read_text()).get("tool", {}).get("cdk8s-webservice", {})
                if "project" in config:
                    spec, root = config["project"], folder
                    break
    if spec is None or ":" not in spec:
        raise ConfigError("--project", spec, "module:ATTRIBUTE, or [tool.cdk8s-webservice] project in pyproject.toml")
    module_name, _, attribute = spec.partition(":")
    sys.path.insert(0, str(root))
    # jsii's unpacked-package cache belongs to the project (an empty one costs ~0.5 s).
    os.environ.setdefault("JSII_RUNTIME_PACKAGE_CACHE_ROOT", str(root / ".cache" / "jsii"))
    from .project import ServiceProject

    project = getattr(importlib.import_module(module_name), attribute)
    if not isinstance(project, ServiceProject):
        raise ConfigError("--project", spec, "a ServiceProject")
    return project, root


def _strategy(value: str) -> Strategy:
    try:
        return Strategy.parse("--strategy", value)
    except ConfigError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="cdk8s-webservice",
        description="Synthesize, compare, validate and release a cdk8s web-service project.",
        epilog=ROLLBACK_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--project", help="module:ATTRIBUTE of the ServiceProject (default: from pyproject.toml)")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    synth = commands.add_parser("synth", help="render environments into the output folder")
    synth.add_argument("-e", "--environment", action="append", metavar="ENV", help="only this environment (repeatable)")
    synth.add_argument("-s", "--strategy", type=_strategy, help="override the profile: rolling, blue-green or canary")
    synth.add_argument("--out", help="output folder (default: $CDK8S_OUTDIR, else dist)")

    diff = commands.add_parser("diff", help="what a fresh synth would change in the committed output")
    diff.add_argument("-e", "--environment", action="append", metavar="ENV", help="only this environment")
    diff.add_argument("--out", default="dist", help="the committed output folder (default: dist)")
    diff.add_argument("--between", nargs=2, metavar=("ENV_A", "ENV_B"), help="compare two environments instead")

    validate = commands.add_parser(
        "validate", help="build every environment through the gate and check the committed output is current"
    )
    validate.add_argument("--out", default="dist", help="the committed output folder (default: dist)")

    gate = commands.add_parser("gate", help="run the gate (schema, policy, cross-object rules) on rendered YAML")
    gate.add_argument("folder", nargs="?", default="dist", help="folder of environment folders (default: dist)")

    for name, text in (
        ("promote", "make the blue-green preview colour live"),
        ("rollback", "make the other blue-green colour live again"),
    ):
        command = commands.add_parser(
            name, help=text, epilog=ROLLBACK_HELP, formatter_class=argparse.RawDescriptionHelpFormatter
        )
        command.add_argument("-e", "--environment", required=True, metavar="ENV")
        command.add_argument("--out", default="dist", help="output folder to re-synthesize (default: dist)")

    set_image = commands.add_parser("set-image", help="record a new image tag (blue-green: on the preview colour)")
    set_image.add_argument("-e", "--environment", required=True, metavar="ENV")
    set_image.add_argument("tag")
    set_image.add_argument("--out", default="dist", help="output folder to re-synthesize (default: dist)")
    return top


def summary(profiles: Sequence[EnvironmentProfile], rendered: dict[str, dict[str, str]]) -> str:
    rows = [("environment", "strategy", "namespace", "objects", "image", "replicas (HPA)")]
    for p in profiles:
        if p.strategy is Strategy.BLUE_GREEN:
            state = p.blue_green
            image = ", ".join(
                f"{c}: {state.tag(c, p.image_tag)}" + (" (live)" if c == state.active else "")
                for c in (state.active, state.preview)
            )
        else:
            image = p.image_tag
        rows.append(
            (
                p.name,
                p.strategy.value,
                p.namespace,
                str(len(rendered.get(p.name, {}))),
                image,
                f"{p.replicas} ({p.autoscaling.min_replicas}-{p.autoscaling.max_replicas})",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows)


def _synth(project: ServiceProject, out: Path, names: list[str] | None, strategy: Strategy | None) -> int:
    rendered = project.synthesize(names, strategy)
    write_environments(out, rendered, whole=names is None)
    print(summary(project.profiles(names, strategy), rendered))
    print(f"wrote {sum(len(f) for f in rendered.values())} files under {os.path.relpath(out)}/")
    return 0


def _diff(project: ServiceProject, args: argparse.Namespace, root: Path) -> int:
    if args.between:
        a, b = args.between
        rendered = project.synthesize([a, b])
        changes = diff_objects(
            load_objects(rendered[a].values()), load_objects(rendered[b].values()), match_namespaces=False
        )
        title = f"{a} -> {b}"
    else:
        rendered = project.synthesize(args.environment)
        out = root / args.out
        changes = []
        for folder, files in sorted(rendered.items()):
            if folder.startswith("helm/"):
                continue
            changes += diff_objects(read_folder(out / folder), load_objects(files.values()))
        title = f"{args.out}/ -> fresh synth"
    if not changes:
        print(f"{title}: no differences")
        return 0
    print(f"{title}: {len(changes)} objects differ\n{format_changes(changes)}")
    return 1


def _read_tree(folder: Path) -> dict[str, str]:
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _validate(project: ServiceProject, args: argparse.Namespace, root: Path) -> int:
    rendered = project.synthesize()
    out = root / args.out
    stale = sorted(folder for folder, files in rendered.items() if _read_tree(out / folder) != files)
    print(summary(project.profiles(), rendered))
    if stale:
        print(f"{args.out}/ is not what synth makes now: {', '.join(stale)} (run synth and commit)")
        return 1
    print(f"every environment builds; {args.out}/ is current")
    return 0


def _gate(project: ServiceProject, folder: Path) -> int:
    if not folder.is_dir():
        raise ConfigError("folder", str(folder), "an existing folder of environment folders")
    violations = Gate(project.gate).check_folder(folder)
    if violations:
        raise GateFailed(violations)
    print(f"{folder.name}/: every object passes the gate")
    return 0


def _release(project: ServiceProject, args: argparse.Namespace, root: Path) -> int:
    if project.releases_file is None:
        raise ConfigError("releases_file", None, "the project must name its releases file for release commands")
    profile = project.environments().get(args.environment)
    releases = Releases.load(project.releases_file)
    blue_green = profile.strategy is Strategy.BLUE_GREEN
    if args.command in ("promote", "rollback"):
        if not blue_green:
            raise ConfigError(
                f"{args.environment}.strategy",
                profile.strategy.value,
                f"blue-green for {args.command}\n{ROLLBACK_HELP}",
            )
        releases = releases.flip(args.environment)
    else:
        releases = releases.set_image(args.environment, args.tag, blue_green=blue_green)
    # Validate the new state fully before anything is written.
    previous = project.releases_file.read_text(encoding="utf-8")
    releases.save(project.releases_file)
    try:
        rendered = project.synthesize()
    except (ConfigError, GateFailed):
        project.releases_file.write_text(previous, encoding="utf-8")
        raise
    write_environments(root / args.out, rendered, whole=True)
    state = project.environments().get(args.environment)
    if blue_green:
        bg = state.blue_green
        print(
            f"{args.environment}: {bg.active} ({bg.tag(bg.active, state.image_tag)}) is live; "
            f"{bg.preview} ({bg.tag(bg.preview, state.image_tag)}) is the preview and rollback target"
        )
    else:
        print(f"{args.environment}: image tag {state.image_tag}")
    print(f"updated {project.releases_file.name} and {args.out}/: commit both")
    return 0


def main(argv: Sequence[str] | None = None, project: ServiceProject | None = None, root: Path | None = None) -> int:
    """Run a command. An app entry point passes its `project` (and `root`, the folder
    relative output paths start from); the console script finds them itself."""
    args = parser().parse_args(argv)
    try:
        if project is None:
            project, root = find_project(args.project)
        root = root or Path.cwd()
        if args.command == "synth":
            out = Path(args.out or os.environ.get("CDK8S_OUTDIR") or "dist")
            return _synth(project, out if out.is_absolute() else root / out, args.environment, args.strategy)
        if args.command == "diff":
            return _diff(project, args, root)
        if args.command == "validate":
            return _validate(project, args, root)
        if args.command == "gate":
            return _gate(project, Path(args.folder) if Path(args.folder).is_absolute() else root / args.folder)
        return _release(project, args, root)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except GateFailed as failure:
        print(failure.report(), file=sys.stderr)
        return 1


def prepare_process() -> None:
    """What an app entry point does before anything imports jsii.

    - silence the end-of-life banner jsii prints on every run under Node 20;
    - drop NODE_EXTRA_CA_CERTS for the Node.js runtime jsii starts (it makes no
      network call, and loading the bundle costs each Node process ~80 ms);
    - start the gate in a worker process, which loads its schemas and policies
      while Node.js starts and then checks environments on the other core;
    - no cyclic garbage collection: the process is short and allocates much;
    - jsii's struct serialization fast path (see `jsii_speedups`).
    """
    os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
    os.environ.pop("NODE_EXTRA_CA_CERTS", None)
    from .gate import prewarm

    prewarm(process=True)
    gc.disable()
    from . import jsii_speedups

    jsii_speedups.install()


def exit_now(code: int) -> NoReturn:
    """Exit once the output is written: run the exit hooks (jsii stops Node.js),
    flush, and skip the interpreter's teardown of every module (~0.3 s)."""
    sys.stdout.flush()
    sys.stderr.flush()
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def run_app(project: ServiceProject, root: Path) -> NoReturn:
    """An app entry point (`python main.py [synth options]`): synth, then exit at once."""
    exit_now(main(["synth", *sys.argv[1:]], project=project, root=root))


def run() -> None:
    """Console-script entry point."""
    prepare_process()
    exit_now(main())
