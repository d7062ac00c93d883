"""Programs the tool runs (argocd, k6): bounded in time, and never outliving the command.

`run_bounded` starts the program in a process group of its own, waits at most
`timeout` seconds, and on a timeout, a Ctrl-C, SIGTERM or any error kills the whole
group (the program and whatever it started) and waits for it: no command returns
while a process it started still runs.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence

from .errors import ConfigError


def run_bounded(command: Sequence[str], timeout: float, field: str, env: Mapping[str, str] | None = None) -> int:
    """Run `command` (its output goes to this process's stdout and stderr) and return
    its exit status. Past `timeout` seconds it is killed and `subprocess.TimeoutExpired`
    raised; one that cannot be started is a `ConfigError` naming `field`. `env`: its
    environment (default: this process's)."""
    try:
        process = subprocess.Popen(list(command), start_new_session=True, env=env)
    except OSError as error:
        raise ConfigError(field, command[0], f"a program that can be run ({error.strerror or error})") from None
    try:
        return process.wait(timeout=timeout)
    except BaseException:  # the timeout (`subprocess.TimeoutExpired`, raised on), Ctrl-C, ...
        _kill(process)
        raise


def _kill(process: subprocess.Popen[bytes]) -> None:
    """The program's whole process group, killed and waited for."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        process.kill()
    process.wait()


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


def run_step(command: Sequence[str], field: str, *, running: str, what: str, timeout: int, grace: int) -> int:
    """A deploy step (argocd's sync, Helm's upgrade): announced, run for the tool's own
    `timeout` and at most `grace` (or as long again, for a short one) more, stopped past
    that; 0, or 1 with one line saying what failed."""
    print(f"running: {running}", flush=True)
    sys.stderr.flush()
    limit = timeout + min(timeout, grace)
    try:
        code = run_bounded(command, limit, field)
    except subprocess.TimeoutExpired:
        print(f"error: {what} still running after {limit} s: stopped", file=sys.stderr)
        return 1
    if code != 0:
        print(f"error: {what} failed (exit {code})", file=sys.stderr)
        return 1
    return 0
