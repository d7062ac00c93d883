"""The warm path's server: `cdk8s-webservice watch` answers `synth`, `diff`, `validate`
and `render` over the project's socket (the protocol: `warm_client`).

- **One synth at a time.** The watch's own re-synthesis on a save and every request
  hold one lock: a request that arrives while the watch rebuilds waits for it.
- **Never stale.** Each request first takes a fingerprint of every source the watch
  watches (each file's path, size, modification and change time and inode, over the
  same folders: the project's modules, the releases file's folder, the gate's own
  CRD files and policies, the library's modules when it is a checkout). Unchanged
  since the last load: the project loaded then, and the folders it synthesized then
  (per environments and strategy asked for, and the releases file's bytes), answer
  it. Changed: the project is loaded afresh first, as the watch loads it on a save.
  A changed library file (which the watch re-executes itself for) is declined: the
  command runs cold.
- **The cold path's answer.** The command runs through the same `cli.main` with the
  request's arguments, working directory (the server changes into it for the
  request) and the loaded project; its output is sent to the client as it is
  written. Files are written the same way (`synth`: the atomic writer). A request
  whose project, library, `python -O` or environment (`warm_protocol.environment`)
  differs from the watch's, or that fails in a way the cold path reports with a
  traceback, is declined before anything was sent: the client runs cold.
- **The socket**: made in a folder of this user's (mode 0700), bound under a
  temporary name, set to mode 0600 and renamed into place; removed when the watch
  ends. A socket left by a killed watch (nobody answers on it) is replaced; a live
  one (another watch of the same project) or one that is not this user's is left
  alone, and this watch serves no requests (one line says why).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import functools
import json
import os
import socket
import stat
import sys
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from cdk8s_webservice.core.error_lines import error_line
from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.synthesis.discovery import project_code, project_spec

from . import warm_protocol
from .warm_output import CURRENT, Answer, RoutedStream

if TYPE_CHECKING:
    from cdk8s_webservice.synthesis.project import ServiceProject


class Watcher(Protocol):
    """What the server asks of the watch's `Watcher` (watch.py, which starts the server)."""

    def load(self) -> ServiceProject: ...
    def folders(self) -> set[Path]: ...
    def is_source(self, path: Path) -> bool: ...
    def is_library(self, path: Path) -> bool: ...
    def synth(self, changed: Iterable[Path] = ()) -> None: ...


REQUEST_LIMIT = 1 << 20
REQUEST_TIMEOUT = 10.0

Stat = tuple[int, int, int, int]
Fingerprint = dict[str, Stat]


@dataclasses.dataclass(frozen=True)
class Commands:
    """The command line the watch answers with (`command_line.parser` and `.main`),
    handed in by `watch`, so this module never imports the command line back."""

    parser: Callable[[], argparse.ArgumentParser]
    main: Callable[..., int]


class Declined(Exception):
    """The request is not answered here; the message is the reason sent to the client."""


@functools.cache
def _served_class() -> type[ServiceProject]:
    """`ServiceProject` keeping what it synthesized (defined on first use: this module is
    imported before `runtime.start`, so it must not import cdk8s)."""
    from cdk8s_webservice.synthesis.project import ServiceProject

    class Served(ServiceProject):
        """A loaded project whose synthesized folders are kept, per environments, strategy
        and releases file bytes, for as long as it is the server's current project (its
        sources unchanged)."""

        def _synthesize(
            self,
            names: Iterable[str] | None = None,
            strategy: Any = None,
            releases: Any = None,
            *,
            before_gate: Any = None,
        ) -> dict[str, dict[str, str]]:
            chosen = None if names is None else tuple(names)
            memo: dict[tuple[object, ...], dict[str, dict[str, str]]] = self.__dict__.setdefault("_warm_memo", {})
            key = (chosen, strategy, releases_bytes(self))
            rendered = memo.get(key)
            if rendered is None:
                rendered = super()._synthesize(chosen, strategy, releases, before_gate=before_gate)
                memo[key] = rendered
            elif before_gate is not None:
                before_gate(rendered)
            return rendered

    return Served


def remember(project: ServiceProject, rendered: dict[str, dict[str, str]]) -> None:
    """Every environment's folders of `project` (from `served`), synthesized by the watch itself."""
    if isinstance(project, _served_class()):
        project.__dict__.setdefault("_warm_memo", {})[(None, None, releases_bytes(project))] = rendered


def releases_bytes(project: ServiceProject) -> bytes | None:
    if project.releases_file is None:
        return None
    try:
        return Path(project.releases_file).read_bytes()
    except OSError:
        return None


