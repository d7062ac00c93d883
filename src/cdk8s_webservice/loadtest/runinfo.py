"""What a load-test run was: target, scenario, virtual users, planned and actual
duration, start, revision, k6's exit status; and whether it was aborted.

`cdk8s-webservice loadtest` writes it beside k6's summary (`<summary>.run.json`, see
`beside`) with k6's JSON output (`<summary>.points.ndjson.gz`); `analyze` reads both
when they are there (the JSON output uncompressed too, `<summary>.points.ndjson`), so the report of a summary is the same whichever command writes it.

A run is ABORTED when k6's exit status says it stopped before its end (`ABORT_CODES`:
a setup/teardown timeout, an engine error, Ctrl-C or a signal, a script exception,
`test.abort()`), or when k6 exited 99 (thresholds crossed: the same status whether
k6 stopped at once, `abortOnFail`, or judged at the end) and the run lasted clearly
less than planned (`SHORT`).
"""

from __future__ import annotations

import json
import math
import re
import subprocess
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cdk8s_webservice.core.errors import ConfigError

THRESHOLDS_CROSSED = 99
ABORT_CODES = {
    100: "setup() timed out",
    101: "teardown() timed out",
    102: "a timeout",
    103: "k6's engine failed",
    105: "interrupted (Ctrl-C or a signal)",
    107: "the script threw an exception",
    108: "the script called test.abort()",
}
"""k6's exit statuses (errext/exitcodes) of a run that stopped before its end."""


def short(planned: float, actual: float) -> bool:
    """Clearly shorter than planned: by more than 10 % and more than 2 s (k6's samples
    start after its first request and end before its last sleep)."""
    return planned - actual > max(2.0, planned * 0.1)


_UNIT = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}
_DURATION = re.compile(r"([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)")


def seconds(duration: str) -> float:
    """A k6 duration (`30s`, `1m30s`, `500ms`) in seconds."""
    parts = _DURATION.findall(duration)
    if not parts or "".join(n + u for n, u in parts) != duration:
        raise ConfigError("duration", duration, "a k6 duration such as '30s' or '1m30s'")
    return sum(float(n) * _UNIT[u] for n, u in parts)


def planned(scenario: dict[str, Any]) -> tuple[str, int, float]:
    """A k6 scenario's executor, most virtual users and planned seconds (without its
    graceful stop): `constant-vus` runs `vus` for `duration`, `ramping-vus` through its
    stages."""
    executor = str(scenario.get("executor", ""))
    if executor == "ramping-vus":
        stages = scenario.get("stages", [])
        vus = max([int(scenario.get("startVUs", 0))] + [int(s["target"]) for s in stages])
        return executor, vus, sum(seconds(str(s["duration"])) for s in stages)
    return executor, int(scenario.get("vus", 1)), seconds(str(scenario.get("duration", "0s")))


def revision(root: Path, release: str | None) -> str:
    """The project's git commit (`+ uncommitted changes` when its tracked files differ);
    else the environment's recorded release tag; else `unknown`."""
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10)
        if head.returncode == 0 and head.stdout.strip():
            dirty = subprocess.run(
                ["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                capture_output=True,
                text=True,
                timeout=30,
            )
            changed = " + uncommitted changes" if dirty.returncode == 0 and dirty.stdout.strip() else ""
            return f"git {head.stdout.strip()}{changed}"
    except (OSError, subprocess.TimeoutExpired):
        pass  # no git, or it hangs: the release tag says what it can
    return f"release {release} (no git checkout)" if release else "unknown"


@dataclass(frozen=True)
class RunInfo:
    """One run, as `loadtest` records it."""

    url: str
    scenario: str
    executor: str
    vus: int
    """The most virtual users the scenario plans."""
    planned_seconds: float
    started: str
    """When k6 was started: UTC, ISO 8601."""
    wall_seconds: float
    """How long k6 ran, start to exit (its initialisation and summary included)."""
    exit_code: int
    revision: str
    release: str | None = None
    """The environment's recorded (live) release tag."""
    dashboard: str | None = None
    """k6's web-dashboard export, as given to k6 (None: not asked for)."""

    def abort_reason(self, actual: float | None) -> str | None:
        """Why the run counts as aborted (None: it ran its course). `actual`: the
        seconds k6's samples span (None: unknown, k6's wall time is used)."""
        ran = self.wall_seconds if actual is None else actual
        if self.exit_code in ABORT_CODES:
            return f"k6 exited {self.exit_code}: {ABORT_CODES[self.exit_code]}, after {ran:.1f} of {self.planned_seconds:g} s"
        if self.exit_code == THRESHOLDS_CROSSED and short(self.planned_seconds, ran):
            return (
                f"k6 exited 99 after {ran:.1f} of {self.planned_seconds:g} s: a threshold with "
                "abortOnFail was crossed and k6 stopped the test"
            )
        return None

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=2, sort_keys=True) + "\n", encoding="utf-8")


def beside(summary: Path) -> tuple[Path, Path]:
    """The run record and k6's JSON output that belong with `summary` (gzip-compressed:
    k6 compresses a `.gz` name; a dozen lines of 300 bytes a request shrink 30 times)."""
    return summary.with_suffix(".run.json"), summary.with_suffix(".points.ndjson.gz")


def load(path: Path) -> RunInfo:
    """A run record; a file that is not one is a one-line `ConfigError`."""
    where = f"run record {path}"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
        raise ConfigError(where, type(error).__name__, "the JSON `loadtest` writes beside the summary") from None
    types: dict[str, tuple[type, ...]] = {
        "url": (str,),
        "scenario": (str,),
        "executor": (str,),
        "vus": (int,),
        "planned_seconds": (int, float),
        "started": (str,),
        "wall_seconds": (int, float),
        "exit_code": (int,),
        "revision": (str,),
        "release": (str, type(None)),
        "dashboard": (str, type(None)),
    }
    if not isinstance(data, dict):
        raise ConfigError(where, type(data).__name__, "a JSON object, as `loadtest` writes it")
    for key, allowed in types.items():
        value = data.get(key)
        if not isinstance(value, allowed) or isinstance(value, bool):
            raise ConfigError(f"{where}: {key}", value, "the value `loadtest` writes")
        if key.endswith("_seconds") and isinstance(value, (int, float)) and (not math.isfinite(value) or value < 0):
            raise ConfigError(f"{where}: {key}", value, "a finite number of seconds from 0")  # an int too: -5
        if key == "vus" and isinstance(value, int) and value < 0:
            raise ConfigError(f"{where}: {key}", value, "a number of virtual users from 0")
        if key == "started" and not (isinstance(value, str) and _is_utc_timestamp(value)):
            raise ConfigError(f"{where}: {key}", value, "a UTC time in ISO 8601, such as '2026-12-07T02:50:00Z'")
    fields: dict[str, Any] = {key: data.get(key) for key in types}
    return RunInfo(**fields)


def _is_utc_timestamp(value: str) -> bool:
    """An ISO 8601 time with a UTC offset, as `loadtest` writes `started`."""
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return parsed.utcoffset() is not None and parsed.utcoffset() == timedelta(0)
