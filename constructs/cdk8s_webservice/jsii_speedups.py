"""The one place that touches private parts of other packages: opt-in, version-guarded.

1. A fast path for handing structs to jsii.

Profiles of a synth show most of the Python side of building constructs in one
function: jsii's `_make_reference_for_native`, which serializes every struct
(a Deployment's spec is dozens of nested ones) by calling each field's property,
and every property evaluates a `typing.cast(typing.Optional[...], ...)` on the
way. The values are already in the struct's `_values` dict; reading them there
gives the same data in a fraction of the time.

Installed only by app entry points (`runtime.start(app=True)`), only for the
jsii versions it was checked against, and anything that is not a plain struct
goes to jsii's own function. The tests synthesize with and without it and compare
the output byte for byte.

2. One Node.js process instead of two (`jsii_host.js`). jsii's entry point starts
Node.js, which starts a second Node.js for the kernel and relays every message
between the two: each call to jsii crosses two pipes and two event loops (a round
trip measured 0.23 ms; 0.15 ms direct), the relay's own start costs ~40 ms of CPU
and ~50 MiB, and big answers (a chart's JSON) stall in the relay's buffer. Here
Node.js runs jsii's kernel program itself, on the pipes Python's jsii opened. The
kernel program is jsii's own (unpacked once into the project's cache).

3. The assemblies load while Python imports (`start_node`, `defer_loads`). Node.js is
started first, with the list of the construct libraries' assemblies; the host puts their
load requests ahead of Python's on the kernel's input and keeps their answers to itself.
Python's imports of the bindings do not wait for their assembly: each load is sent for
real before the program's first other call, and the kernel answers it at once (or with
jsii's own error, where the early load failed).

4. A fast exit (`fast_exit`): once the output is written, Node.js is told to exit
and not waited for (it ends on its own, ~30 ms later), nor is the gate's worker
process (killed: it holds nothing), then the remaining exit hooks run and
`os._exit` skips the interpreter's teardown of every module (~0.3 s).

All are installed together (`install`) and only on the jsii versions checked.
"""

from __future__ import annotations

import atexit
import contextlib
import enum
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from .cache_files import remove_older_than

#: jsii versions whose `_make_reference_for_native` and `_NodeProcess.start` this
#: mirrors, and whose kernel program reads its API channel on fd 3 (checked line by line).
SUPPORTED_JSII = ("1.142.",)
HOST = Path(__file__).with_name("jsii_host.js")
_NODE_PROCESSES: list[Any] = []  # the kernels this process started (one, in practice)
_CHANNEL = threading.RLock()  # one sender at a time on the kernel's pipe
_DIRECT = False  # the one-process host is in place
_EARLY: list[subprocess.Popen[bytes]] = []  # Node.js started by `start_node`, not yet taken over
_INJECTED: list[tuple[str, str, str]] = []  # the assemblies that Node.js loads on its own
_LET_GO: list[subprocess.Popen[bytes]] = []  # in a forked child: the parent's Node.js


def installed() -> bool:
    from jsii import _kernel

    return bool(getattr(_kernel, "_webservice_fast_path", False))


def install() -> str | None:
    """Install the fast path: None when it is in place, else why not (nothing changed)."""
    import jsii
    from jsii import _kernel

    if getattr(_kernel, "_webservice_fast_path", False):
        return None
    if not jsii.__version__.startswith(SUPPORTED_JSII):
        return f"jsii {jsii.__version__} is not one it was checked against ({', '.join(SUPPORTED_JSII)}x)"
    original = _kernel._make_reference_for_native

    def make_reference(kernel: Any, value: Any) -> Any:
        if isinstance(value, dict):
            return {"$jsii.map": {k: make_reference(kernel, v) for k, v in value.items()}}
        if isinstance(value, list):
            return [make_reference(kernel, item) for item in value]
        cls = type(value)
        mapping = getattr(cls, "__jsii_name_mapping__", None)
        values = getattr(value, "_values", None)
        if mapping is not None and isinstance(values, dict) and not isinstance(value, enum.Enum):
            return {
                "$jsii.struct": {
                    "fqn": cls.__jsii_type__,
                    "data": {
                        jsii_name: make_reference(kernel, values.get(name)) for name, jsii_name in mapping.items()
                    },
                }
            }
        return original(kernel, value)

    _kernel._make_reference_for_native = make_reference  # type: ignore[assignment]
    _kernel._recursize_dereference = _dereferenced_value(_kernel._recursize_dereference)
    if "JSII_RUNTIME" not in os.environ:  # a runtime of the user's own choosing wins
        _install_direct_host()
    setattr(_kernel, "_webservice_fast_path", True)  # noqa: B010 - marks the module as patched
    return None


