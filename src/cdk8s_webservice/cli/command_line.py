"""`cdk8s-webservice`: synthesize, compare, validate and release a service project.

The project is found through `[tool.cdk8s-webservice] project = "module:ATTR"` in
the pyproject.toml of the current folder (or a parent), or `--project`.

Exit status, for every command (as kubectl's):
  0  success, or nothing to do (a promote with nothing pending, a set-image of the live tag)
  1  differences found (`diff`), the gate refused (`synth`, `validate`, `gate`, release
     commands), output not current (`validate`), or `argocd app sync` failed (`deploy --sync`)
  2  bad input or environment: a one-line message on stderr naming what and why;
     nothing was changed (for `diff`, also: the gate refused, so there is no diff to show)

Longer than most modules: a third of it is the argument parser; each command's handler is a few lines over the library.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, NoReturn

from cdk8s_webservice import runtime
from cdk8s_webservice.core.error_lines import error_line, jsii_runtime_failed, project_code_line
from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.delivery.strategy import Strategy
from cdk8s_webservice.gate import Gate, GateFailed
from cdk8s_webservice.profiles.environment import EnvironmentProfile
from cdk8s_webservice.synthesis.cdk8s_app import stream, synth_for_cdk8s
from cdk8s_webservice.synthesis.diff import diff_objects, format_changes, load_objects, read_folder
from cdk8s_webservice.synthesis.discovery import load_project, project_code, project_spec
from cdk8s_webservice.synthesis.output import check_output_folder, locked, read_tree, staged_output

from . import argocd_plugin, release_file, scaffold
from .arguments import parser
from .release_workflow import ReleaseRequest, release, releases_file, shown

if TYPE_CHECKING:
    from cdk8s_webservice.synthesis.project import ServiceProject


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
                str(len(_environment_files(rendered, p.name))),
                image,
                f"{p.replicas} ({p.autoscaling.min_replicas}-{p.autoscaling.max_replicas})",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows)


def _path(root: Path, value: str | None, field: str = "--out") -> Path:
    """A path the user gave, relative to the working directory as with any command;
    the project's dist/ when none was given."""
    if value is None:
        return root / "dist"
    if value.startswith("~"):
        raise ConfigError(field, value, "a path without a leading ~ (the shell did not expand it: write $HOME)")
    return Path(value).absolute()


def _synth(project: ServiceProject, args: argparse.Namespace, root: Path) -> int:
    if args.environment is not None and not args.environment:
        raise ConfigError("--environment", [], "at least one environment")
    out = check_output_folder(_path(root, args.out), project_root=root)
    lock = project.releases_file.parent if project.releases_file is not None else out.parent
    lock.mkdir(parents=True, exist_ok=True)
    # The release state is read under the writers' lock: a release command running at
    # the same time finishes first, and this synth renders what it left.
    whole = args.environment is None
    with locked(lock), staged_output(out, keep=not whole, project_root=root) as output:
        releases = project.load_releases()
        # The output is written (hidden, beside dist/) while the gate checks the last
        # folders, and swapped in only once it has passed them all.
        rendered = project._synthesize(args.environment, args.strategy, releases, before_gate=output.stage_environments)
        output.commit_environments(rendered)
    print(summary(project.profiles(args.environment, args.strategy, releases), rendered))
    print(f"wrote {sum(len(f) for f in rendered.values())} files under {shown(out)}/")
    return 0


def _render(project: ServiceProject, args: argparse.Namespace) -> int:
    folder = project.environment_folder(args.environment, args.cluster)
    rendered = project.synthesize([args.environment], args.strategy)
    sys.stdout.write(stream(rendered[folder]))
    return 0


def _side(project: ServiceProject, value: str) -> tuple[str, str]:
    """`ENV` or `ENV/CLUSTER` of `diff --between`: (environment, its output folder)."""
    environment, _, cluster = value.partition("/")
    return environment, project.environment_folder(environment, cluster or None)


