"""The gate ahead of time, and in a process of its own.

Loading Kubernetes' schema definitions and compiling the policies takes a few
hundred milliseconds of work that needs no construct: an app calls `prewarm`
first, so it runs while jsii starts Node.js. With `process=True` (apps, through
`runtime.start`) the gate runs in a worker process, so its pure-Python work
(jsonschema) runs on another core instead of competing with jsii for the
interpreter lock; each environment is checked as soon as it is built.

The worker is a standard `ProcessPoolExecutor` of one process (forked where the app
has one thread, before Node.js starts, so it holds no copy of Node's pipes; spawned
otherwise), whose initializer builds and warms the `Gate` from the whole pickled
`GateSettings`; checks go through `submit`, results and
exceptions come back pickled. It is shut down at exit.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import os
import signal
import threading
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any, Protocol

from . import Gate, GateSettings
from .violations import Violation


class Checker(Protocol):
    """What `warmed_gate` returns: a `Gate`, or a `GateProcess` that runs one."""

    def check(self, environment: str, objects: Iterable[Mapping[str, Any]]) -> list[Violation]: ...


_WORKER_GATE: list[Gate] = []  # in the worker process: its one gate


def _start_worker(settings: GateSettings) -> None:
    from cdk8s_webservice.core.processes import worker_process

    worker_process()
    # Lower priority: on a busy machine the app's own start (Python and Node.js)
    # comes first; the worker uses what they leave idle.
    os.nice(19)
    _WORKER_GATE.append(Gate(settings).warm())


def _check_in_worker(environment: str, objects: list[Mapping[str, Any]]) -> list[Violation]:
    return _WORKER_GATE[0].check(environment, objects)


def _ready() -> int:
    return os.getpid()


class GateProcess:
    """A `Gate` whose checks run in a worker process (same results, same interface)."""

    def __init__(self, settings: GateSettings) -> None:
        from cdk8s_webservice.core.processes import children_ignore_sigint

        self.settings = settings
        # Forked where this process has no other thread yet (an app at its start: it has
        # imported little; no semaphore tracker process, ~12 MiB, is needed), else spawned.
        # Either way it starts with SIGINT ignored: Ctrl-C is the parent's to handle.
        method = (
            "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() else "spawn"
        )
        with children_ignore_sigint():
            self._pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context(method),
                initializer=_start_worker,
                initargs=(settings,),
            )
            self._pid = self._pool.submit(_ready)  # start the process (and its warm-up) now
        atexit.register(self.close)

    def check(self, environment: str, objects: Iterable[Mapping[str, Any]]) -> list[Violation]:
        return self._pool.submit(_check_in_worker, environment, list(objects)).result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def abandon(self) -> None:
        """End the worker now, without waiting (an app whose output is written
        exits at once): it holds nothing, so it is killed; one still starting is
        shut down the usual way."""
        if not self._pid.done() or self._pid.exception() is not None:
            return
        atexit.unregister(self.close)
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid.result(), signal.SIGKILL)


def abandon_workers() -> None:
    """`GateProcess.abandon` for every worker this process started."""
    for gate in _PROCESSES.values():
        gate.abandon()


_WARMING: dict[GateSettings, Future[Gate]] = {}
_PROCESSES: dict[GateSettings, GateProcess] = {}


def prewarm(settings: GateSettings | None = None, *, process: bool = False) -> None:
    """Start warming a gate for `settings` now: in a worker process (`process=True`)
    or in a background thread of this one."""
    settings = settings or GateSettings()
    if process:
        if settings not in _PROCESSES:
            _PROCESSES[settings] = GateProcess(settings)
        return
    if settings not in _WARMING:
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gate-warm")
        _WARMING[settings] = executor.submit(lambda: Gate(settings).warm())
        executor.shutdown(wait=False)


def warmed_gate(settings: GateSettings | None = None) -> Checker:
    """The gate `prewarm` started for `settings`, or a new one in this process."""
    settings = settings or GateSettings()
    if settings in _PROCESSES:
        return _PROCESSES[settings]
    future = _WARMING.get(settings)
    return future.result() if future is not None else Gate(settings)
