"""`cdk8s-webservice watch`: a warm process that re-synthesizes on every save.

A cold `make synth` spends about a second before the first construct: starting
Node.js, loading the jsii assemblies, loading the gate's schemas and policies.
`watch` pays that once, then for every change to a source the synth depends on
(the project's modules, e.g. `main.py` and `charts/`, the releases file and the
other files beside them, and the library's own modules when it is a checkout)
it synthesizes every environment through the gate, writes the output folder the
same atomic way as `synth` (`output.write_environments`) and prints what changed,
object by object, with the time from the save to the written folder.

- The project's modules are loaded fresh for every run: each module whose file is
  under the project root (and not the library's) is dropped from `sys.modules` and
  imported again (the changed files' cached bytecode removed first: Python would
  trust it for a same-size edit within the same second), so no state of an earlier
  run survives. That costs a few
  milliseconds; a worker process forked per run could not share the warm jsii
  kernel (its Node.js process and its object table belong to the parent) and
  would have to start Node again.
- A change to the library itself (its modules, CRD files, policies, the generated
  bindings), or to the project's own CRD files and policies (`GateSettings`), cannot
  be reloaded in place: the jsii types and the gate are built from it. The process
  re-executes itself (a fresh warm process); so it does when its process tree
  (Python, Node.js, the gate worker) grows past the memory budget (about 3.5 MiB
  more after each synth: jsii keeps every object a synth created alive in Node.js).
  After a restart it synthesizes and writes (the same bytes, unless a save came
  while it restarted), so the next save finds it warm.
- A failing edit prints the error (one line for a `ConfigError`, the gate's report
  for `GateFailed`, a traceback for a bug in the project's code), leaves the
  output as it was, and the watch goes on.
- The gate runs in this process (its validators cached), not in a worker process
  as under `synth`: less memory, and as fast once warm.
- While it runs, it answers `synth`, `diff`, `validate` and `render` over the project's
  socket, one synth at a time with its own runs (`warm_server`, `warm_client`).
- Ctrl-C exits 130, SIGTERM (a service manager, `kill`) 143. Node.js ignores the
  terminal's SIGINT and is shut down by this process, so nothing is left behind.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import importlib.util
import os
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import yaml

from cdk8s_webservice import runtime
from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.values import check_number
from cdk8s_webservice.gate import GateFailed
from cdk8s_webservice.synthesis.discovery import project_code
from cdk8s_webservice.synthesis.output import check_output_folder, locked, read_tree, write_environments

if TYPE_CHECKING:
    from cdk8s_webservice.synthesis.diff import ObjectChange
    from cdk8s_webservice.synthesis.project import ServiceProject

    from .warm_server import Commands, WarmServer

# jsii runs its kernel in two Node.js processes (its launcher and the kernel): the tree
# starts near 270 MiB, so the budget leaves room for ~35 saves before a restart.
DEFAULT_BUDGET_MIB = 400
WATCHED_SUFFIXES = (".py", ".yaml", ".yml", ".json", ".toml", ".rego")
NOT_SYNCED = ("helm/", "loadtest/")  # folders the object diff leaves out (not manifests ArgoCD syncs)


def tree_rss_kib(pid: int) -> int:
    """Resident memory of `pid` and all its descendants, in KiB (from /proc; 0 elsewhere)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                total += next((int(line.split()[1]) for line in status if line.startswith("VmRSS:")), 0)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack += [int(child) for child in children.read().split()]
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    return total


def _under(path: Path, folders: Iterable[Path]) -> bool:
    # Compared as text (the paths are absolute and resolved): pathlib's `parents` made
    # this ~10 ms of every save, over the ~1,500 loaded modules.
    text = str(path)
    return any(text == str(folder) or text.startswith(str(folder).rstrip(os.sep) + os.sep) for folder in folders)


def _module_folders(module: ModuleType) -> list[Path]:
    file = getattr(module, "__file__", None)
    if file:
        return [_resolved(file).parent]
    return [_resolved(entry) for entry in getattr(module, "__path__", [])]


