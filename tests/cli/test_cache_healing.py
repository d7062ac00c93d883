"""Caches that heal (issue 22, item 5): every entry is checked by content before use; a
damaged one is made again and rewritten, never fatal; a full cache is no cache."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, group_running

from cdk8s_webservice.core import cache_files

PYTHON = str(ROOT / ".venv" / "bin" / "python")
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def flipped(data: bytes, at: int) -> bytes:
    """`data`, the same size, with the byte at `at` changed."""
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]


def test_a_checked_entry_reads_back_and_a_damaged_one_reads_as_missing(tmp_path: Path) -> None:
    entry = tmp_path / "cache" / "entry"
    assert cache_files.write_checked(entry, b"content")
    assert cache_files.read_checked(entry) == b"content"
    whole = entry.read_bytes()
    for at in range(len(whole)):  # any byte damaged, the header's included
        entry.write_bytes(flipped(whole, at))
        assert cache_files.read_checked(entry) is None
    entry.write_bytes(whole[:-1])
    assert cache_files.read_checked(entry) is None
    assert cache_files.read_checked(tmp_path / "missing") is None


def synth(out: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    """An app's synth with `cache` as the project's cache; returns once its Node.js has
    ended too."""
    env = {**ENV, "CDK8S_WEBSERVICE_CACHE": str(cache), "JSII_RUNTIME_PACKAGE_CACHE_ROOT": str(cache / "jsii")}
    process = subprocess.Popen(
        [PYTHON, "-O", "main.py", "--out", str(out)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    stdout, stderr = process.communicate(timeout=180)
    deadline = time.monotonic() + 30
    while group_running(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A small file system, filled to the last byte."""
    mount = tmp_path / "full"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {made.stderr.decode().strip()}")
    try:
        with contextlib.suppress(OSError), open(mount / "filler", "wb") as filler:
            while True:
                filler.write(b"\0" * 65536)
                filler.flush()
        with contextlib.suppress(OSError):  # the last few bytes
            (mount / "crumbs").write_bytes(b"\0" * 4096)
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A read-only file system (as root, a folder's mode would not stop a write)."""
    mount = tmp_path / "read-only"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a file system here: {made.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_read_only_cache_is_no_cache(tmp_path: Path, read_only: Path) -> None:
    result = synth(tmp_path / "dist", read_only / "cache")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "dist" / "staging" / "deployment-blacklist-blue.yaml").is_file()


def test_a_full_disk_under_the_cache_is_no_cache(tmp_path: Path, full_disk: Path) -> None:
    result = synth(tmp_path / "dist", full_disk / "cache")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "No space left" not in result.stderr
    expected = ROOT / "dist" / "development" / "deployment-blacklist.yaml"
    assert (tmp_path / "dist" / "development" / "deployment-blacklist.yaml").read_text() == expected.read_text()


def test_a_full_disk_under_the_output_names_the_path_and_leaves_nothing(
    tmp_path: Path, full_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import dataclasses

    from conftest import PROJECT, RELEASES_FILE
    from test_cli import run

    project = dataclasses.replace(PROJECT, releases_file=Path(shutil.copy(RELEASES_FILE, tmp_path / "releases.yaml")))
    assert run(project, "synth", "--out", str(full_disk / "dist"), root=tmp_path) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {full_disk}/dist/") and err.endswith(": No space left on device\n"), err
    assert not [p.name for p in full_disk.iterdir() if "dist" in p.name]  # no staging left
