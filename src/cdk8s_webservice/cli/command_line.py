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
import math
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, NoReturn

from cdk8s_webservice import runtime
from cdk8s_webservice.core.error_lines import error_line, jsii_runtime_failed
from cdk8s_webservice.core.errors import ConfigError, shorten
from cdk8s_webservice.delivery.strategy import Strategy
from cdk8s_webservice.gate import Gate, GateFailed
from cdk8s_webservice.profiles.environment import EnvironmentProfile
from cdk8s_webservice.synthesis.cdk8s_app import stream, synth_for_cdk8s
from cdk8s_webservice.synthesis.diff import diff_objects, format_changes, load_objects, read_folder
from cdk8s_webservice.synthesis.discovery import load_project, project_code, project_spec
from cdk8s_webservice.synthesis.output import check_output_folder, locked, read_tree, staged_output

from . import argocd_plugin, release_file, scaffold
from .release_workflow import ReleaseRequest, release, releases_file, shown

if TYPE_CHECKING:
    from cdk8s_webservice.synthesis.project import ServiceProject

EPILOG = """\
exit status: 0 success or nothing to do; 1 differences (diff), gate refused, output
not current, or sync failed; 2 bad input or environment (nothing changed).

releases: set-image records a release (blue-green: pending on the preview colour;
rolling and canary: live at once), promote makes the pending release live, rollback
goes back to the release before the live one (--to TAG: any earlier one), history
lists them. Each rewrites the releases file and dist/: commit both, ArgoCD syncs."""


def _strategy(value: str) -> Strategy:
    try:
        return Strategy.parse("--strategy", value)
    except ConfigError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _positive(unit: str) -> Callable[[str], float]:
    """An option's number: finite and above 0 (nan, inf, 0 and negatives refused); argparse
    names the option in its message."""

    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not math.isfinite(number) or number <= 0:
            raise argparse.ArgumentTypeError(
                f"{shorten(repr(value), 200)} is not allowed; a finite number of {unit} above 0"
            )
        return number

    return parse


