"""The environment in an error raised while a profile's values are built.

`EnvironmentProfile(name="staging", resources=Resources(cpu_request="2", cpu_limit="1", ...))`:
`Resources` refuses its values before the profile exists, so its `ConfigError` cannot
know the environment (`resources.cpu_request: ...`). `ServiceProject` builds the
environments through `with_environment`, which finds, in the source of the caller's
frames, the `EnvironmentProfile(...)` call the failing expression sits in, and names
its `name=` (a string literal) in the field: `staging.resources.cpu_request: ...`.
Anything else (a computed name, no source, no such call) leaves the error as it was.
"""

from __future__ import annotations

import ast
import functools
import traceback
from pathlib import Path
from types import TracebackType

from .errors import ConfigError

_PACKAGE = str(Path(__file__).resolve().parent)


def with_environment(error: ConfigError, tb: TracebackType | None) -> ConfigError:
    """`error` with the enclosing profile's environment in front of its field, if found."""
    if error.field.startswith("environment"):
        return error  # the profile's own name (or its set) is what is wrong
    for frame in reversed(traceback.extract_tb(tb)):
        if frame.filename.startswith(_PACKAGE) or frame.lineno is None:
            continue
        name = _enclosing_profile(frame.filename, frame.lineno, frame.colno)
        if name is not None:
            if error.field.startswith(f"{name}.") or error.field == name:
                return error
            return ConfigError(f"{name}.{error.field}", error.value, error.allowed)
    return error


def _enclosing_profile(filename: str, line: int, column: int | None) -> str | None:
    """The literal `name=` of the innermost `EnvironmentProfile(...)` call that spans
    (line, column) in `filename`."""
    try:
        stat = Path(filename).stat()
    except OSError:
        return None
    best: tuple[tuple[int, int], str] | None = None
    # Keyed by the file's size and time too: a warm process (`watch`) sees edits.
    for start, end, name in _profile_calls(filename, stat.st_mtime_ns, stat.st_size):
        here = (line, column if column is not None else 0)
        inside = start <= here <= end if column is not None else start[0] <= line <= end[0]
        if inside and (best is None or start > best[0]):
            best = (start, name)
    return best[1] if best else None


@functools.lru_cache(maxsize=32)
def _profile_calls(filename: str, mtime: int, size: int) -> tuple[tuple[tuple[int, int], tuple[int, int], str], ...]:
    """(start, end, environment name) of every `EnvironmentProfile(name="...")` call."""
    try:
        tree = ast.parse(Path(filename).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return ()
    calls = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or node.end_lineno is None or node.end_col_offset is None:
            continue
        callee = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
        if callee != "EnvironmentProfile":
            continue
        for keyword in node.keywords:
            if (
                keyword.arg == "name"
                and isinstance(keyword.value, ast.Constant)
                and isinstance(keyword.value.value, str)
            ):
                start, end = (node.lineno, node.col_offset), (node.end_lineno, node.end_col_offset)
                calls.append((start, end, keyword.value.value))
    return tuple(calls)
