"""Shared fixtures: the blacklist app is synthesized once per test session."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
os.environ.setdefault("JSII_RUNTIME_PACKAGE_CACHE_ROOT", str(ROOT / ".cache" / "jsii"))
sys.path.insert(0, str(ROOT))  # the charts/ package and main.py

import pytest  # noqa: E402
import yaml  # noqa: E402
from cdk8s import App  # noqa: E402
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode  # noqa: E402

from cdk8s_webservice import render_environments  # noqa: E402
from charts.blacklist import BlacklistChart  # noqa: E402
from charts.environments import ENVIRONMENTS  # noqa: E402


@pytest.fixture(scope="session")
def rendered() -> dict[str, dict[str, str]]:
    """Environment -> file name -> YAML text, as `make synth` writes it."""
    app = App()
    return render_environments([BlacklistChart(app, profile) for profile in ENVIRONMENTS])


@pytest.fixture(scope="session")
def objects(rendered: dict[str, dict[str, str]]) -> dict[str, list[dict[str, Any]]]:
    """Environment -> the objects parsed back from the rendered YAML."""
    return {env: [yaml.safe_load(text) for text in files.values()] for env, files in rendered.items()}


def find(objects: list[dict[str, Any]], kind: str, name: str) -> dict[str, Any]:
    matches = [o for o in objects if o["kind"] == kind and o["metadata"]["name"] == name]
    assert len(matches) == 1, f"expected one {kind}/{name}, found {len(matches)}"
    return matches[0]


class YamlSnapshot(SingleFileSnapshotExtension):
    """One readable .yaml file per snapshot, so a change reads as a YAML diff."""

    _write_mode = WriteMode.TEXT
    file_extension = "yaml"


@pytest.fixture
def yaml_snapshot(snapshot: Any) -> Any:
    return snapshot.use_extension(YamlSnapshot)
