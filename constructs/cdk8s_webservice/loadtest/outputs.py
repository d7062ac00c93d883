"""What `loadtest` asks of k6 besides its summary, and what `analyze` reads back:

- k6's JSON output (`--out json=<summary>.points.ndjson.gz`): the time series;
- k6's web-dashboard export (`K6_WEB_DASHBOARD=true`, `K6_WEB_DASHBOARD_EXPORT=
  <report>-k6.html`, its HTTP port off), where the k6 binary has it (v0.49 and later);
- the run record (`<summary>.run.json`, `runinfo.RunInfo`).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from .page import Context, dashboard_link
from .runinfo import beside
from .runinfo import load as load_run
from .timeseries import load as load_points

DASHBOARD_SINCE = (0, 49)
"""The first k6 with the web dashboard built in."""
_VERSION = re.compile(r"\bv?([0-9]+)\.([0-9]+)\.([0-9]+)")


def k6_version(k6: Path) -> tuple[int, int, int] | None:
    """`k6 version`'s number (None: it did not say)."""
    try:
        result = subprocess.run([str(k6), "version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = _VERSION.search(result.stdout)
    if result.returncode != 0 or match is None:
        return None
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def dashboard_export(report: Path) -> Path:
    """Where k6's web-dashboard export goes: beside the report, `<report>-k6.html`."""
    return report.with_name(f"{report.stem}-k6.html")


def dashboard_period(planned_seconds: float) -> str:
    """The dashboard's aggregation period: k6's 10 s, shorter for a short run (k6
    exports nothing for a run of fewer than a few periods): a 60th of the run, 1 s at least."""
    return f"{min(10, max(1, int(planned_seconds // 60)))}s"


def dashboard_env(export: Path, planned_seconds: float) -> dict[str, str]:
    """k6's environment for the export, its HTTP server off (port -1: a run never waits
    for a browser, and runs side by side do not compete for port 5665)."""
    return {
        **os.environ,
        "K6_WEB_DASHBOARD": "true",
        "K6_WEB_DASHBOARD_PORT": "-1",
        "K6_WEB_DASHBOARD_EXPORT": str(export),
        "K6_WEB_DASHBOARD_PERIOD": dashboard_period(planned_seconds),
    }


def context_beside(summary: Path, report: Path) -> Context:
    """The run record and time series found beside `summary`, and the dashboard link
    relative to `report`."""
    run_path, points_path = beside(summary)
    if not points_path.is_file() and points_path.with_suffix("").is_file():
        points_path = points_path.with_suffix("")  # written uncompressed
    run = load_run(run_path) if run_path.is_file() else None
    series = load_points(points_path) if points_path.is_file() else None
    return Context(
        run=run,
        run_name=run_path.name,
        series=series,
        points_name=points_path.name,
        dashboard=dashboard_link(report, run, run_path.parent),
    )
