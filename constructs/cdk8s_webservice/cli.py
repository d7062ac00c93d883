"""`cdk8s-webservice`: synthesize, compare, validate and release a service project.

The project is found through `[tool.cdk8s-webservice] project = "module:ATTR"` in
the pyproject.toml of the current folder (or a parent), or `--project`.

Exit status, for every command (as kubectl's):
  0  success, or nothing to do (a promote with nothing pending, a set-image of the live tag)
  1  differences found (`diff`), the gate refused (`synth`, `validate`, `gate`, release
     commands), output not current (`validate`), or `argocd app sync` failed (`deploy --sync`)
  2  bad input or environment: a one-line message on stderr naming what and why;
     nothing was changed (for `diff`, also: the gate refused, so there is no diff to show)
"""

from __future__ import annotations

import argparse
import atexit
import gc
import importlib
import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import yaml

from .delivery import Strategy
from .diff import diff_objects, format_changes, load_objects, read_folder
from .errors import ConfigError
from .gate import Gate, GateFailed
from .output import check_output_folder, locked, write_environments
from .profile import EnvironmentProfile
from .releases import Releases, check_writable

if TYPE_CHECKING:
    from .project import ServiceProject

EPILOG = """\
exit status: 0 success or nothing to do; 1 differences (diff), gate refused, output
not current, or sync failed; 2 bad input or environment (nothing changed).

releases: set-image records a release (blue-green: pending on the preview colour;
rolling and canary: live at once), promote makes the pending release live, rollback
goes back to the release before the live one (--to TAG: any earlier one), history
lists them. Each rewrites the releases file and dist/: commit both, ArgoCD syncs."""


def find_project(spec: str | None) -> tuple[ServiceProject, Path]:
    root = Path.cwd()
    if spec is None:
        for folder in (root, *root.parents):
            pyproject = folder / "pyproject.toml"
            if pyproject.is_file():
                try:
                    config = tomllib.loads(pyproject.read_text(encoding="utf-8"))
                except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
                    raise ConfigError(str(pyproject), None, f"valid TOML ({error})") from None
                table = config.get("tool", {}).get("cdk8s-webservice", {})
                if "project" in table:
                    spec, root = table["project"], folder
                    break
    if not isinstance(spec, str) or ":" not in spec:
        raise ConfigError(
            "--project", spec, "module:ATTRIBUTE, or [tool.cdk8s-webservice] project in a pyproject.toml here or above"
        )
    module_name, _, attribute = spec.partition(":")
    sys.path.insert(0, str(root))
    # jsii's unpacked-package cache belongs to the project (an empty one costs ~0.5 s).
    os.environ.setdefault("JSII_RUNTIME_PACKAGE_CACHE_ROOT", str(root / ".cache" / "jsii"))
    from .project import ServiceProject

    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        raise ConfigError("--project", spec, f"an importable module from {root} ({error})") from None
    project = getattr(module, attribute, None)
    if not isinstance(project, ServiceProject):
        raise ConfigError("--project", spec, f"a ServiceProject; {module_name}.{attribute} is {type(project).__name__}")
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
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--project", help="module:ATTRIBUTE of the ServiceProject (default: from pyproject.toml)")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, text: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=text, description=text)

    def out_option(sub: argparse.ArgumentParser, text: str) -> None:
        sub.add_argument("--out", default="dist", help=f"{text} (default: dist)")

    synth = command("synth", "render environments into the output folder (replaced whole, atomically)")
    synth.add_argument("-e", "--environment", action="append", metavar="ENV", help="only this environment (repeatable)")
    synth.add_argument("-s", "--strategy", type=_strategy, help="override the profile: rolling, blue-green or canary")
    out_option(synth, "output folder: new, empty, or earlier output of this tool")

    render = command("render", "print one environment's manifests as one YAML stream (for kubectl apply/diff -f -)")
    render.add_argument("-e", "--environment", required=True, metavar="ENV")
    render.add_argument("-s", "--strategy", type=_strategy, help="override the profile's strategy")

    diff = command("diff", "what a fresh synth would change in the committed output (exit 1 if anything)")
    diff.add_argument("-e", "--environment", action="append", metavar="ENV", help="only this environment")
    out_option(diff, "the committed output folder")
    diff.add_argument("--between", nargs=2, metavar=("ENV_A", "ENV_B"), help="compare two environments instead")

    validate = command("validate", "every environment builds through the gate and the committed output is current")
    out_option(validate, "the committed output folder")

    gate = command("gate", "run the gate (schema, policy, cross-object rules) on rendered YAML")
    gate.add_argument(
        "folder", nargs="?", default="dist", help="a folder of manifests, or of such folders (default: dist)"
    )

    def release_command(name: str, text: str) -> argparse.ArgumentParser:
        sub = command(name, text)
        sub.add_argument("-e", "--environment", required=True, metavar="ENV")
        out_option(sub, "output folder to re-synthesize")
        return sub

    set_image = release_command("set-image", "record a new release (blue-green: pending on the preview colour)")
    set_image.add_argument("tag", help="image tag or sha256: digest")
    release_command("promote", "make the pending release live (nothing pending: nothing changes)")
    rollback = release_command("rollback", "go back to the release before the live one, for every strategy")
    rollback.add_argument("--to", metavar="TAG", help="an earlier release of the history instead")
    history = command("history", "an environment's releases, newest first, the live one marked")
    history.add_argument("-e", "--environment", required=True, metavar="ENV")

    deploy = release_command("deploy", "set-image (or --rollback) and synthesize; --sync also runs argocd app sync")
    deploy.add_argument("tag", nargs="?", help="image tag or digest to release")
    deploy.add_argument("-s", "--strategy", help="must match the environment's configured strategy if given")
    deploy.add_argument("--rollback", action="store_true", help="roll back instead of releasing a tag")
    deploy.add_argument("--to", metavar="TAG", help="with --rollback: an earlier release of the history")
    deploy.add_argument("--promote", action="store_true", help="blue-green: make the new release live at once")
    deploy.add_argument("--sync", action="store_true", help="then `argocd app sync <service>-<env> --wait`")
    deploy.add_argument("--timeout", type=int, default=600, help="seconds argocd waits for the sync (default 600)")
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