_PLAIN = frozenset((str, int, float, bool, type(None)))


def _dereferenced_value(original: Any) -> Any:
    """jsii's `_recursize_dereference` (answers from Node.js: object references to
    Python objects, everywhere in a value), with plain JSON values passed over at
    once; anything else goes to jsii's own function. A chart's JSON is thousands."""

    def dereference(kernel: Any, value: Any) -> Any:
        kind = type(value)
        if kind in _PLAIN:
            return value
        if kind is dict:
            return {key: dereference(kernel, item) for key, item in value.items()}
        if kind is list:
            return [dereference(kernel, item) for item in value]
        return original(kernel, value)

    return dereference


#: The requests sent most (jsii 1.142's API names): serialized by `_request_unstructurer`.
_FAST_REQUESTS = {
    "CreateRequest": "create",
    "InvokeRequest": "invoke",
    "StaticInvokeRequest": "sinvoke",
    "GetRequest": "get",
    "StaticGetRequest": "sget",
    "SetRequest": "set",
    "DeleteRequest": "del",
}


def _request_unstructurer(converter: Any, api: str, names: tuple[str, ...]) -> Any:
    """What jsii's converter makes of a request (its fields, unstructured, and the API
    name), with plain JSON values copied at once instead of through the converter's
    dispatch for each (~22,000 calls in a synth); anything else goes to the converter."""
    unstructure = converter.unstructure

    def plain(value: Any) -> Any:
        kind = type(value)
        if kind in _PLAIN:
            return value
        if kind is dict:
            return {key: plain(item) for key, item in value.items()}
        if kind is list:
            return [plain(item) for item in value]
        return unstructure(value)

    def request(value: Any) -> dict[str, Any]:
        data = {name: plain(getattr(value, name)) for name in names}
        data["api"] = api
        return data

    return request


def _fast_requests(converter: Any) -> None:
    import attr
    from jsii._kernel import types

    for class_name, api in _FAST_REQUESTS.items():
        cls = getattr(types, class_name)
        names = tuple(field.name for field in attr.fields(cls))
        converter.register_unstructure_hook(cls, _request_unstructurer(converter, api, names))