def served(project: ServiceProject) -> ServiceProject:
    """`project` as one whose synthesized folders are kept (a subclass of ServiceProject
    as it is: the project's own behaviour, without keeping)."""
    from cdk8s_webservice.synthesis.project import ServiceProject

    if type(project) is not ServiceProject:
        return project
    return _served_class()(**{f.name: getattr(project, f.name) for f in dataclasses.fields(project) if f.init})


class WarmServer:
    """The socket, its thread, and what requests are answered from."""

    def __init__(self, root: Path, spec: str, environment: Mapping[str, str], commands: Commands) -> None:
        self.commands = commands
        self.root = root
        self.spec = spec
        self.environment = dict(environment)
        self.lock = threading.RLock()
        self.watcher: Watcher | None = None
        self.project: ServiceProject | None = None
        self.fingerprint: Fingerprint | None = None
        self._pending: Fingerprint | None = None
        self._listener: socket.socket | None = None
        self._inode: int | None = None
        self._streams: tuple[TextIO, TextIO] | None = None
        self.path = root / warm_protocol.FOLDER / warm_protocol.SOCKET
        self.stamp = warm_protocol.stamp()  # the library as this process loaded it

    # The socket -----------------------------------------------------------------

    def start(self, watcher: Watcher) -> None:
        """Listen (one line on stderr and no serving when the socket cannot be made)."""
        self.watcher = watcher
        try:
            listener = self._listen()
        except (OSError, Declined) as error:
            print(f"warning: watch socket: {str(self.path)!r}: not serving commands ({error})", file=sys.stderr)
            return
        self._listener = listener
        self._streams = (sys.stdout, sys.stderr)
        sys.stdout = RoutedStream(sys.stdout, "out")
        sys.stderr = RoutedStream(sys.stderr, "err")
        threading.Thread(target=self._accept, args=(listener,), name="warm-server", daemon=True).start()

    def _listen(self) -> socket.socket:
        folder = self.path.parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        found = os.lstat(folder)
        if not stat.S_ISDIR(found.st_mode) or found.st_uid != os.getuid() or stat.S_IMODE(found.st_mode) & 0o077:
            raise Declined(
                f"its folder must be this user's, mode 0700 (it is uid {found.st_uid}, "
                f"mode {stat.S_IMODE(found.st_mode):04o})"
            )
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# the running watch's socket (cdk8s-webservice watch)\n*\n")
        if os.path.lexists(self.path):
            problem = warm_protocol.refusal(str(self.path))
            if problem is not None:
                raise Declined("a file that is not this user's socket is in its place")
            try:
                warm_protocol.connect(str(self.path)).close()
            except OSError:
                os.unlink(self.path)  # a killed watch's: nobody answers on it
            else:
                raise Declined("another watch of this project serves them")
        temporary = folder / f"{warm_protocol.SOCKET}.{os.getpid()}"
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
            try:
                short = len(os.fsencode(str(temporary))) < 100
                listener.bind(str(temporary) if short else f"/proc/self/fd/{descriptor}/{temporary.name}")
            finally:
                os.close(descriptor)
            os.chmod(temporary, 0o600)
            listener.listen(16)
            os.rename(temporary, self.path)
            self._inode = os.lstat(self.path).st_ino
        except BaseException:
            listener.close()
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        return listener

    def close(self) -> None:
        """Stop listening and remove the socket (if it is still this process's)."""
        listener, self._listener = self._listener, None
        if listener is None:
            return
        with contextlib.suppress(OSError):
            listener.shutdown(socket.SHUT_RDWR)  # wakes the thread's accept(), which a close alone does not end
        listener.close()
        with contextlib.suppress(OSError):
            if os.lstat(self.path).st_ino == self._inode:
                os.unlink(self.path)
        if self._streams is not None:
            sys.stdout, sys.stderr = self._streams

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return  # closed
            with connection:
                try:
                    self.serve(connection)
                except Exception as error:  # a bug here must not end the watch
                    with contextlib.suppress(OSError):
                        connection.sendall(json.dumps({"decline": f"server error: {error!r}"}).encode() + b"\n")

    # The watch's own synthesis -------------------------------------------------------

    def synth(self, watcher: Watcher, changed: Iterable[Path] = ()) -> None:
        """`watcher.synth` under the lock, its result kept for the requests that follow."""
        if self._listener is None:
            watcher.synth(changed)
            return
        with self.lock:
            before = self.take_fingerprint()
            self._pending = before
            self.project = None
            watcher.synth(changed)
            after = self.take_fingerprint()
            # Folders found by this load (the releases file's, the gate's) join the
            # fingerprint; a file changed during the run means the next request loads again.
            if self.project is not None and any(after.get(path) != value for path, value in before.items()):
                self.project = None
            self.fingerprint = after
            self._pending = None

    def synthesized(self, project: ServiceProject, rendered: dict[str, dict[str, str]]) -> None:
        """The watcher's hook: the project it loaded and every folder it synthesized."""
        if self._pending is None:
            return
        kept = served(project)
        remember(kept, rendered)
        self.project = kept

    def take_fingerprint(self) -> Fingerprint:
        """Every watched source file's (size, mtime, ctime, inode), by path."""
        assert self.watcher is not None
        found: Fingerprint = {}
        for folder in self.watcher.folders():
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                if not self.watcher.is_source(Path(entry.path)):
                    continue
                try:
                    info = entry.stat()
                except OSError:
                    continue
                if stat.S_ISREG(info.st_mode):
                    found[entry.path] = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
        return found

    # A request ---------------------------------------------------------------------

    def serve(self, connection: socket.socket) -> None:
        connection.settimeout(REQUEST_TIMEOUT)
        line = connection.makefile("rb").readline(REQUEST_LIMIT)
        request = json.loads(line)
        answer = Answer(connection)
        try:
            self._check(request)
            with self.lock:  # a synth in progress (the watch's, or another request's) first
                code = self._answer(request, answer)
        except Declined as declined:
            answer.send({"decline": str(declined)})
            return
        answer.flush()
        answer.send({"exit": code})

    def _check(self, request: object) -> None:
        if not isinstance(request, dict) or request.get("protocol") != warm_protocol.PROTOCOL:
            raise Declined(f"protocol {warm_protocol.PROTOCOL} expected")
        if request.get("library") != os.path.dirname(os.path.abspath(warm_protocol.__file__)):
            raise Declined("another copy of the library")
        if request.get("stamp") != self.stamp:
            raise Declined("the library was installed again since the watch started")
        if request.get("optimize") != sys.flags.optimize:
            raise Declined("python -O differs")
        if request.get("env") != self.environment:
            raise Declined("the environment differs (CDK8S_*, JSII_*, NODE_*, PYTHONPATH, ...)")
        if not isinstance(request.get("argv"), list) or not isinstance(request.get("cwd"), str):
            raise Declined("argv and cwd expected")

    def _answer(self, request: dict[str, Any], answer: Answer) -> int:
        argv = [str(arg) for arg in request["argv"]]
        previous = os.getcwd()
        try:
            os.chdir(request["cwd"])
        except OSError as error:
            raise Declined(f"working directory: {error}") from None
        try:
            CURRENT.answer = Answer(None)  # argparse's own messages: the cold path prints them
            try:
                args = self.commands.parser().parse_args(argv)
                spec, root = project_spec(args.project)
            except (SystemExit, ConfigError):
                raise Declined("arguments or project the cold path reports") from None
            if args.command not in warm_protocol.SERVED or getattr(args, "no_warm", False):
                raise Declined(f"{args.command} is run cold")
            if spec != self.spec or root.resolve() != self.root.resolve():
                raise Declined(f"another project ({spec} in {root})")
            CURRENT.answer = answer
            try:
                return self._run(argv, args.command)
            except Declined:
                raise
            except BaseException as error:
                if not answer.sent:
                    raise Declined(f"the cold path reports it ({type(error).__name__})") from None
                print(f"error: watch: {type(error).__name__}: {error}", file=sys.stderr)
                return 1
        finally:
            CURRENT.answer = None
            os.chdir(previous)

    def _run(self, argv: list[str], command: str) -> int:
        try:
            project = self.current(command)
        except Declined:
            raise
        except Exception as error:  # as cli.main reports a project that does not load
            message = error_line(error)
            if message is None:
                raise
            print(message, file=sys.stderr)
            return 2
        code: int = self.commands.main(argv, project=project, root=self.root)
        return code

    def current(self, command: str) -> ServiceProject:
        """The project as its sources are now: the one loaded last while they are as they
        were then, else loaded afresh (as the watch loads it on a save)."""
        assert self.watcher is not None
        watcher = self.watcher
        now = self.take_fingerprint()
        if self.fingerprint is not None:
            changed = [
                path for path in now.keys() | self.fingerprint.keys() if now.get(path) != self.fingerprint.get(path)
            ]
            if any(watcher.is_library(Path(path)) for path in changed):
                raise Declined("the library changed: the watch restarts itself")
            if not changed and self.project is not None:
                return self.project
        self.project = None
        loaded = project_code(watcher.load, self.spec, command)
        after = self.take_fingerprint()
        self.fingerprint = after
        kept = served(loaded)
        if all(after.get(path) == value for path, value in now.items()):
            self.project = kept  # else the next request loads again
        return kept
