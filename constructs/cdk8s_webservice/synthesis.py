"""From charts to rendered files, grouped by environment."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .chart import EnvironmentChart
from .rendering import render_files


def manifests_by_environment(charts: Iterable[EnvironmentChart]) -> dict[str, list[dict[str, Any]]]:
    """Every chart's synthesized objects, grouped under its profile's name."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for chart in charts:
        grouped.setdefault(chart.profile.name, []).extend(chart.to_json())
    return grouped


def render_environments(charts: Iterable[EnvironmentChart]) -> dict[str, dict[str, str]]:
    """Environment name -> file name -> YAML text, ready for `write_environments`."""
    return {env: render_files(env, manifests) for env, manifests in manifests_by_environment(charts).items()}