def _path(root: Path, value: str) -> Path:
    path = Path(value)
    return path if path.is_absolute() else root / path


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _synth(project: ServiceProject, args: argparse.Namespace, root: Path) -> int:
    if args.environment is not None and not args.environment:
        raise ConfigError("--environment", [], "at least one environment")
    out = check_output_folder(_path(root, args.out), project_root=root)
    rendered = project.synthesize(args.environment, args.strategy)
    write_environments(out, rendered, whole=args.environment is None, project_root=root)
    print(summary(project.profiles(args.environment, args.strategy), rendered))
    print(f"wrote {sum(len(f) for f in rendered.values())} files under {_shown(out)}/")
    return 0


def stream(files: dict[str, str]) -> str:
    """One environment's files as one multi-document YAML stream (each file starts with `---`)."""
    return "".join(text if text.startswith("---\n") else f"---\n{text}" for _, text in sorted(files.items()))


def _render(project: ServiceProject, args: argparse.Namespace) -> int:
    rendered = project.synthesize([args.environment], args.strategy)
    sys.stdout.write(stream(rendered[project.environments().get(args.environment).name]))
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
        out = _path(root, args.out)
        if not out.is_dir():
            raise ConfigError("--out", str(out), "an existing output folder to compare with")
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
    out = _path(root, args.out)
    stale = sorted(folder for folder, files in rendered.items() if _read_tree(out / folder) != files)
    print(summary(project.profiles(), rendered))
    if stale:
        print(f"{args.out}/ is not what synth makes now: {', '.join(stale)} (run synth and commit)")
        return 1
    print(f"every environment builds; {args.out}/ is current")
    return 0


def _gate(project: ServiceProject, folder: Path) -> int:
    if not folder.is_dir():
        raise ConfigError("folder", str(folder), "an existing folder of manifests")
    violations = Gate(project.gate).check_folder(folder)
    if violations:
        raise GateFailed(violations)
    print(f"{_shown(folder)}/: every object passes the gate")
    return 0


def _history(project: ServiceProject, args: argparse.Namespace) -> int:
    releases_file = _releases_file(project)
    environment = project.environments().get(args.environment).name
    history = Releases.load(releases_file).get(environment)
    print(f"{environment} ({releases_file.name}):")
    print(history.table())
    return 0


def _releases_file(project: ServiceProject) -> Path:
    if project.releases_file is None:
        raise ConfigError("releases_file", None, "the project must name its releases file for release commands")
    return project.releases_file


