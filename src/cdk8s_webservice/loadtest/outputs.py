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
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .page import Context, dashboard_link
from .runinfo import RunInfo, beside, planned, revision
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


@dataclass(frozen=True)
class Outputs:
    """What one `loadtest` run asks of k6 besides its summary, and its record."""

    run_path: Path
    points: Path
    dashboard: Path | None
    """k6's web-dashboard export (None: this k6 has no dashboard)."""
    executor: str
    vus: int
    planned_seconds: float

    @classmethod
    def of(
        cls,
        k6: Path,
        scenarios: Mapping[str, Mapping[str, Any]],
        name: str,
        env: Mapping[str, str],
        summary: Path,
        report: Path,
    ) -> Outputs:
        """The outputs of a run of the script's scenario `name` (with `env`'s overrides,
        as the script reads them), each file an earlier run left removed (it would be
        read as this run's)."""
        run_path, points = beside(summary)
        export: Path | None = dashboard_export(report)
        for stale in (run_path, points, export):
            if stale is not None:
                stale.unlink(missing_ok=True)
        plan = dict(scenarios[name])
        if name == "smoke" and "VUS" in env:  # the script: `if (__ENV.VUS) SCENARIOS.smoke.vus = ...`
            plan["vus"] = int(env["VUS"])
        if name == "smoke" and "DURATION" in env:
            plan["duration"] = env["DURATION"]
        executor, vus, seconds = planned(plan)
        version = k6_version(k6)
        if version is None or version[:2] < DASHBOARD_SINCE:
            said = "v" + ".".join(map(str, version)) if version else "(its version unknown)"
            print(f"k6 {said} has no web dashboard (k6 0.49 and later): no export", flush=True)
            export = None
        return cls(run_path, points, export, executor, vus, seconds)

    @property
    def outputs(self) -> list[str]:
        """k6's `--out` values."""
        return [f"json={self.points}"]

    @property
    def process_env(self) -> dict[str, str] | None:
        """k6's environment (None: this process's)."""
        return None if self.dashboard is None else dashboard_env(self.dashboard, self.planned_seconds)

    def record(
        self, url: str, scenario: str, started: datetime, wall: float, code: int, root: Path, release: str | None
    ) -> None:
        """Write the run record (`root`: the project, whose git revision it names)."""
        RunInfo(
            url=url,
            scenario=scenario,
            executor=self.executor,
            vus=self.vus,
            planned_seconds=self.planned_seconds,
            started=started.isoformat(timespec="seconds"),
            wall_seconds=round(wall, 3),
            exit_code=code,
            revision=revision(root, release),
            release=release,
            dashboard=None if self.dashboard is None else os.path.relpath(self.dashboard, self.run_path.parent),
        ).save(self.run_path)
