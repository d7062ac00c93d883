"""pytest fixtures for projects built on this library (registered as a pytest11 plugin).

def test_output_passes_the_gate(manifest_gate):
    manifest_gate.enforce({"staging": objects})      # raises GateFailed with the report

def test_dist_passes_the_gate(manifest_gate):
    assert manifest_gate.check_folder(Path("dist")) == []
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .gate import Gate


@pytest.fixture(scope="session")
def manifest_gate() -> Iterator[Gate]:
    """A `Gate` with the library's CRDs and policies (override the fixture to pass
    your own `GateSettings`)."""
    yield Gate()
