"""From charts to rendered files, grouped by environment."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .chart import EnvironmentChart
from .errors import ConfigError
from .rendering import render_files


def refuse_plain_secrets(environment: str, manifests: Iterable[dict[str, Any]]) -> None:
    """No Secret with data ever reaches git: secrets travel as SealedSecrets only."""
    for manifest in manifests:
        if manifest.get("kind") == "Secret" and ("data" in manifest or "stringData" in manifest):
            raise ConfigError(
                f"{environment}: Secret/{manifest['metadata']['name']}",
                "<data>",
                "a Secret with data or stringData is never rendered; use a SealedSecret (kubeseal)",
            )


def manifests_by_environment(charts: Iterable[EnvironmentChart]) -> dict[str, list[dict[str, Any]]]:
    """Every chart's synthesized objects, grouped under its profile's name."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for chart in charts:
        grouped.setdefault(chart.profile.name, []).extend(chart.to_json())
    return grouped


def render_environments(charts: Iterable[EnvironmentChart]) -> dict[str, dict[str, str]]:
    """Environment name -> file name -> YAML text, ready for `write_environments`."""
    rendered = {}
    for env, manifests in manifests_by_environment(charts).items():
        refuse_plain_secrets(env, manifests)
        rendered[env] = render_files(env, manifests)
    return rendered
