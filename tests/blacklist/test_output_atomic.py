"""dist/ is never missing, mixed or half-written: readers during replaces, writers
killed at random points, writers at the same time."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from cdk8s_webservice.synthesis.output import MARKER, _exchange, replace_directory

FOLDERS, FILES = 3, 25

# A writer process: replaces TARGET with generation LABEL ("ab": alternating), COUNT times (-1: forever).
WRITER = """
import sys
from cdk8s_webservice.synthesis.output import replace_directory
target, label, count, folders, files = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
def generation(gen):
    return {f"env{f}/object-{i}.yaml": f"---\\ngeneration: {gen}\\nfile: {i}\\n" + "x: y\\n" * 50
            for f in range(folders) for i in range(files)}
n = 0
while count < 0 or n < count:
    replace_directory(target, generation(label if label != "ab" else "ab"[n % 2]))
    n += 1
"""


def generation(gen: str) -> dict[str, str]:
    return {
        f"env{f}/object-{i}.yaml": f"---\ngeneration: {gen}\nfile: {i}\n" + "x: y\n" * 50
        for f in range(FOLDERS)
        for i in range(FILES)
    }


def writer(target: Path, label: str, count: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(target), label, str(count), str(FOLDERS), str(FILES)])


def snapshot(target: Path) -> tuple[dict[str, str], bool] | None:
    """Every file under `target`, read through one directory descriptor (a consistent
    view of the tree `target` named when it was opened), and whether `target` still
    names that tree after the read. Asked while the descriptor is open: a tree swapped
    out and removed frees its inode number once closed, and the next generation's tree
    may get it (ext4 reuses them), so a retired tree would pass for the current one."""
    try:
        fd = os.open(target, os.O_RDONLY | os.O_DIRECTORY)
    except FileNotFoundError:
        return None
    try:
        files = {}
        for dirpath, _, filenames, dirfd in os.fwalk(dir_fd=fd):
            for name in filenames:
                try:
                    handle = os.open(name, os.O_RDONLY, dir_fd=dirfd)
                except FileNotFoundError:
                    continue  # a retired tree being removed; judged below
                with os.fdopen(handle) as text:
                    files[os.path.normpath(os.path.join(dirpath, name))] = text.read()
        return files, os.stat(target).st_ino == os.fstat(fd).st_ino
    finally:
        os.close(fd)


def generations_in(files: dict[str, str]) -> set[str]:
    return {text.split("\n")[1].removeprefix("generation: ") for name, text in files.items() if name != MARKER}


def test_exchange_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x").write_text("a")
    (tmp_path / "b").mkdir()
    assert _exchange(tmp_path / "a", tmp_path / "b") is True  # this machine: Linux with renameat2
    assert (tmp_path / "b" / "x").read_text() == "a" and not any((tmp_path / "a").iterdir())


def test_readers_never_see_the_folder_missing_or_mixed(tmp_path: Path) -> None:
    target = tmp_path / "dist"
    replace_directory(target, generation("a"))
    process = writer(target, "ab", 150)
    snapshots = missing = mixed = retired = 0
    seen: set[str] = set()
    expected_names = set(generation("a")) | {MARKER}
    while process.poll() is None:
        view = snapshot(target)
        if view is None:
            missing += 1
            continue
        files, current = view
        snapshots += 1
        gens = generations_in(files)
        if set(files) == expected_names and len(gens) == 1:
            seen |= gens
        elif not current:
            retired += 1  # the reader held a tree that was swapped out and is being removed
        else:
            mixed += 1
    assert process.returncode == 0
    print(f"{snapshots} snapshots, {retired} of a retired tree, generations seen: {sorted(seen)}")
    assert missing == 0 and mixed == 0
    assert snapshots > 20 and seen == {"a", "b"}  # the reader really overlapped the writer


def test_writers_killed_at_random_points_leave_one_whole_generation(tmp_path: Path) -> None:
    target = tmp_path / "dist"
    replace_directory(target, generation("a"))
    rng = random.Random(20261128)
    for _ in range(25):
        process = writer(target, rng.choice("ab"), -1)
        time.sleep(rng.uniform(0.02, 0.3))
        process.send_signal(signal.SIGKILL)
        process.wait()
        view = snapshot(target)
        assert view is not None
        files, _ = view
        assert set(files) == set(generation("a")) | {MARKER} and len(generations_in(files)) == 1
    replace_directory(target, generation("b"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]  # no debris of the killed runs


def test_concurrent_writers_are_serialized(tmp_path: Path) -> None:
    target = tmp_path / "dist"
    processes = [writer(target, label, 10) for label in "abcd"]
    assert [p.wait() for p in processes] == [0, 0, 0, 0]
    files, _ = snapshot(target) or ({}, 0)
    assert set(files) == set(generation("a")) | {MARKER} and len(generations_in(files)) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


def test_debris_of_killed_runs_is_removed(tmp_path: Path) -> None:
    for name in (".dist.new-x1", ".dist.old-x2"):
        (tmp_path / name / "staging").mkdir(parents=True)
        (tmp_path / name / "staging" / "a.yaml").write_text("half\n")
    (tmp_path / ".other.new-x3").mkdir()  # not ours
    replace_directory(tmp_path / "dist", {"a.yaml": "whole\n"})
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.new-x3", "dist"]


def test_without_renameat2_the_two_rename_fallback_still_replaces_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("cdk8s_webservice.synthesis.output._exchange", lambda a, b: False)
    target = tmp_path / "dist"
    replace_directory(target, {"a/old.yaml": "old\n"})
    replace_directory(target, {"a/new.yaml": "new\n"})
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*.yaml")) == ["a/new.yaml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


@pytest.mark.parametrize("seed", [1])
def test_a_killed_synth_never_leaves_dist_half_written(tmp_path: Path, seed: int) -> None:
    """The real app, killed while it builds, renders or writes."""
    out = tmp_path / "dist"
    committed = {p.relative_to(ROOT / "dist"): p.read_bytes() for p in (ROOT / "dist").rglob("*") if p.is_file()}
    rng = random.Random(seed)
    command = [sys.executable, "-O", "main.py", "--out", str(out)]
    for _ in range(3):
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(rng.uniform(0.5, 2.5))  # a run over sooner leaves nothing to kill: no idle wait
        process.send_signal(signal.SIGKILL)  # (a no-op on a process already waited for)
        process.wait()
        if out.exists():
            assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == committed
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == committed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]
