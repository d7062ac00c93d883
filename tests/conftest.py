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
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode  # noqa: E402

from main import PROJECT  # noqa: E402

ENVS = ("development", "staging", "production")


@pytest.fixture(scope="session")
def rendered() -> dict[str, dict[str, str]]:
    """Folder -> file name -> text, exactly as `make synth` writes dist/."""
    return PROJECT.synthesize()


@pytest.fixture(scope="session")
def objects(rendered: dict[str, dict[str, str]]) -> dict[str, list[dict[str, Any]]]:
    """Folder (environments, argocd, ...) -> the objects parsed back from the YAML."""
    return {
        folder: [yaml.safe_load(text) for text in files.values()]
        for folder, files in rendered.items()
        if not folder.startswith("helm/")
    }


def find(objects: list[dict[str, Any]], kind: str, name: str) -> dict[str, Any]:
    matches = [o for o in objects if o["kind"] == kind and o["metadata"]["name"] == name]
    assert len(matches) == 1, f"expected one {kind}/{name}, found {len(matches)}"
    return matches[0]


def all_of(objects: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [o for o in objects if o["kind"] == kind]


def live_deployment(objects: list[dict[str, Any]]) -> dict[str, Any]:
    """The Deployment serving live traffic: the one the HPA scales."""
    target = find(objects, "HorizontalPodAutoscaler", "blacklist")["spec"]["scaleTargetRef"]["name"]
    return find(objects, "Deployment", target)


class YamlSnapshot(SingleFileSnapshotExtension):
    """One readable .yaml file per snapshot, so a change reads as a YAML diff."""

    _write_mode = WriteMode.TEXT
    file_extension = "yaml"


@pytest.fixture
def yaml_snapshot(snapshot: Any) -> Any:
    return snapshot.use_extension(YamlSnapshot)