@functools.lru_cache(maxsize=8192)
def _resolved(path: str) -> Path:
    # Each run asks for the folder of every loaded module (~1,500): resolving them all
    # again took 20-40 ms of every save; a module's file does not move while it is loaded.
    return Path(path).resolve()


def library_folders() -> list[Path]:
    """The library's source folders (the package, the generated bindings) when they
    are a checkout rather than installed into a virtualenv."""
    import cdk8s_webservice

    folders = [Path(cdk8s_webservice.__file__).resolve().parent]
    bindings = sys.modules.get("cdk8s_webservice_crds")
    if bindings is not None:
        folders += _module_folders(bindings)
    installed = {Path(p).resolve() for p in (sys.prefix, sys.base_prefix)}
    return [folder for folder in folders if not _under(folder, installed)]


@dataclass
class Watcher:
    """One warm process's state: what it synthesizes, where to, and from which files."""

    spec: str
    root: Path
    out: Path
    budget_mib: float = DEFAULT_BUDGET_MIB
    libraries: list[Path] = field(default_factory=list)
    project_modules: set[str] = field(default_factory=set)
    data_folders: set[Path] = field(default_factory=set)
    gate_sources: set[Path] = field(default_factory=set)
    """The project's own CRD files and policy folders (`GateSettings`): compiled once per process."""
    synthesized: Callable[[ServiceProject, dict[str, dict[str, str]]], None] | None = None
    """Told each run's project and folders once written (the warm path keeps them: `warm_server`)."""

    def project_module_names(self) -> set[str]:
        """Modules loaded from the project root (not the library, not a virtualenv)."""
        root = self.root.resolve()
        skip = [*self.libraries, Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()]
        names = set()
        for name, module in list(sys.modules.items()):
            folders = _module_folders(module) if module is not None else []
            if folders and all(_under(f, [root]) and not _under(f, skip) for f in folders):
                names.add(name)
        return names

    def load(self) -> ServiceProject:
        """The project, imported afresh: its modules from an earlier run are dropped first."""
        from cdk8s_webservice.synthesis.discovery import load_project

        for name in self.project_module_names() | self.project_modules:
            sys.modules.pop(name, None)
        try:
            return load_project(self.spec, self.root)
        finally:
            self.project_modules = self.project_module_names()

    def folders(self) -> set[Path]:
        """Every folder holding a source the synth depends on (watched, not recursively)."""
        folders = {self.root.resolve(), *self.data_folders}
        folders.update(p if p.is_dir() else p.parent for p in self.gate_sources)
        root = self.root.resolve()
        modules: set[Path] = set()
        for name in self.project_modules:
            module = sys.modules.get(name)
            if module is not None:
                modules.update(_module_folders(module))
        folders |= modules
        # A module folder's subfolders too (not the root's: tests/, docs/, ...): the data a
        # project reads beside its modules (`charts/sealed-secrets/`), else an edit of it
        # would neither re-synthesize nor reach the warm path's fingerprint (a stale answer).
        for tree in [*(m for m in modules if m != root), *self.libraries]:
            for folder, subfolders, _ in os.walk(tree):
                subfolders[:] = [s for s in subfolders if s != "__pycache__" and not s.startswith(".")]
                folders.add(Path(folder).resolve())
        out = self.out.resolve()
        return {f for f in folders if f.is_dir() and not _under(f, [out])}

    def is_source(self, path: Path) -> bool:
        return (
            path.name.endswith(WATCHED_SUFFIXES)
            and not path.name.startswith(".")
            and not _under(path, [self.out.resolve()])
        )

    def is_library(self, path: Path) -> bool:
        """A source this process cannot reload: the library's, or the gate's own inputs."""
        path = path.resolve()
        gate = path in self.gate_sources or (path.suffix == ".rego" and path.parent in self.gate_sources)
        return gate or _under(path, self.libraries)

    def synth(self, changed: Iterable[Path] = ()) -> None:
        """One run: load, synthesize through the gate, write, print the changes.
        Every error is printed; none ends the watch."""
        start = time.perf_counter()
        for path in changed:
            # Python trusts a cached .pyc whose source has the same size and mtime
            # second: an edit like 50m -> 50x within a second of the last would be missed.
            if path.suffix == ".py":
                with contextlib.suppress(OSError):
                    os.remove(importlib.util.cache_from_source(str(path)))
        try:
            project_code(lambda: self._synth(start), self.spec, "watch")
        except GateFailed as failure:
            print(failure.report(wrote_nothing=True), file=sys.stderr, flush=True)
        except ConfigError as error:
            print(f"error: {error}", file=sys.stderr, flush=True)
        except Exception as error:
            from cdk8s_webservice.core.error_lines import error_line

            message = error_line(error)
            if message is None:  # a bug in the project's code: where it is
                traceback.print_exc()
            else:
                print(message, file=sys.stderr, flush=True)

    def _synth(self, start: float) -> None:
        project = self.load()
        if project.releases_file is not None:
            self.data_folders = {project.releases_file.resolve().parent}
        gate = project.gate
        self.gate_sources = {Path(p).resolve() for p in (*gate.extra_crd_files, *gate.extra_policy_dirs)}
        self._warm_gate(project)
        lock = project.releases_file.parent if project.releases_file is not None else self.out.parent
        with locked(lock):
            releases = project.load_releases()
            rendered = project.synthesize(None, None, releases)
            before = read_tree(self.out, marker=False)
            write_environments(self.out, rendered, whole=True, project_root=self.root)
            if self.synthesized is not None:
                self.synthesized(project, rendered)
        elapsed = time.perf_counter() - start
        print(report(changes_by_folder(before, rendered), self.out, elapsed), flush=True)

    @staticmethod
    def _warm_gate(project: ServiceProject) -> None:
        """The gate runs in this process, its validators built once (per settings) and
        kept: a worker process would cost ~75 MiB more of the budget and, measured,
        saves nothing once everything is warm (0.31 s a synth with it, 0.28 s without)."""
        from cdk8s_webservice.gate import worker

        worker.prewarm(project.gate)


