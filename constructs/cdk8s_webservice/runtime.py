"""Process start-up: the one place that prepares a process to run cdk8s.

cdk8s runs in Node.js through jsii, which starts Node when the first construct
library is imported. Everything that must happen before that is here, and every
entry point calls `start` first: the apps (`main.py`, through `cli.run_app`), the
`cdk8s-webservice` command, the tests and the benchmark.

    runtime.start(ROOT)                 # tests, scripts: settings only
    runtime.start(ROOT, app=True)       # an app: also the gate worker and the speed-ups

`start` sets jsii's environment (in one place: nothing else sets it), refuses at
once with what to install when Node.js is missing, and for apps:

- starts the gate in a worker process (`gate.worker.prewarm`), which loads its schemas
  and compiles its policies while Node.js starts, then checks each environment on
  the other core as soon as it is built;
- turns off cyclic garbage collection (a short process that allocates much);
- installs jsii's struct fast path (`jsii_speedups`), which touches a private
  function of jsii: only on the jsii versions it was checked against, only when
  asked, and when it declines it says why, once, on stderr.
"""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

from .errors import shorten

JSII_SETTINGS = {
    # Node 20 prints an end-of-life banner on every run otherwise.
    "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20",
}
_STARTED: set[str] = set()
# The construct libraries every app of this library loads, in dependency order.
PRELOADED = ["constructs", "cdk8s", "cdk8s_plus_27", "cdk8s_webservice_crds"]


def configure(root: Path | str) -> None:
    """jsii's settings for a process working on the project in `root` (idempotent;
    values already in the environment win)."""
    for name, value in JSII_SETTINGS.items():
        os.environ.setdefault(name, value)
    # jsii's unpacked-package cache belongs to the project: an empty one costs ~0.5 s a run.
    cache = Path(root).resolve() / ".cache"
    os.environ.setdefault("JSII_RUNTIME_PACKAGE_CACHE_ROOT", str(cache / "jsii"))
    # A full disk is no cache: jsii unpacks its packages into a temporary folder instead
    # of failing (the library's own caches skip what they cannot write).
    if not has_room(Path(os.environ["JSII_RUNTIME_PACKAGE_CACHE_ROOT"])):
        os.environ.setdefault("JSII_RUNTIME_PACKAGE_CACHE", "disabled")
    # The library's own (the gate's parsed CRD schemas, jsii's kernel program).
    os.environ.setdefault("CDK8S_WEBSERVICE_CACHE", str(cache))
    # jsii's Node makes no network call, and loading a CA bundle costs each Node process ~80 ms.
    os.environ.pop("NODE_EXTRA_CA_CERTS", None)


#: Free space a cache needs to be written to (jsii's unpacked packages take ~40 MiB).
CACHE_ROOM = 64 * 2**20


def has_room(folder: Path) -> bool:
    """Whether the file system of `folder` (or of its nearest existing parent) has
    `CACHE_ROOM` free; True when that cannot be told."""
    for candidate in (folder, *folder.parents):
        try:
            found = os.statvfs(candidate)
        except FileNotFoundError:
            continue
        except OSError:
            return True
        return found.f_bavail * found.f_frsize >= CACHE_ROOM
    return True


def check_node() -> None:
    """Exit 2 with what to install when jsii's Node.js is missing, or with what to fix
    when JSII_RUNTIME names no file (before jsii fails with a traceback)."""
    node = os.environ.get("JSII_NODE", "node")
    if shutil.which(node) is None:
        print(
            f"error: node: {node!r} is not on PATH; install Node.js 20 or newer (jsii runs cdk8s in it), "
            "or set JSII_NODE to its path",
            file=sys.stderr,
        )
        raise SystemExit(2)
    # A runtime of the user's own choosing (jsii's JSII_RUNTIME) that is not there: jsii
    # would fail reading Node.js's error as its protocol (a JSONDecodeError traceback).
    chosen = os.environ.get("JSII_RUNTIME")
    if chosen is not None and not os.path.isfile(chosen):
        print(
            f"error: JSII_RUNTIME: {shorten(repr(chosen), 200)} is not allowed; the path of an existing jsii "
            "runtime script (bin/jsii-runtime.js), or unset it",
            file=sys.stderr,
        )
        raise SystemExit(2)


