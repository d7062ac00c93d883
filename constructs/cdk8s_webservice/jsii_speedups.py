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

3. A fast exit (`fast_exit`): once the output is written, Node.js is told to exit
and not waited for (it ends on its own, ~30 ms later), nor is the gate's worker
process (killed: it holds nothing), then the remaining exit hooks run and
`os._exit` skips the interpreter's teardown of every module (~0.3 s).

All three are installed together (`install`) and only on the jsii versions checked.
"""

from __future__ import annotations

import atexit
import contextlib
import enum
import os
import platform
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any, NoReturn

#: jsii versions whose `_make_reference_for_native` and `_NodeProcess.start` this
#: mirrors, and whose kernel program reads its API channel on fd 3 (checked line by line).
SUPPORTED_JSII = ("1.142.",)
HOST = Path(__file__).with_name("jsii_host.js")
_NODE_PROCESSES: list[Any] = []  # the kernels this process started (one, in practice)


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
    if "JSII_RUNTIME" not in os.environ:  # a runtime of the user's own choosing wins
        _install_direct_host()
    setattr(_kernel, "_webservice_fast_path", True)  # noqa: B010 - marks the module as patched
    return None


def kernel_program(cache: Path) -> Path:
    """jsii's kernel program (`lib/program.js` and the files beside it, from jsii's
    embedded runtime), unpacked once under `cache`; a temporary folder when `cache`
    cannot be written."""
    import importlib.resources

    import jsii
    from jsii._embedded import jsii as embedded

    folder = cache / f"jsii-{jsii.__version__}"
    program = folder / "lib" / "program.js"
    if program.is_file():
        return program
    files = {name: path for name, path in embedded.EMBEDDED_FILES.items() if path.startswith("lib/")}
    try:
        cache.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".jsii-", dir=cache))
    except OSError:
        staging = Path(tempfile.mkdtemp(prefix="cdk8s-webservice-jsii-"))
        folder = staging
    for name, path in files.items():
        target = staging / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(importlib.resources.files(embedded).joinpath(name).read_bytes())
    if staging != folder:
        try:
            os.rename(staging, folder)  # whole or not at all; another process may have won
        except OSError:
            import shutil

            shutil.rmtree(staging, ignore_errors=True)
    return folder / "lib" / "program.js"


def _install_direct_host() -> None:
    """`_NodeProcess.start` as jsii 1.142 writes it, with `jsii_host.js` as the runtime."""
    from jsii._kernel.providers import process

    def start(self: Any) -> None:
        cache = Path(os.environ.get("JSII_RUNTIME_PACKAGE_CACHE_ROOT", Path(tempfile.gettempdir()) / "jsii"))
        environ = os.environ.copy()
        environ["JSII_AGENT"] = f"Python/{platform.python_version()}"
        environ["CDK8S_WEBSERVICE_JSII_PROGRAM"] = str(kernel_program(cache.parent / "jsii-host"))
        self._process = subprocess.Popen(
            [environ.get("JSII_NODE", "node"), "--max-old-space-size=4069", str(HOST)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environ,
        )
        self.sink_thread = threading.Thread(
            name="process.stderr_sink", target=process.stderr_sink, args=(self._process.stderr,), daemon=True
        )
        self.sink_thread.start()
        atexit.register(self.stop)
        _NODE_PROCESSES.append(self)
        self.handshake()

    process._NodeProcess.start = start  # type: ignore[method-assign]


def run_exit_hooks() -> None:
    """The exit hooks now (jsii stops Node.js there), e.g. before `os.execv`."""
    sys.stdout.flush()
    sys.stderr.flush()
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
    sys.stdout.flush()
    sys.stderr.flush()
    release_node()
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