def _jsii_folder() -> tuple[Path, str] | None:
    """The installed jsii's folder and version, found without importing it (its
    import takes ~45 ms that Node.js can use to start)."""
    import importlib.util
    import json

    spec = importlib.util.find_spec("jsii")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    try:
        version = json.loads((folder / "_metadata.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return folder, str(version)


def kernel_program(cache: Path, jsii_folder: Path, version: str) -> Path:
    """jsii's kernel program (`lib/program.js` and the files beside it, from jsii's
    embedded runtime, `_embedded/jsii/lib__*`), unpacked once under `cache` and checked
    against jsii's copy at every start (its JavaScript byte for byte, the source maps by
    size: a damaged copy is replaced); a temporary folder, removed at exit, when `cache`
    cannot be written (read-only, or full)."""
    sources = sorted((jsii_folder / "_embedded" / "jsii").glob("lib__*"))
    folder = cache / f"jsii-{version}"
    if all(_same_file(source, folder / "lib" / source.name.removeprefix("lib__")) for source in sources):
        return folder / "lib" / "program.js"
    try:
        cache.mkdir(parents=True, exist_ok=True)
        remove_older_than(cache, 600, ".jsii-")  # a killed writer's staging
        staging = _unpacked(sources, Path(tempfile.mkdtemp(prefix=".jsii-", dir=cache)))
    except OSError:
        staging = _unpacked(sources, Path(tempfile.mkdtemp(prefix="cdk8s-webservice-jsii-")))
        atexit.register(shutil.rmtree, staging, True)  # Node.js has read it by then
        folder = staging
    if staging != folder:
        # Whole or not at all. A damaged copy is moved aside first; when another process
        # won the race, its copy (checked the same way) is as good as this one.
        with contextlib.suppress(OSError):
            if folder.exists():
                aside = Path(tempfile.mkdtemp(prefix=".jsii-", dir=cache))
                os.rename(folder, aside / "damaged")
                shutil.rmtree(aside, ignore_errors=True)
        try:
            os.rename(staging, folder)
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
            if not (folder / "lib" / "program.js").is_file():
                raise
    return folder / "lib" / "program.js"


def code_cache_folder(cache: Path) -> Path:
    """Where `jsii_host.js` keeps V8's code cache: one folder per Node.js binary, its
    options (NODE_OPTIONS: V8 refuses data made under other flags) and machine, so that
    runs of different kinds (an app, a fleet's worker) do not replace each other's; old
    folders removed now and then."""
    node = os.environ.get("JSII_NODE", "node")
    node_path = shutil.which(node) or node
    options = os.environ.get("NODE_OPTIONS", "")
    try:
        stamp = os.stat(node_path)
        identity = f"{node_path}\0{stamp.st_size}\0{stamp.st_mtime_ns}\0{platform.machine()}\0{options}"
    except OSError:
        identity = f"{node_path}\0{platform.machine()}\0{options}"
    import hashlib

    folder = cache / "v8" / hashlib.sha256(identity.encode()).hexdigest()[:16]
    with contextlib.suppress(OSError):
        if not folder.is_dir():  # a new Node.js: the others' caches are likely dead weight
            remove_older_than(cache / "v8", 30 * 86400)
    return folder


def _unpacked(sources: list[Path], staging: Path) -> Path:
    """`sources` copied into `staging`/lib; on an error (a full disk) `staging` is removed."""
    try:
        (staging / "lib").mkdir()
        for source in sources:
            (staging / "lib" / source.name.removeprefix("lib__")).write_bytes(source.read_bytes())
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def _same_file(source: Path, copy: Path) -> bool:
    """The copy is jsii's file: the same bytes (JavaScript, ~0.5 MB read a start) or, for
    a source map (only read for a stack trace), the same size."""
    try:
        if source.suffix == ".js":
            return copy.read_bytes() == source.read_bytes()
        return copy.stat().st_size == source.stat().st_size
    except OSError:
        return False


def _spawn_host(preload: list[tuple[str, str, str]] | None = None) -> subprocess.Popen[bytes]:
    """Node.js running jsii's kernel in `jsii_host.js`, on pipes, as jsii 1.142 starts
    its runtime (same arguments, same environment plus the program's path and the
    assemblies it loads before Python asks)."""
    found = _jsii_folder()
    if found is None:
        raise OSError("jsii is not installed")
    cache = Path(os.environ.get("CDK8S_WEBSERVICE_CACHE") or Path(tempfile.gettempdir()) / "cdk8s-webservice")
    environ = os.environ.copy()
    environ["JSII_AGENT"] = f"Python/{platform.python_version()}"
    environ["CDK8S_WEBSERVICE_JSII_PROGRAM"] = str(kernel_program(cache / "jsii-host", *found))
    # V8's code cache of the kernel's JavaScript (`jsii_host.js`), per Node.js and machine.
    environ["CDK8S_WEBSERVICE_JSII_CODE_CACHE"] = str(code_cache_folder(cache / "jsii-host"))
    environ["CDK8S_WEBSERVICE_JSII_PRELOAD"] = json.dumps(
        [{"name": name, "version": version, "tarball": tarball} for name, version, tarball in preload or []]
    )
    return subprocess.Popen(
        [environ.get("JSII_NODE", "node"), "--max-old-space-size=4069", str(HOST)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environ,
    )


def start_node(packages: Sequence[str] = ()) -> str | None:
    """Start Node.js (jsii's kernel, `jsii_host.js`) now, before jsii is imported, so
    it boots and loads the jsii assemblies of `packages` (in dependency order) while
    Python imports; jsii takes it over at its first call. None when started, else why
    not (nothing started)."""
    if "JSII_RUNTIME" in os.environ:
        return "JSII_RUNTIME is set"
    if "jsii" in sys.modules:  # its kernel may have a Node.js of its own already
        return "jsii is imported already"
    found = _jsii_folder()
    if found is None or not found[1].startswith(SUPPORTED_JSII):
        return "not a jsii version this was checked against"
    if not _EARLY:
        try:
            queue = [assembly for package in packages for assembly in assemblies(package)]
            _EARLY.append(_spawn_host(queue))
        except (OSError, ValueError) as error:
            return str(error)
        _INJECTED[:] = queue
        os.register_at_fork(after_in_child=_let_go_of_node)
    return None


def _let_go_of_node() -> None:
    """In a forked child (the gate's worker): close its copies of Node.js's pipes, which
    are the parent's to use (Node.js ends when the parent's copy closes)."""
    for node in _EARLY:
        for pipe in (node.stdin, node.stdout, node.stderr):
            if pipe is not None:
                with contextlib.suppress(OSError, ValueError):
                    pipe.close()
    # Kept, not dropped: a dropped Popen of a running process warns (ResourceWarning,
    # an error under -W error) in this process, which does not own it.
    _LET_GO.extend(_EARLY)
    _EARLY.clear()


def _install_direct_host() -> None:
    """`_NodeProcess.start` as jsii 1.142 writes it, with `jsii_host.js` as the runtime
    (the one `start_node` started, if any)."""
    from jsii._kernel.providers import process

    def start(self: Any) -> None:
        self._process = _EARLY.pop() if _EARLY else _spawn_host()
        _fast_requests(self._serializer)
        self.sink_thread = threading.Thread(
            name="process.stderr_sink", target=process.stderr_sink, args=(self._process.stderr,), daemon=True
        )
        self.sink_thread.start()
        atexit.register(self.stop)
        _NODE_PROCESSES.append(self)
        # Not waited for here: the first message sent reads Node.js's hello (`send`),
        # so Python goes on while Node.js starts.
        self._webservice_handshake = True

    original_send = process._NodeProcess.send

    def send(self: Any, request: Any, response_type: Any) -> Any:
        _send_deferred_loads()
        # One conversation at a time; the lock is re-entrant for jsii's callbacks,
        # which send from inside a send.
        with _CHANNEL:
            try:
                if self.__dict__.pop("_webservice_handshake", False):
                    self.handshake()
                return original_send(self, request, response_type)
            except (OSError, json.JSONDecodeError) as error:
                # Node.js gone or not speaking jsii; an OSError of a callback (Python code
                # that Node.js called) is the program's own and goes on as it is.
                dead = isinstance(error, (json.JSONDecodeError, BrokenPipeError)) or self._process.poll() is not None
                if not dead or isinstance(error, NodeFailed):
                    raise
                raise NodeFailed(self._process, error) from None

    process._NodeProcess.start = start  # type: ignore[method-assign]
    process._NodeProcess.send = send  # type: ignore[method-assign]
    global _DIRECT
    _DIRECT = True


class NodeFailed(OSError):
    """jsii's Node.js ended, or answered something that is not jsii's protocol."""

    def __init__(self, process: subprocess.Popen[bytes], error: BaseException) -> None:
        try:  # a killed Node.js's pipe may close before its exit is seen
            code: int | None = process.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            code = None
        state = f"exited with {code}" if code is not None else f"answered garbage ({type(error).__name__})"
        cache = os.environ.get("CDK8S_WEBSERVICE_CACHE") or "the cache"
        super().__init__(
            f"jsii's Node.js {state}: check JSII_NODE and NODE_OPTIONS (its own output is above); "
            f"if it persists, delete {Path(cache) / 'jsii-host'}"
        )


_LOAD_CALL = re.compile(r'JSIIAssembly\.load\(\s*"([^"]+)",\s*"([^"]+)",\s*__name__[^,]*,\s*"([^"]+)"')


def assemblies(package: str) -> list[tuple[str, str, str]]:
    """(name, version, tarball) of each jsii assembly under the installed `package`,
    read from its generated `_jsii/__init__.py` without importing it (importing runs
    the bindings' class definitions)."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    found = []
    for location in (spec.submodule_search_locations or []) if spec is not None else []:
        for init in sorted(Path(location).glob("**/_jsii/__init__.py")):
            match = _LOAD_CALL.search(init.read_text(encoding="utf-8"))
            if match is not None:
                name, version, tarball = match.groups()
                found.append((name, version, str(init.parent / tarball)))
    return found


class _DeferredLoads:
    """The program's imports of bindings whose assembly Node.js loads on its own
    (`start_node`): they do not wait for it, and go on defining their Python classes
    while Node.js loads. Before the program's first other call to the kernel, each
    load is sent for real: the kernel answers at once from what it loaded, or with
    jsii's own error where its load failed."""

    def __init__(self, kernel: Any, injected: list[tuple[str, str, str]]) -> None:
        self.kernel = kernel
        self.load = kernel.load  # jsii's own
        self.injected = {(name, version) for name, version, _ in injected}
        self.deferred: list[tuple[str, str, str]] = []

    def load_later(self, name: str, version: str, tarball: str) -> None:
        if (name, version) in self.injected:
            self.deferred.append((name, version, tarball))
            return
        self.load(name, version, tarball)

    def finish(self) -> None:
        del self.kernel.load  # jsii's own again (the class's method)
        for name, version, tarball in self.deferred:
            self.load(name, version, tarball)


_DEFERRED: list[_DeferredLoads] = []  # at most one, until the program's first call


def _send_deferred_loads() -> None:
    if _DEFERRED:
        _DEFERRED.pop().finish()


def defer_loads() -> bool:
    """Let the program's imports of the bindings `start_node` gave to Node.js go on
    without waiting for their assemblies (`_DeferredLoads`). Only with the one-process
    host, and only for the Node.js process started early with them."""
    if not _DIRECT or not _EARLY or not _INJECTED or _DEFERRED:
        return False
    from jsii._runtime import kernel

    state = _DeferredLoads(kernel, _INJECTED)
    kernel.load = state.load_later  # type: ignore[method-assign]  # this kernel object only
    _DEFERRED.append(state)
    return True


def run_exit_hooks() -> None:
    """The exit hooks now (jsii stops Node.js there), e.g. before `os.execv`."""
    from .runtime import flush_output

    flush_output()
    atexit._run_exitfuncs()


def release_node() -> None:
    """Tell each kernel's Node.js to exit and close its pipe, without waiting for it."""
    for node in _NODE_PROCESSES:
        atexit.unregister(node.stop)
        with contextlib.suppress(OSError, ValueError):
            node._process.stdin.write(b'{"exit":0}\n')
            node._process.stdin.close()


def fast_exit(code: int) -> NoReturn:
    """Node.js let go, the other exit hooks, flush, then `os._exit` (see the module's docstring)."""
    from .runtime import flush_output

    flush_output()
    release_node()
    atexit._run_exitfuncs()
    flush_output()
    os._exit(code)