def start(root: Path | str, *, app: bool = False, speedups: bool | None = None) -> None:
    """Prepare this process; call it before anything imports cdk8s.

    `app=True` for a process that synthesizes and exits (an app, the CLI, a
    benchmark): the gate worker, no cyclic GC and, unless `speedups=False`, jsii's
    struct fast path."""
    configure(root)
    check_node()
    if not app or "app" in _STARTED:
        return
    _STARTED.add("app")
    use_speedups = speedups if speedups is not None else True
    if use_speedups:
        _start_node()  # first: the rest of the start overlaps with Node.js's
    from .gate.worker import prewarm

    # The gate's worker (forked: it closes its copies of Node.js's pipes at once).
    prewarm(process=True)
    gc.disable()
    if use_speedups:
        _speed_up_jsii()


def fast_jsii() -> None:
    """jsii's speed-ups for a long-lived process that started with `start(root)` (the
    watch, the fleet's workers): Node.js started at once, loading the construct
    libraries, the bindings compiled with postponed annotations, jsii's fast paths."""
    _start_node()
    _speed_up_jsii()


def _start_node() -> None:
    from . import jsii_speedups

    # Node.js boots and loads the construct libraries while Python imports (declined:
    # started later, by jsii).
    jsii_speedups.start_node(PRELOADED)


def _speed_up_jsii() -> None:
    cache = os.environ.get("CDK8S_WEBSERVICE_CACHE")
    if cache:
        from . import binding_loader

        # The bindings' type annotations are left unevaluated (~50 ms of the import).
        binding_loader.install(PRELOADED, Path(cache) / "pyc")
    if enable_speedups():
        from . import jsii_speedups

        # The bindings' imports do not wait for Node.js to load their libraries.
        jsii_speedups.defer_loads()


@contextlib.contextmanager
def children_ignore_sigint() -> Iterator[None]:
    """Processes started inside (Node.js, workers) inherit an ignored SIGINT: Ctrl-C
    reaches only this process, which ends them itself (no traceback of theirs)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers belong to the main thread
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def worker_process() -> None:
    """Set up a worker process (the gate's, the fleet's): it ends when its parent does,
    however the parent ended (killed, crashed), and leaves Ctrl-C to the parent, which
    ends it (the terminal's SIGINT reaches the whole process group)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent ended before the line above
        os._exit(1)


def enable_speedups() -> bool:
    """jsii's struct fast path, where this jsii is one it was checked against; else
    say why not (once) and run on jsii's own code."""
    from . import jsii_speedups

    declined = jsii_speedups.install()
    if declined is not None and "speedups" not in _STARTED:
        _STARTED.add("speedups")
        print(f"note: jsii fast path off: {declined}", file=sys.stderr)
    return declined is None


def exit_now(code: int) -> NoReturn:
    """Exit once the output is written. With the speed-ups in place, without
    waiting for Node.js or the gate's worker to end, nor for the interpreter's
    teardown of every module (`jsii_speedups.fast_exit`, ~0.4 s in all)."""
    if "jsii" in sys.modules:
        from . import jsii_speedups

        if jsii_speedups.installed():
            import threading

            from .gate.worker import abandon_workers

            # The work is done: a helper thread that fails while the process ends (the
            # pool's manager finding its worker killed) has nothing to say to the user,
            # and would be cut off mid-line by the exit anyway.
            threading.excepthook = lambda _args: None
            if code != 0:
                # The error was reported: an exit hook that fails on the way out (jsii's,
                # writing to a Node.js that already ended) has nothing to add.
                sys.unraisablehook = lambda _args: None
            abandon_workers()
            jsii_speedups.fast_exit(code)
    flush_output()
    raise SystemExit(code)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised as an interrupt (`sigterm_interrupts`)."""


_SIGTERM: list[int] = []  # set once SIGTERM arrived (watchfiles re-raises a plain KeyboardInterrupt)


def _terminated(signum: int, _frame: object) -> None:
    _SIGTERM.append(signum)
    raise Terminated


def sigterm_interrupts() -> None:
    """SIGTERM (a service manager, `kill`, a CI runner's timeout) ends this process the
    way Ctrl-C does: as a KeyboardInterrupt, so what it was writing is cleaned up (a
    staged output folder removed) before it exits 143 (`stopped_by_sigterm`)."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread() and "sigterm" not in _STARTED:
        _STARTED.add("sigterm")
        signal.signal(signal.SIGTERM, _terminated)
        # Not in a forked child (the gate's worker): SIGTERM ends it plainly, at once.
        os.register_at_fork(after_in_child=lambda: signal.signal(signal.SIGTERM, signal.SIG_DFL))


def stopped_by_sigterm() -> bool:
    """Whether the KeyboardInterrupt that is ending this process came from SIGTERM."""
    return bool(_SIGTERM)


def flush_output() -> None:
    """Flush stdout and stderr before an exit, whatever became of them (None under
    `>&-`, a pipe nobody reads)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