def _release(project: ServiceProject, args: argparse.Namespace, root: Path) -> int:
    """set-image, promote, rollback and deploy: one state transition of the releases
    file, then dist/ re-synthesized. Everything is checked before anything is written;
    a refused synth puts the releases file back as it was."""
    releases_file = _releases_file(project)
    out = check_output_folder(_path(root, args.out), project_root=root)
    check_writable(releases_file)
    argocd = _argocd(args) if args.command == "deploy" and args.sync else None
    with locked(releases_file.parent):
        releases = Releases.load(releases_file)
        environments = project.environments()
        releases.check_environments(p.name for p in environments)
        profile = environments.get(args.environment)
        blue_green = profile.strategy is Strategy.BLUE_GREEN
        history = releases.get(profile.name)
        action = _action(args, profile)
        if action == "set-image":
            transition = history.record(args.tag, blue_green=blue_green)
            if transition.changed and args.command == "deploy" and args.promote:
                promoted = transition.history.promote()
                transition = type(transition)(promoted.history, f"{transition.message}\n{promoted.message}", True)
        elif action == "promote":
            transition = history.promote()
        else:
            transition = history.rollback(args.to, blue_green=blue_green)
        print(f"{profile.name}: {transition.message}")
        if transition.changed:
            previous = releases_file.read_bytes()
            releases.with_history(transition.history).save(releases_file)
            try:
                rendered = project.synthesize()
                write_environments(out, rendered, whole=True, project_root=root)
            except BaseException:
                _restore(releases_file, previous)
                raise
            state = project.environments().get(profile.name)
            if blue_green:
                bg = state.blue_green
                print(
                    f"{profile.name}: {bg.active} ({bg.tag(bg.active, state.image_tag)}) is live; "
                    f"{bg.preview} ({bg.tag(bg.preview, state.image_tag)}) is the preview"
                )
            print(
                f"updated {_shown(releases_file)} and {_shown(out)}/: commit both "
                f'(git add {_shown(releases_file)} {_shown(out)} && git commit -m "{profile.name}: '
                f'{transition.history.live.image_tag}")'
            )
        else:
            print("nothing changed")
    if argocd is not None:
        return _sync(argocd, f"{project.name}-{profile.name}", args.timeout)
    return 0


def _action(args: argparse.Namespace, profile: EnvironmentProfile) -> str:
    if args.command != "deploy":
        return str(args.command)
    if args.strategy is not None and Strategy.parse("--strategy", args.strategy) is not profile.strategy:
        raise ConfigError(
            "--strategy",
            args.strategy,
            f"{profile.strategy.value}: {profile.name}'s strategy is configured in its profile, not chosen per deploy",
        )
    if args.rollback:
        if args.tag is not None or args.promote:
            raise ConfigError("--rollback", args.tag, "no TAG and no --promote (use --to TAG for a given release)")
        return "rollback"
    if args.to is not None:
        raise ConfigError("--to", args.to, "only with --rollback")
    if args.tag is None:
        if args.promote:
            return "promote"
        raise ConfigError("TAG", None, "an image tag to deploy, --rollback, or --promote")
    return "set-image"


def _restore(path: Path, content: bytes) -> None:
    temporary = path.with_name(f".{path.name}.restore-{os.getpid()}")
    temporary.write_bytes(content)
    os.chmod(temporary, path.stat().st_mode & 0o7777)
    os.replace(temporary, path)


def _argocd(args: argparse.Namespace) -> str:
    """The argocd CLI, found before anything changes."""
    found = shutil.which("argocd")
    if found is None:
        raise ConfigError(
            "--sync",
            "argocd",
            "the argocd CLI on PATH, logged in (argocd login); or leave out --sync and let ArgoCD sync",
        )
    if args.timeout < 1:
        raise ConfigError("--timeout", args.timeout, "a number of seconds from 1")
    return found


def _sync(argocd: str, application: str, timeout: int) -> int:
    """ArgoCD syncs what is in git: run this after the commit is pushed (CI does)."""
    command = [argocd, "app", "sync", application, "--wait", "--timeout", str(timeout)]
    print(f"running: argocd app sync {application} --wait --timeout {timeout}", flush=True)
    try:
        result = subprocess.run(command, check=False)
    except OSError as error:
        raise ConfigError("--sync", argocd, f"a runnable argocd CLI ({error.strerror})") from None
    if result.returncode != 0:
        print(f"error: argocd app sync {application} failed (exit {result.returncode})", file=sys.stderr)
        return 1
    return 0


def _cdk8s_app(project: ServiceProject, root: Path, outdir: Path, config_output: Path | None) -> int:
    """The app under `cdk8s synth`: the CLI deletes its output folder before it runs
    the app, so that folder is a scratch one (`output:` in cdk8s.yaml). The app
    writes dist/ itself, atomically, and gives the cdk8s CLI one stream per
    environment (`<env>.k8s.yaml`, each object once). Under `--stdout` (any other
    output folder) only the streams are written: dist/ stays as it is."""
    rendered = project.synthesize()
    dist = root / "dist"
    if outdir.resolve() == dist.resolve():
        # `output: dist` in cdk8s.yaml: the CLI deleted it already; put it back whole.
        write_environments(dist, rendered, whole=True, project_root=root)
        print(
            "warning: cdk8s.yaml has `output: dist`, which the cdk8s CLI deletes before every run; "
            "set `output: .cdk8s.out` (a scratch folder) and the app writes dist/ atomically",
            file=sys.stderr,
        )
        return 0
    if config_output is not None and outdir.resolve() == config_output.resolve():
        write_environments(dist, rendered, whole=True, project_root=root)
    outdir.mkdir(parents=True, exist_ok=True)
    for profile in project.profiles():
        (outdir / f"{profile.name}.k8s.yaml").write_text(stream(rendered[profile.name]), encoding="utf-8")
    return 0