def changes_by_folder(
    before: Mapping[str, str], rendered: Mapping[str, Mapping[str, str]]
) -> dict[str, list[ObjectChange]]:
    """Folder -> object changes from `before` (path -> text, the output as it was) to
    `rendered`; only files whose text changed are parsed."""
    from cdk8s_webservice.synthesis.diff import diff_objects, load_objects

    old: dict[str, dict[str, str]] = {}
    for path, text in before.items():
        folder, _, name = path.rpartition("/")
        old.setdefault(folder, {})[name] = text
    changes: dict[str, list[ObjectChange]] = {}
    for folder in sorted(old.keys() | rendered.keys()):
        if folder.startswith(NOT_SYNCED) or not folder:
            continue
        a, b = old.get(folder, {}), rendered.get(folder, {})
        differing = [name for name in a.keys() | b.keys() if a.get(name) != b.get(name)]
        changes[folder] = diff_objects(
            load_objects(a[n] for n in differing if n in a and _readable(a[n])),
            load_objects(b[n] for n in differing if n in b),
        )
    return changes


def _readable(text: str) -> bool:
    """Whether an old output file (a user may have edited it) reads as manifests within
    the YAML bounds; one that does not counts as absent (its objects show as added)."""
    from cdk8s_webservice.core.yaml_limits import check_bounds
    from cdk8s_webservice.synthesis.diff import load_objects

    try:
        check_bounds(text, "output file", "")
        load_objects([text])
    except (ConfigError, yaml.YAMLError, KeyError, TypeError, AttributeError):
        return False
    return True


