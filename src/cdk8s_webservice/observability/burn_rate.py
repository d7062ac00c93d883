"""Multi-window, multi-burn-rate alerts on an error budget (the Google SRE
workbook's method, as Sloth and Pyrra generate it).

An objective such as "99.9 % of requests succeed over 30 days" leaves an error
budget of 0.1 %. The budget burns at rate 1 when errors run at exactly 0.1 %.
Four alerts watch it, each a long window (is the budget really going?) and a
short one (is it still going now, so the alert resolves soon after a fix):

| severity | long | short | budget spent | burn rate (30d) |
|---|---|---|---|---|
| critical (page) | 1h | 5m | 2 % | 14.4 |
| critical (page) | 6h | 30m | 5 % | 6 |
| warning (ticket) | 1d | 2h | 10 % | 3 |
| warning (ticket) | 3d | 6h | 10 % | 1 |

The burn rate is `budget spent * period / long window`, so another period keeps
the same budget shares. Recording rules `slo:sli_error:ratio_rate<window>` (label
`slo`) hold each window's error ratio; the alerts compare them.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import promql
from .slo import ServiceLevelObjectives


@dataclass(frozen=True)
class RecordingRule:
    """One recording rule, before it becomes PrometheusRule YAML."""

    record: str
    """Name of the recorded series."""
    expr: str
    """PromQL whose result is recorded."""
    labels: tuple[tuple[str, str], ...]
    """Labels added to the recorded series."""


@dataclass(frozen=True)
class BurnWindow:
    long: str
    short: str
    budget_share: float
    severity: str


WINDOWS = (
    BurnWindow("1h", "5m", 0.02, "critical"),
    BurnWindow("6h", "30m", 0.05, "critical"),
    BurnWindow("1d", "2h", 0.10, "warning"),
    BurnWindow("3d", "6h", 0.10, "warning"),
)
RECORD = "slo:sli_error:ratio_rate{window}"


def burn_factor(window: BurnWindow, period: str) -> float:
    """How many times faster than the budget allows (14.4 for 2 % of 30 days in 1 hour)."""
    return round(window.budget_share * promql.seconds(period) / promql.seconds(window.long), 4)


def recorded_windows() -> list[str]:
    """Every window a rule reads, shortest first."""
    windows = {w for burn in WINDOWS for w in (burn.long, burn.short)}
    return sorted(windows, key=promql.seconds)


@dataclass(frozen=True)
class Objective:
    """One objective with a budget: `availability` (failed requests) or `latency`
    (requests slower than the SLO's latency)."""

    kind: str
    target: float

    @property
    def budget(self) -> float:
        return round(1 - self.target, 10)


def objectives(slo: ServiceLevelObjectives) -> list[Objective]:
    """The objectives of `slo` that carry a target, availability first."""
    pairs = (("availability", slo.availability_target), ("latency", slo.latency_target))
    return [Objective(kind, target) for kind, target in pairs if target is not None]


def recording_rules(slo: ServiceLevelObjectives, slo_name: str, matchers: str) -> list[RecordingRule]:
    """The error ratio of one objective over every window the alerts read."""
    objective = next(o for o in objectives(slo) if slo_name.endswith(f"-{o.kind}"))
    ratio = promql.error_ratio if objective.kind == "availability" else promql.slow_ratio
    return [
        RecordingRule(RECORD.format(window=window), ratio(slo, matchers, window=window) + "\n", (("slo", slo_name),))
        for window in recorded_windows()
    ]


def burn_condition(
    slo: ServiceLevelObjectives, objective: Objective, slo_name: str, namespace: str, severity: str
) -> str:
    """True while any window pair of `severity` burns faster than its rate."""
    scope = f'{{slo="{slo_name}", namespace="{namespace}"}}'
    pairs = []
    for window in (w for w in WINDOWS if w.severity == severity):
        limit = f"({burn_factor(window, slo.period):g} * {objective.budget:g})"
        pairs.append(
            f"(\n  {RECORD.format(window=window.long)}{scope} > {limit}\n    and\n"
            f"  {RECORD.format(window=window.short)}{scope} > {limit}\n)"
        )
    return "\n  or\n".join(pairs) + "\n"
