"""pytest fixtures for projects built on this library (registered as a pytest11 plugin).

def test_output_passes_the_gate(manifest_gate):
    manifest_gate.enforce({"staging": objects})      # raises GateFailed with the report

def test_dist_passes_the_gate(manifest_gate):
    assert manifest_gate.check_folder(Path("dist")) == []

Both build on `cdk8s_webservice.testing` (`testing.gate`, `testing.check`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from cdk8s_webservice.gate import Gate, GateSettings


@pytest.fixture(scope="session")
def gate_settings(pytestconfig: pytest.Config) -> GateSettings:
    """The project's own `GateSettings` when a project is configured
    (`[tool.cdk8s-webservice] project` in pyproject.toml), else the library's
    defaults. Override the fixture to pass others."""
    from cdk8s_webservice import runtime
    from cdk8s_webservice.core.errors import ConfigError
    from cdk8s_webservice.gate import GateSettings
    from cdk8s_webservice.synthesis.discovery import load_project, project_spec

    try:
        spec, root = project_spec(None, pytestconfig.rootpath)
    except ConfigError:
        return GateSettings()
    runtime.start(root)
    return load_project(spec, root).gate


@pytest.fixture(scope="session")
def manifest_gate(gate_settings: GateSettings) -> Gate:
    """A `Gate` with the library's CRDs and policies and `gate_settings` (the
    project's own, when it has a project), built once per session."""
    from . import gate

    return gate(gate_settings)
