"""Caches that heal (issue 22, item 5): every entry is checked by content before use; a
damaged one is made again and rewritten, never fatal; a full cache is no cache."""

from __future__ import annotations

import contextlib
import importlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, group_running

from cdk8s_webservice import binding_loader, cache_files, jsii_speedups

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


# -- the bindings' compiled code (.cache/pyc) ------------------------------------------


@pytest.fixture()
def package(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "site"
    (root / "healing_binding").mkdir(parents=True)
    (root / "healing_binding" / "__init__.py").write_text("VALUE = 4242\n\ndef f(x: 'Later') -> int:\n    return 1\n")
    sys.path.insert(0, str(root))
    yield root / "healing_binding"
    binding_loader.uninstall()
    sys.path.remove(str(root))
    sys.modules.pop("healing_binding", None)


def _fresh_import() -> object:
    sys.modules.pop("healing_binding", None)
    importlib.invalidate_caches()
    return importlib.import_module("healing_binding")


def test_a_same_size_damage_to_compiled_code_is_not_run(package: Path, tmp_path: Path) -> None:
    """A changed constant keeps the marshalled code valid: only a checksum sees it."""
    cache = tmp_path / "pyc"
    binding_loader.install(["healing_binding"], cache)
    assert _fresh_import().VALUE == 4242  # type: ignore[attr-defined]
    [entry] = cache.iterdir()
    whole = entry.read_bytes()
    packed = (4242).to_bytes(4, "little")
    assert whole.count(packed) == 1
    entry.write_bytes(whole.replace(packed, (4343).to_bytes(4, "little")))
    assert _fresh_import().VALUE == 4242  # type: ignore[attr-defined]
    assert entry.read_bytes() == whole  # rewritten


@pytest.mark.parametrize("where", [0.25, 0.5, 0.75])
def test_a_damaged_compiled_entry_is_compiled_again_never_a_traceback(
    package: Path, tmp_path: Path, where: float
) -> None:
    cache = tmp_path / "pyc"
    binding_loader.install(["healing_binding"], cache)
    _fresh_import()
    [entry] = cache.iterdir()
    whole = entry.read_bytes()
    entry.write_bytes(flipped(whole, int(len(whole) * where)))
    assert _fresh_import().VALUE == 4242  # type: ignore[attr-defined]
    assert entry.read_bytes() == whole


# -- jsii's kernel program, unpacked into the cache -----------------------------------


def test_a_same_size_damage_to_the_kernel_program_is_replaced(tmp_path: Path) -> None:
    found = jsii_speedups._jsii_folder()
    assert found is not None
    program = jsii_speedups.kernel_program(tmp_path, *found)
    expected = program.read_bytes()
    program.write_bytes(b"console.log('x');//".ljust(len(expected), b"x"))  # same size, other bytes
    assert jsii_speedups.kernel_program(tmp_path, *found).read_bytes() == expected


# -- whole apps: V8's code cache, a full disk --------------------------------------------


def synth(out: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    """An app's synth with `cache` as the project's cache; returns once its Node.js has
    ended too (it writes V8's code cache at its exit, after the app's)."""
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


def test_a_damaged_v8_code_cache_entry_is_not_used_and_is_rewritten(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = synth(tmp_path / "dist", cache)
    assert first.returncode == 0, first.stderr
    entries = sorted(p for p in (cache / "jsii-host" / "v8").glob("*/*") if p.is_file())
    assert entries
    originals = {entry: entry.read_bytes() for entry in entries}
    for entry, data in originals.items():  # every entry damaged in its middle, same size
        entry.write_bytes(flipped(data, len(data) // 2))
    again = synth(tmp_path / "dist", cache)
    assert again.returncode == 0, again.stderr
    assert "Traceback" not in again.stderr and "error" not in again.stderr
    assert all(entry.read_bytes() != flipped(data, len(data) // 2) for entry, data in originals.items())


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
