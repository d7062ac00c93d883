"""The project's caches on disk (`.cache/`): written whole, checked when read, swept by age.

Several processes may read and write a cache at once (parallel synths, the test
suite's apps), so an entry is written to a temporary name beside it and renamed in;
a reader sees the old entry, the new one, or none. What a killed writer or an
unused version leaves behind is removed by age. An entry written with `write_checked`
carries the SHA-256 of its content, and `read_checked` returns it only when that still
matches: a damaged entry (a bad disk, a torn copy, a hand edit) reads as missing, and the
caller makes it again and rewrites it. A cache that cannot be written (read-only, full)
is no error: the work is done without it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path


def write_whole(path: Path, data: bytes) -> bool:
    """Write `data` to `path` through a temporary file in its folder (made if needed),
    readable by all (a cache may be shared, e.g. built in an image); False where it
    could not be written (a read-only cache is no error)."""
    staging = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, staging = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(staging, 0o644)
        os.replace(staging, path)
        return True
    except OSError:
        if staging is not None:
            with contextlib.suppress(OSError):
                os.unlink(staging)
        return False


def remove_older_than(folder: Path, age: float, prefix: str = "") -> None:
    """Entries of `folder` whose name starts with `prefix`, unchanged for `age` seconds
    (a younger one may be another process's, still being written)."""
    for entry in folder.glob(f"{prefix}*"):
        with contextlib.suppress(OSError):
            if time.time() - entry.lstat().st_mtime > age:
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink()


_CHECKED = b"cdk8s-webservice cache entry 1\n"  # then the SHA-256 of the content, then the content


def write_checked(path: Path, data: bytes) -> bool:
    """`write_whole` of `data` with its checksum (read back with `read_checked`)."""
    return write_whole(path, _CHECKED + hashlib.sha256(data).digest() + data)


def read_checked(path: Path) -> bytes | None:
    """What `write_checked` wrote to `path`, or None: missing, unreadable, or damaged (its
    checksum differs)."""
    try:
        entry = path.read_bytes()
    except OSError:
        return None
    header = len(_CHECKED) + 32
    data = entry[header:]
    if not entry.startswith(_CHECKED) or entry[len(_CHECKED) : header] != hashlib.sha256(data).digest():
        return None
    return data