def report(changes: Mapping[str, list[ObjectChange]], out: Path, elapsed: float) -> str:
    """Counts per folder, then the object-level diff, then the time taken."""
    from cdk8s_webservice.synthesis.diff import format_changes

    from .release_workflow import shown

    def counts(found: list[ObjectChange]) -> str:
        if not found:
            return "no changes"
        kinds = {"changed": 0, "added": 0, "removed": 0}
        for change in found:
            kinds[change.change] += 1
        return ", ".join(f"{n} {kind}" for kind, n in kinds.items() if n)

    lines = [f"  {folder}: {counts(found)}" for folder, found in changes.items()]
    every = [change for found in changes.values() for change in found]
    if every:
        lines.append(format_changes(every))
    lines.append(f"wrote {shown(out)}/ in {elapsed:.3f} s")
    return "\n".join(lines)


def recycle(reason: str) -> None:
    """Replace this process with a fresh one (same arguments). Node.js's pipes are not
    inherited (Python opens them close-on-exec): it reads the end of its input and
    ends with the old process image."""
    print(f"restarting the warm process: {reason}", flush=True)
    os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])


def watch(spec: str, root: Path, out: Path, commands: Commands, *, budget_mib: float = DEFAULT_BUDGET_MIB) -> int:
    """Watch until interrupted (KeyboardInterrupt propagates: the caller exits 130,
    143 after SIGTERM: `runtime.stopped_by_sigterm`)."""
    check_number("budget_mib", budget_mib, "a finite number of MiB above 0", minimum=0, exclusive=True)
    runtime.sigterm_interrupts()
    try:
        import watchfiles  # noqa: F401 (installed: the `watch` extra)
    except ImportError:
        raise ConfigError("watch", "watchfiles", "installed: pip install 'cdk8s-webservice[watch]'") from None
    out = check_output_folder(out, project_root=root)
    from .warm_protocol import original_environment, serving_enabled
    from .warm_server import WarmServer

    server = WarmServer(root, spec, original_environment(), commands)  # before runtime.start sets jsii's variables
    # Not `app=True`: a long-lived process keeps cyclic GC, and runs the gate in this
    # process (see `Watcher._warm_gate`).
    runtime.start(root)
    # The project's modules are re-imported on every save: a .pyc written then would be
    # read again after a restart for an edit of the same size in the same second (the
    # .pyc's check is size and whole seconds), and that edit would be lost.
    sys.dont_write_bytecode = True
    import cdk8s  # noqa: F401
    import cdk8s_plus_27  # noqa: F401

    watcher = Watcher(spec, root, out, budget_mib, libraries=library_folders(), synthesized=server.synthesized)
    if serving_enabled():
        server.start(watcher)  # synth, diff, validate and render answered warm (warm_server)
    try:
        _watch(watcher, server, root, budget_mib)
    finally:
        server.close()
    return 0


def _watch(watcher: Watcher, server: WarmServer, root: Path, budget_mib: float) -> None:
    import watchfiles

    # Written after a memory restart too: a save made while this process restarted
    # reaches no watcher (the write is the same bytes when there was none).
    server.synth(watcher)
    announced = False
    while True:
        folders = watcher.folders()
        for found in watchfiles.watch(
            *sorted(folders),
            watch_filter=lambda _change, path: watcher.is_source(Path(path)),
            recursive=False,
            step=20,
            ignore_permission_denied=True,
            rust_timeout=1000,
            yield_on_timeout=True,  # an empty set first: the folders are being watched now
        ):
            if not found:
                if not announced:
                    print(f"watching {len(folders)} folders (Ctrl-C to stop)", flush=True)
                    announced = True
                continue
            paths = sorted({Path(path) for _, path in found})
            names = ", ".join(os.path.relpath(p, root) for p in paths)
            library = [p for p in paths if watcher.is_library(p)]
            if library:
                with server.lock:  # not while a request runs (in its working directory)
                    recycle(f"library source changed ({names})")
            print(f"\n[{time.strftime('%H:%M:%S')}] changed: {names}", flush=True)
            server.synth(watcher, paths)
            gc.collect()  # after the run, off the path from save to output
            rss = tree_rss_kib(os.getpid()) / 1024
            if rss > budget_mib:
                with server.lock:
                    recycle(f"process tree at {rss:.0f} MiB, over the {budget_mib:.0f} MiB budget")
            if watcher.folders() != folders:
                break  # a new source folder: watch it too