def _environment_files(rendered: Mapping[str, dict[str, str]], environment: str) -> dict[str, str]:
    """An environment's folder; for one split per cluster (`Cluster`), its first cluster's."""
    if environment in rendered:
        return rendered[environment]
    return next((files for folder, files in rendered.items() if folder.startswith(f"{environment}/")), {})


def _diff(project: ServiceProject, args: argparse.Namespace, root: Path) -> int:
    if args.between:
        (env_a, a), (env_b, b) = (_side(project, side) for side in args.between)
        rendered = project.synthesize(dict.fromkeys([env_a, env_b]))
        changes = diff_objects(
            load_objects(rendered[a].values()), load_objects(rendered[b].values()), match_namespaces=False
        )
        title = f"{a} -> {b}"
    else:
        rendered = project.synthesize(args.environment)
        out = _path(root, args.out)
        if not out.is_dir():
            raise ConfigError("--out", str(out), "an existing output folder to compare with")
        changes = []
        for folder, files in sorted(rendered.items()):
            if folder.startswith(("helm/", "loadtest/")):
                continue
            changes += diff_objects(read_folder(out / folder), load_objects(files.values()))
        title = f"{shown(out)}/ -> fresh synth"
    if not changes:
        print(f"{title}: no differences")
        return 0
    print(f"{title}: {len(changes)} objects differ\n{format_changes(changes)}")
    return 1


def _validate(project: ServiceProject, args: argparse.Namespace, root: Path) -> int:
    rendered = project.synthesize()
    out = _path(root, args.out)
    expected = {f"{folder}/{name}": text for folder, files in rendered.items() for name, text in files.items()}
    present = read_tree(out, marker=False)
    stale = sorted(
        {path.rsplit("/", 1)[0] for path in expected.keys() ^ present.keys()}
        | {path.rsplit("/", 1)[0] for path in expected.keys() & present.keys() if expected[path] != present[path]}
    )
    print(summary(project.profiles(), rendered))
    if stale:
        print(f"{shown(out)}/ is not what synth makes now: {', '.join(stale)} (run synth and commit)")
        return 1
    print(f"every environment builds; {shown(out)}/ is current")
    return 0


def _gate(project: ServiceProject, folder: Path) -> int:
    if not folder.is_dir():
        raise ConfigError("folder", str(folder), "an existing folder of manifests")
    violations = Gate(project.gate).check_folder(folder)
    if violations:
        raise GateFailed(violations)
    print(f"{shown(folder)}/: every object passes the gate")
    return 0


def _watch(args: argparse.Namespace) -> int:
    from .warm_server import Commands
    from .watch import watch

    spec, root = project_spec(args.project)
    commands = Commands(parser=parser, main=main)  # what the watch answers warm requests with
    return watch(spec, root, _path(root, args.out), commands, budget_mib=args.memory_budget)


def _history(project: ServiceProject, args: argparse.Namespace) -> int:
    path = releases_file(project)
    releases = project.load_releases()
    environment = project.load_environments(releases).get(args.environment).name
    print(f"{environment} ({path.name}):")
    print(releases.get(environment).table())
    return 0


def _release(project: ServiceProject, args: argparse.Namespace, root: Path) -> int:
    fields = ("tag", "to", "strategy", "rollback", "promote", "sync", "timeout")
    options = {name: getattr(args, name) for name in fields if hasattr(args, name)}
    request = ReleaseRequest(args.command, args.environment, **options)
    return release(project, root, request)


