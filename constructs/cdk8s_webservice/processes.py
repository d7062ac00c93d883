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
from collections.abc import Sequence

from .errors import ConfigError


def run_bounded(command: Sequence[str], timeout: float, field: str) -> int:
    """Run `command` (its output goes to this process's stdout and stderr) and return
    its exit status. Past `timeout` seconds it is killed and `subprocess.TimeoutExpired`
    raised; one that cannot be started is a `ConfigError` naming `field`."""
    try:
        process = subprocess.Popen(list(command), start_new_session=True)
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
