"""When a percentile rests on too few samples to mean anything.

The rule: the `q` quantile needs at least `1 / (1 - q)` samples, enough that one sample
is expected above it: p50 2, p90 10, p95 20, p99 100, p99.9 1,000. Below that it is
(about) the slowest request, not a percentile. Such a value is still shown and still
judged (the SLO's row keeps its verdict), but flagged: in the table its `measured`
cell says `(N samples, fewer than M: too few)`, in the report the value is marked.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from .summary import Row, Summary

_KEY = re.compile(r"^p\(([0-9.]+)\)$")


def needed(q: float) -> int:
    """Samples the `q` quantile (0 < q < 1) needs: `1 / (1 - q)`, rounded up."""
    return math.ceil(1 / (1 - q) - 1e-9)


def needed_for(key: str) -> int | None:
    """Samples k6's `p(NN)` statistic needs; None for another (avg, min, max, med...)."""
    if key == "med":
        return needed(0.5)
    match = _KEY.match(key)
    if match is None:
        return None
    q = float(match.group(1)) / 100
    return needed(q) if 0 < q < 1 else None


def too_few(key: str, samples: int) -> bool:
    least = needed_for(key)
    return least is not None and samples < least


def note(key: str, samples: int) -> str:
    """What the report and the table say of a flagged percentile."""
    return f"{samples} samples, fewer than {needed_for(key)}: too few"


def flag_rows(rows: list[Row], summary: Summary, q: str) -> list[Row]:
    """The verdict rows with each latency row whose percentile rests on too few
    requests flagged in its `measured` cell (every http request is one sample)."""
    flagged = []
    for row in rows:
        measured = summary.total if row.endpoint is None else summary.endpoints.get(row.endpoint)
        if row.metric.startswith(f"latency {q}") and measured is not None and too_few(q, measured.requests):
            row = replace(row, measured=f"{row.measured} ({note(q, measured.requests)})")
        flagged.append(row)
    return flagged