def main(argv: Sequence[str] | None = None, project: ServiceProject | None = None, root: Path | None = None) -> int:
    """Run a command. An app entry point passes its `project` (and `root`, the folder
    relative output paths start from); the console script finds them itself."""
    args = parser().parse_args(argv)
    try:
        if args.command == "init":
            return scaffold.run(args)
        if args.command == "watch" and project is None:
            return _watch(args)
        if project is None:
            spec, found = project_spec(args.project)
            root = found
            runtime.start(found, app=True)
            project = project_code(lambda: load_project(spec, found), spec, args.command)
        root = root or Path.cwd()
        handlers: dict[str, Callable[[], int]] = {
            "synth": lambda: _synth(project, args, root),
            "render": lambda: _render(project, args),
            "diff": lambda: _diff(project, args, root),
            "validate": lambda: _validate(project, args, root),
            "gate": lambda: _gate(project, _path(root, args.folder, "folder")),
            "history": lambda: _history(project, args),
            "releases": lambda: release_file.run(project, args),
            "plugin": lambda: argocd_plugin.run(project, args, root),
            "loadtest": lambda: _load_commands().loadtest(project, args, root),
            "analyze": lambda: _load_commands().analyze(project, args, root),
        }
        handler = handlers.get(args.command, lambda: _release(project, args, root))
        return project_code(handler, args.project or project.name, args.command)
    except GateFailed as failure:
        print(failure.report(wrote_nothing=args.command != "gate"), file=sys.stderr)
        # kubectl diff's contract: 1 is "differences", so a refusal is an error (2).
        return 2 if args.command == "diff" else 1
    except BrokenPipeError as error:
        if not jsii_runtime_failed(error):
            raise  # the reader went away (`| head`): not a refusal; see `run`
        print(error_line(error), file=sys.stderr)
        return 2
    except Exception as error:
        message = error_line(error) or project_code_line(error, root or Path.cwd())
        if message is None:
            raise
        print(message, file=sys.stderr)
        return 2


def run_app(project: ServiceProject | Callable[[], ServiceProject], root: Path) -> NoReturn:
    """An app's entry point (`python main.py [synth options]`): prepare the process,
    build the project (a `ServiceProject`, or a function returning one, so the app
    module need not import cdk8s first), synthesize, exit. Under `cdk8s synth`
    ($CDK8S_OUTDIR set, no arguments) see `cdk8s_app`."""
    outdir = os.environ.get("CDK8S_OUTDIR")
    try:
        runtime.sigterm_interrupts()  # SIGTERM cleans up as Ctrl-C does (a staged output), then 143
        runtime.start(root, app=True)  # inside: Ctrl-C while Node.js starts is no traceback either
        named = str(getattr(project, "name", None) or getattr(project, "__qualname__", "the app's project"))
        built = project_code(lambda: _built(project), named, "synth")
        if outdir and len(sys.argv) == 1:
            code = project_code(lambda: synth_for_cdk8s(built, root, Path(outdir)), built.name, "synth")
        else:
            code = main(["synth", *sys.argv[1:]], project=built, root=root)
    except KeyboardInterrupt:
        _interrupted()
    except BrokenPipeError:
        code = _closed_pipe()
    except GateFailed as failure:
        print(failure.report(), file=sys.stderr)
        code = 1
    except Exception as error:
        message = error_line(error) or project_code_line(error, root)
        if message is None:
            raise
        print(message, file=sys.stderr)
        code = 2
    runtime.exit_now(code)


def _interrupted() -> NoReturn:
    """Ctrl-C: no exit hooks (a child that got the terminal's SIGINT too is gone, and
    its hook would print a traceback); closing our pipes ends the others. 130, or 143
    when `watch` turned SIGTERM into the interrupt."""
    runtime.flush_output()
    os._exit(143 if runtime.stopped_by_sigterm() else 130)


def _closed_pipe() -> int:
    """Whatever the command did is done; only its report could not be read. Exit as a
    command killed by SIGPIPE would, without a traceback."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 141


def _load_commands() -> ModuleType:
    """loadtest/commands.py, imported by the two commands that use it (it brings in
    urllib, http and ssl: ~30 ms that every synth would pay)."""
    from . import loadtest as commands

    return commands


def _built(project: ServiceProject | Callable[[], ServiceProject]) -> ServiceProject:
    from cdk8s_webservice.synthesis.project import ServiceProject

    return project if isinstance(project, ServiceProject) else project()


def run() -> None:
    """Console-script entry point."""
    try:
        runtime.sigterm_interrupts()
        code = main()
    except KeyboardInterrupt:
        _interrupted()
    except BrokenPipeError:
        code = _closed_pipe()
    runtime.exit_now(code)