class _Parser(argparse.ArgumentParser):
    """argparse, with the error contract's one line instead of usage plus error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {self.prog}: {message} (see --help)\n")


def parser() -> argparse.ArgumentParser:
    top = _Parser(
        prog="cdk8s-webservice",
        description="Synthesize, compare, validate and release a cdk8s web-service project.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--project", help="module:ATTRIBUTE of the ServiceProject (default: from pyproject.toml)")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    def command(name: str, text: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=text, description=text)

    def out_option(sub: argparse.ArgumentParser, text: str) -> None:
        sub.add_argument("--out", help=f"{text} (default: the project's dist/)")

    synth = command("synth", "render environments into the output folder (replaced whole, atomically)")
    synth.add_argument("-e", "--environment", action="append", metavar="ENV", help="only this environment (repeatable)")
    synth.add_argument("-s", "--strategy", type=_strategy, help="override the profile: rolling, blue-green or canary")
    out_option(synth, "output folder: new, empty, or earlier output of this tool")

    cluster_help = "one of the environment's clusters (required where they differ)"
    render = command("render", "print one environment's manifests as one YAML stream (for kubectl apply/diff -f -)")
    render.add_argument("-e", "--environment", required=True, metavar="ENV")
    render.add_argument("-c", "--cluster", metavar="CLUSTER", help=cluster_help)
    render.add_argument("-s", "--strategy", type=_strategy, help="override the profile's strategy")

    diff = command("diff", "what a fresh synth would change in the committed output (exit 1 if anything)")
    diff.add_argument("-e", "--environment", action="append", metavar="ENV", help="only this environment")
    out_option(diff, "the committed output folder")
    diff.add_argument(
        "--between",
        nargs=2,
        metavar=("ENV_A", "ENV_B"),
        help="compare two environments instead; ENV/CLUSTER picks a cluster (production/prod-us-east-1)",
    )

    validate = command("validate", "every environment builds through the gate and the committed output is current")
    out_option(validate, "the committed output folder")

    for served in (synth, render, diff, validate):  # answered by a running `watch` when one is up (warm_client)
        served.add_argument("--no-warm", action="store_true", help="run cold even when a watch could answer")

    watch = command("watch", "keep a warm process; re-synthesize (gate included) into the output folder on every save")
    out_option(watch, "output folder: new, empty, or earlier output of this tool")
    watch.add_argument(
        "--memory-budget",
        type=_positive("MiB"),
        default=320,
        metavar="MIB",
        help="restart the warm process past this (default 400)",
    )

    gate = command("gate", "run the gate (schema, policy, cross-object rules) on rendered YAML")
    gate.add_argument(
        "folder", nargs="?", help="a folder of manifests, or of such folders (default: the project's dist/)"
    )

    def release_command(name: str, text: str) -> argparse.ArgumentParser:
        sub = command(name, text)
        sub.add_argument("-e", "--environment", required=True, metavar="ENV")
        return sub

    set_image = release_command("set-image", "record a new release (blue-green: pending on the preview colour)")
    set_image.add_argument("tag", help="image tag or sha256: digest")
    release_command("promote", "make the pending release live (nothing pending: nothing changes)")
    rollback = release_command("rollback", "go back to the release before the live one, for every strategy")
    rollback.add_argument("--to", metavar="TAG", help="an earlier release of the history instead")
    history = command("history", "an environment's releases, newest first, the live one marked")
    history.add_argument("-e", "--environment", required=True, metavar="ENV")
    release_file.add_parser(command)
    scaffold.add_parser(command)
    argocd_plugin.add_parser(command)

    deploy = release_command("deploy", "set-image (or --rollback) and synthesize; --sync also runs argocd app sync")
    deploy.add_argument("tag", nargs="?", help="image tag or digest to release")
    deploy.add_argument(
        "-s",
        "--strategy",
        help="helm: then install or upgrade the environment's exported chart with Helm (per cluster); "
        "otherwise it must match the environment's configured strategy",
    )
    deploy.add_argument("--rollback", action="store_true", help="roll back instead of releasing a tag")
    deploy.add_argument("--to", metavar="TAG", help="with --rollback: an earlier release of the history")
    deploy.add_argument("--promote", action="store_true", help="blue-green: make the new release live at once")
    deploy.add_argument("--sync", action="store_true", help="then `argocd app sync <service>-<env> --wait`")
    deploy.add_argument(
        "--timeout", type=int, default=600, help="seconds argocd (or helm) waits for the sync (default 600)"
    )

    # Load testing against the SLO (loadtest/commands.py): exit 1 when an objective is breached.
    load = command("loadtest", "run the environment's k6 script with the real k6, then judge it against the SLO")
    load.add_argument("-e", "--environment", required=True, metavar="ENV")
    load.add_argument("-c", "--cluster", metavar="CLUSTER", help="one of the environment's clusters: its regional host")
    load.add_argument("--url", help="base URL to test (default: the Ingress, https; the cluster's regional host)")
    load.add_argument("--scenario", default="smoke", help="smoke (default), load or spike")
    load.add_argument("--vus", type=int, help="smoke: virtual users (default 1)")
    load.add_argument("--duration", help="smoke: how long, e.g. 10s (default from the service's options)")
    load.add_argument("--think", type=float, metavar="SECONDS", help="pause between a VU's requests (default 0.5)")
    load.add_argument("--summary", metavar="FILE", help="k6's summary JSON (default build/loadtest/ENV/summary.json)")
    load.add_argument("--report", metavar="FILE.html", help="HTML report (default: the summary's name, .html)")
    analyze = command("analyze", "judge a k6 summary JSON against the environment's SLO: table and HTML report")
    analyze.add_argument("summary", metavar="SUMMARY.json")
    analyze.add_argument("-e", "--environment", required=True, metavar="ENV")
    analyze.add_argument("--report", metavar="FILE.html", help="HTML report (default: the summary's name, .html)")
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
            runtime.start(found, app=True)
            project = project_code(lambda: load_project(spec, found), spec, args.command)
            root = found
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
        message = error_line(error)
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
        message = error_line(error)
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
