"""Many services' projects synthesized with bounded memory: `synthesize_fleet`.

jsii keeps every object a synth creates alive in Node.js, and the Python side keeps
a proxy for each: a process that synthesizes project after project grows by about
2.6 MiB for each (the blacklist project, measured), without end. A platform that
synthesizes every service of a monorepo, or a benchmark that synthesizes a hundred,
would outgrow any budget.

`synthesize_fleet` runs the projects in one worker process (a standard
`ProcessPoolExecutor` of one, spawned), which is replaced after `per_worker`
projects: the old worker, and with it its Node.js, has exited before the next
starts, so the process tree never holds more than one worker of at most
`per_worker` projects, plus this process (which never loads jsii). Each project is built in the worker from its `module:ATTR` spec, as
`--project` names one, so nothing of one worker's construct tree reaches another.

The results are the same as `ServiceProject.synthesize` in one process (folder ->
file -> YAML text), in the order of the members; a `ConfigError` or `GateFailed`
in a worker is raised here, as it would be in-process; any other exception too, or,
where it cannot cross the process boundary (not picklable), a `MemberFailed` with its
type, message and traceback. Ctrl-C (or any exception that stops the caller's
iteration) kills the worker, whatever member it is busy with, before it propagates.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import signal
import traceback
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.processes import children_ignore_sigint, worker_process

#: Projects a worker synthesizes before it is replaced. A worker starts at ~165 MiB
#: (Python with the gate, Node.js with the construct libraries) and grows ~2.6 MiB a
#: project (blacklist's size): twelve keep the tree, with this process, near 230 MiB.
PER_WORKER = 12

Rendered = dict[str, dict[str, str]]


@public
@dataclass(frozen=True)
class FleetMember:
    """One project of the fleet, built in a worker process."""

    spec: str
    """`module:ATTR` as `--project` takes it, imported from the fleet's root: a
    `ServiceProject`, or a function that returns one."""
    args: tuple[Any, ...] = field(default=())
    """Arguments for ATTR when it is a function (sent to the worker: picklable)."""


NODE_FLAGS = "--max-semi-space-size=1"  # V8's young generation: a worker's Node.js at ~100 MiB, not ~128


def _start_worker(root: str) -> None:
    # A long-lived process: cyclic GC stays on, the gate runs in this process (a gate
    # worker of its own would double the Python side),
    import os

    from cdk8s_webservice import runtime

    worker_process()
    if "--max-semi-space-size" not in os.environ.get("NODE_OPTIONS", ""):
        os.environ["NODE_OPTIONS"] = f"{os.environ.get('NODE_OPTIONS', '')} {NODE_FLAGS}".strip()

    runtime.start(Path(root))


def _synthesize(spec: str, args: tuple[Any, ...], root: str) -> Rendered:
    from cdk8s_webservice.gate.worker import prewarm

    from .discovery import load_project

    try:
        project = load_project(spec, Path(root), args)
        prewarm(project.gate)  # built once per worker and settings, then reused
        rendered = project.synthesize()
    except SystemExit as stop:  # would end the caller with the member's code, even 0
        raise ConfigError(
            "fleet member", spec, f"a project that builds without exiting (it exited {stop.code!r})"
        ) from None
    except Exception as error:
        if not _travels(error):  # it would reach the caller as a broken pool, its message lost
            raise MemberFailed(spec, error) from None
        raise
    del project
    gc.collect()  # the proxies of this project's constructs, before the next is built
    return rendered


def _travels(error: BaseException) -> bool:
    """Whether `error` crosses the process boundary (pickled and unpickled) as it is."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return False
    return True


class MemberFailed(Exception):
    """A member's exception that cannot be sent from its worker (unpicklable), as its
    type's name, its message and its traceback's text."""

    def __init__(self, spec: str, error: BaseException | str, details: str = "") -> None:
        if isinstance(error, BaseException):
            details = "".join(traceback.format_exception(error))
            error = f"{type(error).__qualname__}: {error}"
        self.spec = spec
        self.error = error
        self.details = details
        """The member's traceback, as text."""
        super().__init__(f"fleet member {spec!r} failed: {error}")

    def __reduce__(self) -> tuple[type[MemberFailed], tuple[str, str, str]]:
        return (MemberFailed, (self.spec, self.error, self.details))


def synthesize_fleet(
    members: Sequence[FleetMember], root: Path | str, *, per_worker: int = PER_WORKER
) -> Iterator[tuple[FleetMember, Rendered]]:
    """Each member's rendered folders, in order, from recycled worker processes."""
    if isinstance(per_worker, bool) or not isinstance(per_worker, int) or per_worker < 1:
        raise ConfigError("per_worker", per_worker, "a whole number of projects, at least 1")
    members = list(members)
    for member in members:
        if not isinstance(member, FleetMember):
            raise ConfigError("members", member, "FleetMember values")
    if not members:
        return
    if not Path(root).is_dir():
        raise ConfigError("root", str(root), "an existing folder (the members' specs are imported from it)")
    where = str(Path(root).resolve())
    for first in range(0, len(members), per_worker):
        # One executor (one worker) per batch: leaving the `with` joins the worker and
        # its Node.js before the next starts. (`max_tasks_per_child` would do the same
        # but can hang on Python 3.11 when it replaces a worker with work pending.)
        batch = members[first : first + per_worker]
        pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(where,),
        )
        with pool:
            with children_ignore_sigint():  # the worker starts deaf to Ctrl-C: ours to handle
                worker = pool.submit(os.getpid)
                futures: list[Future[Rendered] | None] = [
                    pool.submit(_synthesize, m.spec, m.args, where) for m in batch
                ]
            try:
                for index, member in enumerate(batch):
                    future, futures[index] = futures[index], None  # its result is the caller's alone
                    assert future is not None
                    try:
                        rendered = future.result()
                    except BrokenProcessPool:
                        raise ConfigError(
                            "fleet member",
                            member.spec,
                            "a project whose worker process keeps running (it ended: os._exit, a crash, or killed)",
                        ) from None
                    yield member, rendered
            except BaseException:
                # Ctrl-C, SIGTERM, or the caller stopped reading: the worker may be busy
                # with a member that never ends, and leaving the `with` would wait for it.
                _kill_worker(worker)
                raise
            finally:
                for pending in futures:
                    if pending is not None:
                        pending.cancel()


def _kill_worker(worker: Future[int]) -> None:
    """End the batch's worker process (its Node.js ends with it: its input closes)."""
    with contextlib.suppress(Exception):
        os.kill(worker.result(timeout=5), signal.SIGKILL)
