"""Writing rendered files: an output folder is replaced whole, in one atomic step, or not at all.

- Only a dedicated output folder is ever replaced: a new or empty folder, or one
  this tool wrote before (it carries the marker file `MARKER`). The project root,
  an ancestor of it or of the working directory, a file, a symlink, a mount point
  (which cannot be renamed: a bind mount, a container's volume) and any other
  non-empty folder are refused before anything is touched (`check_output_folder`).
- Everything is written to a staging folder beside the target first. Then, on
  Linux, `renameat2(RENAME_EXCHANGE)` swaps staging and target in one step: a
  reader that opens the target sees the old tree or the new one, never none and
  never a mix. Where the kernel or file system cannot exchange (not Linux, or
  e.g. an old NFS), the fallback is two renames (target aside, staging in), with
  a window of microseconds in which the target is missing.
- Writers to the same parent folder are serialized with `flock`, and debris that
  a killed writer left (`.<name>.new-*`, `.<name>.old-*`) is removed under the lock.
- A folder (or sub-folder) without its owner's write bit is refused, as `rm`
  would ask first: someone made it read-only on purpose.

Longer than most modules: the folder checks, the lock and the atomic swap (with its fallback) guard one write and are read together.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import re
import shutil
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

from cdk8s_webservice.core.errors import ConfigError

MARKER = ".cdk8s-webservice-output"
MARKER_TEXT = "Written by cdk8s-webservice: this folder is replaced whole on every synth. Do not edit by hand.\n"
LOCK_TIMEOUT_SECONDS = 120.0

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_SYS_RENAMEAT2 = {"x86_64": 316, "aarch64": 276}


def read_tree(folder: Path | str, *, marker: bool = True) -> dict[str, str]:
    """Relative path (POSIX) -> text of every file under `folder` ({} when it is not a
    folder); `marker=False` leaves the output marker out."""
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and (marker or path.name != MARKER):
            try:
                files[path.relative_to(folder).as_posix()] = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                # Compared with rendered output, it differs: no need to fail reading it.
                files[path.relative_to(folder).as_posix()] = "(not UTF-8)"
    return files


def check_output_folder(target: Path | str, *, project_root: Path | None = None, field: str = "--out") -> Path:
    """Refuse (ConfigError) any `target` this tool must not replace; return it absolute."""
    target = Path(os.path.abspath(target))
    shown = str(target)
    protected = [Path.cwd().resolve()]
    if project_root is not None:
        protected.append(Path(project_root).resolve())
    real = target.resolve()
    for folder in protected:
        if folder == real or real in folder.parents:
            what = (
                "the project root" if project_root is not None and folder == protected[-1] else "the working directory"
            )
            relation = "is" if folder == real else "contains"
            raise ConfigError(field, shown, f"a dedicated output folder; this path {relation} {what}")
    if target.is_symlink():
        raise ConfigError(field, shown, "a real folder, not a symlink (give the folder it points to)")
    if target.exists() and not target.is_dir():
        raise ConfigError(field, shown, "a folder; this path is a file")
    if target.is_dir() and is_mount_point(target):
        raise ConfigError(
            field,
            shown,
            "a folder that is not a mount point (a bind mount, a volume): the output is swapped in by "
            "renaming it, which a mount point refuses; mount the folder above it instead, or give a folder inside it",
        )
    if target.is_dir():
        try:
            entries = os.listdir(target)
        except PermissionError:
            raise ConfigError(field, shown, "a folder this user can read") from None
        if entries and MARKER not in entries:
            raise ConfigError(
                field,
                shown,
                f"a new or empty folder, or earlier output of this tool (with {MARKER}); "
                "this one holds other files: pick another folder (output of a version before 0.2: remove it first)",
            )
        _check_writable(target, field, recursive=True)
    parent = _existing_ancestor(target.parent)
    _check_writable(parent, field, recursive=False)
    return target


def is_mount_point(folder: Path) -> bool:
    """Whether `folder` is a mount point, a bind mount of a folder of the same file
    system included (which `os.path.ismount` cannot tell: same device as its parent)."""
    if os.path.ismount(folder):
        return True
    try:
        mounts = Path("/proc/self/mountinfo").read_text(encoding="utf-8").splitlines()
        # "id parent major:minor root mount-point ...": spaces and such escaped in octal
        points = {line.split()[4] for line in mounts if len(line.split()) > 4}
    except OSError:  # not Linux
        return False
    real = os.path.realpath(folder)
    return any(_unescaped(point) == real for point in points)


def _unescaped(point: str) -> str:
    return re.sub(r"\\([0-7]{3})", lambda match: chr(int(match.group(1), 8)), point)


def _existing_ancestor(path: Path) -> Path:
    while not path.exists():
        path = path.parent
    return path


def _check_writable(folder: Path, field: str, *, recursive: bool) -> None:
    folders = [folder]
    if recursive:
        folders += [Path(dirpath) / d for dirpath, dirnames, _ in os.walk(folder) for d in dirnames]
    for path in folders:
        mode = path.stat().st_mode
        if not (mode & stat.S_IWUSR) or not os.access(path, os.W_OK | os.X_OK):
            raise ConfigError(
                field,
                str(path),
                f"a writable folder; it is read-only (mode {stat.S_IMODE(mode):04o}): make it writable (chmod u+w)",
            )


# Locks this thread holds, by folder identity: a command that locks the project
# root for a release may then write dist/ under the same lock.
_HELD = threading.local()


@contextlib.contextmanager
def locked(folder: Path | str, *, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold an exclusive `flock` on `folder` (re-entrant within this process)."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    info = os.fstat(fd)
    key = (info.st_dev, info.st_ino)
    held: set[tuple[int, int]] = _HELD.__dict__.setdefault("keys", set())
    if key in held:
        os.close(fd)
        yield
        return
    try:
        deadline = time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told:
                    print(f"waiting for another writer in {folder} ...", file=sys.stderr)
                    told = True
                if time.monotonic() > deadline:
                    raise ConfigError(
                        "lock", str(folder), f"free within {timeout:.0f} s; another synth or release still runs"
                    ) from None
                time.sleep(0.05)
        held.add(key)
        try:
            yield
        finally:
            held.discard(key)
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2). False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    args = (_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if hasattr(libc, "renameat2"):
        result = libc.renameat2(*args)
    elif os.uname().machine in _SYS_RENAMEAT2:
        result = libc.syscall(_SYS_RENAMEAT2[os.uname().machine], *args)
    else:
        return False
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _remove_debris(target: Path) -> None:
    """Staging and backup folders a killed writer left beside `target`."""
    prefixes = (f".{target.name}.new-", f".{target.name}.old-")
    for entry in target.parent.iterdir():
        if entry.name.startswith(prefixes) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)


def _write_staging(target: Path, files: Mapping[str, str | bytes]) -> Path:
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        staging.chmod(0o755)
        made: set[str] = set()
        for relative, content in sorted({**files, MARKER: MARKER_TEXT}.items()):
            # The staging folder is new and holds only what is written here (no
            # symlinks), so a relative path of plain names stays inside it.
            parts = relative.split("/")
            if relative.startswith("/") or any(part in ("", ".", "..") or "\0" in part for part in parts):
                raise ConfigError("output file", relative, f"a path inside {target}")
            path = staging / relative
            folder = "/".join(parts[:-1])
            if folder and folder not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(folder)
            try:
                if isinstance(content, bytes):
                    with open(path, "wb") as binary:
                        binary.write(content)
                else:
                    with open(path, "w", encoding="utf-8", newline="\n") as handle:
                        handle.write(content)
            except OSError as error:  # a write's error names no file (a full disk): name it
                if error.filename is not None or error.errno is None:
                    raise
                raise OSError(error.errno, error.strerror, f"{target}/{relative}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def _swap_in(staging: Path, target: Path) -> None:
    if not target.exists():
        os.rename(staging, target)
        return
    if _exchange(staging, target):
        shutil.rmtree(staging)  # it holds the old tree now
        return
    backup = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    backup.rmdir()
    os.rename(target, backup)
    try:
        os.rename(staging, target)
    except BaseException:
        os.rename(backup, target)
        raise
    shutil.rmtree(backup)


def _read_bytes(folder: Path) -> dict[str, bytes]:
    # Regular files only: a symlink planted in the output (this writer never makes one)
    # would otherwise copy whatever it points at into the folder ArgoCD syncs.
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


class StagedOutput:
    """A new tree for `target`, written beside it (hidden) before it is wanted, swapped
    in by `commit`: an app writes its output while the gate still checks the last
    folders, and swaps it in only once they pass. Made by `staged_output`, which holds
    the target's lock throughout and removes what was staged and not committed."""

    def __init__(self, target: Path, *, keep: bool) -> None:
        self.target = target
        self.keep = keep
        self._staging: Path | None = None
        self._staged: tuple[Mapping[str, str | bytes], tuple[str, ...]] | None = None
        self._rendered: Mapping[str, Mapping[str, str]] | None = None

    def stage(self, files: Mapping[str, str | bytes], *, replace: tuple[str, ...] = ()) -> None:
        """Write the tree `commit` would swap in (again, if staged before)."""
        self.discard()
        content: dict[str, str | bytes] = {}
        if self.keep:
            prefixes = tuple(f"{folder}/" for folder in replace)
            content.update(
                {path: data for path, data in _read_bytes(self.target).items() if not path.startswith(prefixes)}
            )
            content.pop(MARKER, None)
        content.update(files)
        self._staging = _write_staging(self.target, content)
        self._staged = (files, replace)

    def commit(self, files: Mapping[str, str | bytes], *, replace: tuple[str, ...] = ()) -> None:
        """Make the target hold `files` (staged now unless these very files were)."""
        if self._staged is None or self._staged[0] is not files or self._staged[1] != replace:
            self.stage(files, replace=replace)
        staging, self._staging, self._staged = self._staging, None, None
        assert staging is not None
        try:
            _swap_in(staging, self.target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise

    def stage_environments(self, rendered: Mapping[str, Mapping[str, str]]) -> None:
        """`stage` for `rendered` (folder -> file name -> text), as `write_environments`
        writes it."""
        self.stage(environment_files(rendered), replace=tuple(rendered))
        self._rendered = rendered

    def commit_environments(self, rendered: Mapping[str, Mapping[str, str]]) -> None:
        """`commit` for `rendered`: swapped in as staged when these very folders were."""
        staged = self._staged if self._rendered is rendered else None
        self.commit(staged[0] if staged is not None else environment_files(rendered), replace=tuple(rendered))

    def discard(self) -> None:
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
        self._staging, self._staged = None, None


@contextlib.contextmanager
def staged_output(
    target: Path | str, *, keep: bool = False, project_root: Path | None = None
) -> Iterator[StagedOutput]:
    """The target's lock, and a `StagedOutput` for it; whatever is staged and not
    committed when this ends (an error, the gate's refusal) is removed."""
    target = check_output_folder(target, project_root=project_root)
    target.parent.mkdir(parents=True, exist_ok=True)
    with locked(target.parent):
        check_output_folder(target, project_root=project_root)  # again, under the lock
        _remove_debris(target)
        staged = StagedOutput(target, keep=keep)
        try:
            yield staged
        finally:
            staged.discard()


def replace_directory(
    target: Path | str,
    files: Mapping[str, str | bytes],
    *,
    keep: bool = False,
    replace: tuple[str, ...] = (),
    project_root: Path | None = None,
) -> None:
    """Make `target` hold exactly `files` (relative path -> text) and the marker.

    With `keep=True` the files already there stay, except under the folders named
    in `replace` (and the paths in `files`): still one atomic replacement of the whole
    target, so a reader never sees one folder new and its neighbour old."""
    with staged_output(target, keep=keep, project_root=project_root) as output:
        output.commit(files, replace=replace)


def environment_files(rendered: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """`rendered` (folder -> file name -> text) as the files of the output folder."""
    if not rendered:
        raise ConfigError("environments", [], "at least one environment to write")
    return {f"{folder}/{name}": text for folder, texts in rendered.items() for name, text in texts.items()}


def write_environments(
    outdir: Path | str,
    rendered: Mapping[str, Mapping[str, str]],
    *,
    whole: bool,
    project_root: Path | None = None,
) -> None:
    """Write `rendered` (folder -> file name -> text) under `outdir`, atomically.

    `whole=True` replaces all of `outdir`: folders no longer rendered disappear.
    `whole=False` replaces only the rendered folders and keeps the rest."""
    replace_directory(
        outdir, environment_files(rendered), keep=not whole, replace=tuple(rendered), project_root=project_root
    )
