"""jsii's generated Python bindings, compiled with postponed annotations (PEP 563).

Importing cdk8s-plus-27's bindings costs an app ~95 ms, most of it evaluating
type annotations: every struct field and every type-checking stub spells out
`typing.Optional[typing.Union[...]]`, built when the module runs, and read only by
type checkers and by jsii's run-time type checks (off under `python -O`). Compiled
as if each module began with `from __future__ import annotations`, the annotations
stay strings until something asks (`typing.get_type_hints` resolves them in the
module's globals, as jsii's checks do), and the import takes ~45 ms.

The installed files are not touched: a finder, first on `sys.meta_path`, hands
the modules of the named packages to a loader that compiles them with the flag and
keeps the code in the project's cache (`<cache>/pyc/`), keyed by the source's
path, size and modification time and by the interpreter (`python -O` or not);
entries no run has used for two weeks are removed at the next compilation. Without a
writable cache it steps aside (compiling a binding takes ~0.5 s; the installed `.pyc`
is faster). Each entry carries the SHA-256 of its code, checked before it is used: a
damaged entry is compiled again and rewritten. Installed by apps, the watch and the fleet's workers
(`runtime.start(app=True)`, `runtime.fast_jsii`); `uninstall` removes it.
"""

from __future__ import annotations
import __future__

import contextlib
import hashlib
import importlib.machinery
import marshal
import os
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import CodeType, ModuleType

from .cache_files import read_checked, remove_older_than, write_checked

#: Bumped when the way code is compiled or stored changes.
FORMAT = "2"
_FLAGS = __future__.annotations.compiler_flag


class _Loader(importlib.machinery.SourceFileLoader):
    def __init__(self, fullname: str, path: str, cache: Path) -> None:
        super().__init__(fullname, path)
        self.cache = cache

    def get_code(self, fullname: str) -> CodeType:
        source = Path(self.path)
        info = source.stat()
        # One entry per module, installed copy and interpreter (-O or not: both are
        # kept); the version of the source is the rest of the key.
        where = hashlib.sha256(
            "\0".join((FORMAT, str(source), sys.implementation.cache_tag or "", str(sys.flags.optimize))).encode()
        ).hexdigest()[:12]
        version = hashlib.sha256(f"{info.st_size}\0{info.st_mtime_ns}".encode()).hexdigest()[:20]
        stored = self.cache / f"{fullname}.{where}.{version}.pyc"
        cached = _read_entry(stored)
        if cached is not None:
            _mark_used(stored)
            return cached
        code: CodeType = compile(self.get_data(self.path), self.path, "exec", flags=_FLAGS, dont_inherit=True)
        if write_checked(stored, marshal.dumps(code)):
            # Earlier compilations of this module (an upgraded package) are dead weight.
            # (this module's only: not its submodules', nor another interpreter's)
            for old in self.cache.glob(f"{fullname}.{where}.*.pyc"):
                if old != stored:
                    with contextlib.suppress(OSError):
                        old.unlink()
            # And entries no run has used for a while (another copy of the package, a
            # virtualenv since removed): the cache stays the size of what is in use.
            remove_older_than(self.cache, UNUSED_SECONDS)
        return code


def _read_entry(stored: Path) -> CodeType | None:
    """The code kept in `stored`, or None: missing, or not exactly what was written (a
    damaged entry is compiled again and rewritten, never given to `marshal`, which can
    crash or build broken code from damaged data)."""
    data = read_checked(stored)
    if data is None:
        return None
    try:
        cached = marshal.loads(data)
    except Exception:  # intact, but not this interpreter's marshal format
        return None
    return cached if isinstance(cached, CodeType) else None


#: An entry not used for this long is removed (at the next compilation); a used one is
#: marked at most once a day.
UNUSED_SECONDS = 14 * 86400
_MARK_SECONDS = 86400


def _mark_used(entry: Path) -> None:
    with contextlib.suppress(OSError):
        if time.time() - entry.stat().st_mtime > _MARK_SECONDS:
            os.utime(entry)


class _Finder:
    """Finds the modules of `packages` as the standard finder does, and gives them `_Loader`."""

    def __init__(self, packages: Iterable[str], cache: Path) -> None:
        self.packages = frozenset(packages)
        self.cache = cache

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname.partition(".")[0] not in self.packages:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
            return spec
        spec.loader = _Loader(fullname, spec.origin, self.cache)
        return spec


def install(packages: Iterable[str], cache: Path) -> str | None:
    """Compile the modules of `packages` (top-level names) not yet imported this way
    from now on. None when in place, else why not (nothing changed)."""
    if any(isinstance(finder, _Finder) for finder in sys.meta_path):
        return None
    try:
        cache.mkdir(parents=True, exist_ok=True)
        if not os.access(cache, os.W_OK | os.X_OK):
            return f"{cache} is not writable"
    except OSError as error:
        return f"{cache}: {error.strerror or error}"
    sys.meta_path.insert(0, _Finder(packages, cache))
    return None


def uninstall() -> None:
    sys.meta_path[:] = [finder for finder in sys.meta_path if not isinstance(finder, _Finder)]
