"""The bindings compiled with postponed annotations: same module, annotations left
as strings, the code cached by the source's identity, and nothing when the cache
cannot be written."""

from __future__ import annotations

import importlib
import os
import sys
import time
import types
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest

from cdk8s_webservice import binding_loader

SOURCE = """
import typing

class Props:
    def __init__(self, *, name: typing.Optional[typing.Mapping[str, "Later"]] = None) -> None:
        self.name = name

class Later:
    pass

VALUE = 42
"""


@pytest.fixture()
def package(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "site"
    (root / "fake_binding").mkdir(parents=True)
    (root / "fake_binding" / "__init__.py").write_text(SOURCE)
    (root / "fake_binding" / "sub.py").write_text("def f(x: typing.Never) -> int: return 1\nimport typing\n")
    sys.path.insert(0, str(root))
    yield root / "fake_binding"
    binding_loader.uninstall()
    sys.path.remove(str(root))
    for name in [n for n in sys.modules if n == "fake_binding" or n.startswith("fake_binding.")]:
        del sys.modules[name]


def _fresh_import(name: str):
    for loaded in [n for n in sys.modules if n == "fake_binding" or n.startswith("fake_binding.")]:
        del sys.modules[loaded]
    importlib.invalidate_caches()
    return importlib.import_module(name)


def test_annotations_stay_strings_and_resolve_on_demand(package: Path, tmp_path: Path) -> None:
    cache = tmp_path / "pyc"
    assert binding_loader.install(["fake_binding"], cache) is None
    module = _fresh_import("fake_binding")
    assert module.VALUE == 42
    annotations = module.Props.__init__.__annotations__
    assert annotations["name"] == "typing.Optional[typing.Mapping[str, 'Later']]"  # not evaluated at import
    hints = typing.get_type_hints(module.Props.__init__)  # what jsii's run-time checks call
    assert hints["name"] == typing.Mapping[str, module.Later] | None
    # A submodule whose annotation names something defined after it: fine unevaluated.
    assert _fresh_import("fake_binding.sub").f(None) == 1
    assert sorted(p.name.rsplit(".", 3)[0] for p in cache.iterdir()) == ["fake_binding", "fake_binding.sub"]


def test_the_code_is_cached_by_the_sources_identity(package: Path, tmp_path: Path) -> None:
    cache = tmp_path / "pyc"
    binding_loader.install(["fake_binding"], cache)
    _fresh_import("fake_binding")
    [entry] = [p for p in cache.iterdir() if p.name.startswith("fake_binding.") and "sub" not in p.name]
    stamp = entry.stat().st_mtime_ns
    assert _fresh_import("fake_binding").VALUE == 42
    assert entry.stat().st_mtime_ns == stamp  # read, not written again
    # A new version of the package: compiled again, the old entry removed.
    (package / "__init__.py").write_text(SOURCE.replace("VALUE = 42", "VALUE = 43"))
    os.utime(package / "__init__.py", ns=(stamp + 10**9, stamp + 10**9))
    assert _fresh_import("fake_binding").VALUE == 43
    entries = [p for p in cache.iterdir() if p.name.startswith("fake_binding.") and "sub" not in p.name]
    assert len(entries) == 1 and entries[0] != entry


def test_a_damaged_cache_entry_is_compiled_again(package: Path, tmp_path: Path) -> None:
    cache = tmp_path / "pyc"
    binding_loader.install(["fake_binding"], cache)
    _fresh_import("fake_binding")
    [entry] = [p for p in cache.iterdir() if "sub" not in p.name]
    entry.write_bytes(b"\x00garbage")
    assert _fresh_import("fake_binding").VALUE == 42
    assert entry.read_bytes() != b"\x00garbage"


def test_other_packages_are_left_to_the_standard_import(package: Path, tmp_path: Path) -> None:
    binding_loader.install(["some_other_package"], tmp_path / "pyc")
    module = _fresh_import("fake_binding")
    assert not isinstance(module.Props.__init__.__annotations__["name"], str)
    assert not any((tmp_path / "pyc").iterdir())


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only folders")
def test_without_a_writable_cache_it_steps_aside(package: Path, tmp_path: Path) -> None:
    cache = tmp_path / "pyc"
    cache.mkdir()
    cache.chmod(0o555)
    try:
        assert binding_loader.install(["fake_binding"], cache) == f"{cache} is not writable"
        assert not isinstance(_fresh_import("fake_binding").Props.__init__.__annotations__["name"], str)
    finally:
        cache.chmod(0o755)


def test_an_unusable_cache_path_is_declined(package: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert binding_loader.install(["fake_binding"], blocker / "pyc") is not None
    assert not any(type(f).__name__ == "_Finder" for f in sys.meta_path)


def test_each_interpreter_mode_keeps_its_own_entry(package: Path, tmp_path: Path, monkeypatch) -> None:
    """`python -O` (make synth) and plain `python` (the command, the tests) take turns on
    one cache: neither removes the other's entry, nor a submodule's."""
    cache = tmp_path / "pyc"
    binding_loader.install(["fake_binding"], cache)
    _fresh_import("fake_binding.sub")
    entries = set(cache.iterdir())

    flags = {name: getattr(sys.flags, name) for name in sys.flags.__match_args__}
    monkeypatch.setattr(sys, "flags", types.SimpleNamespace(**{**flags, "optimize": 1}))  # `python -O`
    _fresh_import("fake_binding.sub")
    monkeypatch.undo()
    assert entries < set(cache.iterdir()) and len(set(cache.iterdir())) == 4  # two modes x two modules
    stamps = {p: p.stat().st_mtime_ns for p in cache.iterdir()}
    _fresh_import("fake_binding.sub")  # the first mode again: read, nothing written or removed
    assert {p: p.stat().st_mtime_ns for p in cache.iterdir()} == stamps


def test_entries_are_readable_by_others(package: Path, tmp_path: Path) -> None:
    cache = tmp_path / "pyc"
    binding_loader.install(["fake_binding"], cache)
    _fresh_import("fake_binding")
    assert {p.stat().st_mode & 0o777 for p in cache.iterdir()} == {0o644}


def test_entries_unused_for_weeks_are_removed_and_used_ones_kept(package: Path, tmp_path: Path) -> None:
    cache = tmp_path / "pyc"
    binding_loader.install(["fake_binding"], cache)
    _fresh_import("fake_binding")
    [used] = list(cache.iterdir())
    month_ago = time.time() - 30 * 86400
    os.utime(used, (month_ago, month_ago))
    _fresh_import("fake_binding")  # read: marked as used again
    assert time.time() - used.stat().st_mtime < 60
    forgotten = cache / "other_copy.0123456789ab.0123456789abcdef0123.pyc"  # e.g. a removed virtualenv's
    forgotten.write_bytes(b"x")
    os.utime(forgotten, (month_ago, month_ago))
    _fresh_import("fake_binding.sub")  # a compilation: the sweep runs
    assert used.exists() and not forgotten.exists()