def _cdk8s_output(root: Path) -> Path | None:
    """`output:` of the project's cdk8s.yaml, if it has one."""
    try:
        config = yaml.safe_load((root / "cdk8s.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None
    output = config.get("output") if isinstance(config, dict) else None
    return root / output if isinstance(output, str) else None


def main(argv: Sequence[str] | None = None, project: ServiceProject | None = None, root: Path | None = None) -> int:
    """Run a command. An app entry point passes its `project` (and `root`, the folder
    relative output paths start from); the console script finds them itself."""
    args = parser().parse_args(argv)
    try:
        if project is None:
            project, root = find_project(args.project)
        root = root or Path.cwd()
        handlers: dict[str, Callable[[], int]] = {
            "synth": lambda: _synth(project, args, root),
            "render": lambda: _render(project, args),
            "diff": lambda: _diff(project, args, root),
            "validate": lambda: _validate(project, args, root),
            "gate": lambda: _gate(project, _path(root, args.folder)),
            "history": lambda: _history(project, args),
        }
        return handlers.get(args.command, lambda: _release(project, args, root))()
    except GateFailed as failure:
        print(failure.report(), file=sys.stderr)
        # kubectl diff's contract: 1 is "differences", so a refusal is an error (2).
        return 2 if args.command == "diff" else 1
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
    except UnicodeDecodeError as error:
        print(f"error: a file is not UTF-8 text ({error.reason} at byte {error.start})", file=sys.stderr)
    except yaml.YAMLError as error:
        print(f"error: not valid YAML: {' '.join(str(error).split())}", file=sys.stderr)
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        print(f"error: {where}{error.strerror or error}", file=sys.stderr)
    except Exception as error:  # jsii reports construct errors as JSIIError/RuntimeError
        if type(error).__module__.split(".")[0] != "jsii":
            raise
        print(f"error: {str(error).splitlines()[0] if str(error) else type(error).__name__}", file=sys.stderr)
    return 2


def check_node() -> None:
    """jsii runs the construct libraries in Node.js: without it, say what to install
    (before jsii fails with a traceback)."""
    node = os.environ.get("JSII_NODE", "node")
    if shutil.which(node) is None:
        print(
            f"error: node: {node!r} is not on PATH; install Node.js 20 or newer (jsii runs cdk8s in it), "
            "or set JSII_NODE to its path",
            file=sys.stderr,
        )
        raise SystemExit(2)


def prepare_process() -> None:
    """What an app entry point does before anything imports jsii.

    - refuse at once, with what to install, where Node.js is missing;
    - silence the end-of-life banner jsii prints on every run under Node 20;
    - drop NODE_EXTRA_CA_CERTS for the Node.js runtime jsii starts (it makes no
      network call, and loading the bundle costs each Node process ~80 ms);
    - start the gate in a worker process, which loads its schemas and policies
      while Node.js starts and then checks environments on the other core;
    - no cyclic garbage collection: the process is short and allocates much;
    - jsii's struct serialization fast path (see `jsii_speedups`).
    """
    check_node()
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
    """An app entry point: `python main.py [synth options]` synthesizes; under
    `cdk8s synth` (CDK8S_OUTDIR set, no arguments) see `_cdk8s_app`."""
    outdir = os.environ.get("CDK8S_OUTDIR")
    if outdir and len(sys.argv) == 1:

        def app() -> int:
            return _cdk8s_app(project, root, Path(outdir), _cdk8s_output(root))

        exit_now(_guarded(app))
    exit_now(main(["synth", *sys.argv[1:]], project=project, root=root))


def _guarded(run: Callable[[], int]) -> int:
    """The error contract of `main` for a run that is not a parsed command."""
    try:
        return run()
    except GateFailed as failure:
        print(failure.report(), file=sys.stderr)
        return 1
    except (ConfigError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def run() -> None:
    """Console-script entry point."""
    prepare_process()
    try:
        code = main()
    except KeyboardInterrupt:
        code = 130
    exit_now(code)
