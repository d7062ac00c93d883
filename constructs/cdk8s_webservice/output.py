"""Writing rendered files: a folder is replaced whole, or not at all.

Everything is rendered to a staging folder beside the target first; only when
that succeeded is the old folder moved aside and the new one renamed into place
(two renames on one file system). A failure before that leaves the target as it
was; stale files never survive, because the old folder is dropped whole.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path


def replace_directory(target: Path | str, files: Mapping[str, str]) -> None:
    """Make `target` a folder holding exactly `files` (relative path to text)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        staging.chmod(0o755)
        for relative, text in sorted(files.items()):
            path = staging / relative
            if path.resolve().parent != staging.resolve() and staging.resolve() not in path.resolve().parents:
                raise ValueError(f"output file {relative!r} would be written outside {target}")
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise

    backup: Path | None = None
    if target.exists():
        backup = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        backup.rmdir()
        os.rename(target, backup)
    try:
        os.rename(staging, target)
    except BaseException:
        if backup is not None:
            os.rename(backup, target)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if backup is not None:
        shutil.rmtree(backup)


def write_environments(outdir: Path | str, rendered: Mapping[str, Mapping[str, str]], *, whole: bool) -> None:
    """Write `rendered` (environment -> file name -> text) under `outdir`.

    `whole=True` replaces all of `outdir`: environments no longer rendered
    disappear. `whole=False` replaces only the named environments' folders.
    """
    outdir = Path(outdir)
    if whole:
        replace_directory(
            outdir, {f"{env}/{name}": text for env, files in rendered.items() for name, text in files.items()}
        )
        return
    for env, files in rendered.items():
        replace_directory(outdir / env, files)
