"""Chaos experiments as data: what a scheduled Chaos Mesh experiment may do, and when.

An `EnvironmentProfile` declares `chaos_experiments` (none by default); `WebService`
renders each as a Chaos Mesh `Schedule` (`chaos_schedule.ChaosSchedule`) that targets
only the service's own pods in its own namespace. The rules here are pure (no Node.js),
so the profile, the construct and the gate (`gate/chaos.py`) share them:

- a duration of at most `MAX_DURATION_SECONDS` (10 minutes);
- a five-field cron schedule inside working hours, Monday to Friday 09:00-17:00 in a
  stated IANA time zone (rendered `CRON_TZ=<zone> <cron>`, which Chaos Mesh's cron
  parser reads), with the last run ending by 17:00;
- at most half of the pods (`one`, `fixed` up to half the minimum replicas,
  `fixed-percent` up to `MAX_PERCENT`);
- never in production unless the experiment says `allow_in_production=True`.

Over 250 lines on purpose: the experiment kinds, their bounds and the checks of a
profile's experiments are one set of rules, read together (and by the gate).
"""

from __future__ import annotations

import enum
import re
import zoneinfo
from dataclasses import dataclass
from typing import Any

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.names import check_dns_label
from cdk8s_webservice.core.values import check_bool, check_int, check_str

MAX_DURATION_SECONDS = 600
"""The longest an experiment may run (10 minutes)."""
MAX_PERCENT = 50
"""`fixed-percent` targets at most this share of the pods."""
WORK_DAYS = frozenset(range(1, 6))
"""Cron day-of-week numbers of Monday to Friday."""
WORK_START_HOUR, WORK_END_HOUR = 9, 17
PRODUCTION_ENVIRONMENTS = frozenset({"production", "prod"})
"""Environment names where an experiment needs `allow_in_production=True`."""
STEADY_STATE_ANNOTATION = "chaos.cdk8s-webservice/steady-state-alerts"
"""On each Schedule: the service's SLO alerts (PrometheusRule) that must stay quiet
while the experiment runs; one firing means the hypothesis failed."""
SCHEDULE_TYPES = {"PodChaos": "podChaos", "NetworkChaos": "networkChaos", "StressChaos": "stressChaos"}
"""The kinds a Schedule may run, and the spec field that holds each."""

_DURATION = re.compile(r"(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?")
_LATENCY = re.compile(r"\d{1,4}(?:ms|s)")
_DAY_NAMES = {"sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6}


class ChaosMode(enum.Enum):
    """How many of the selected pods an experiment hits."""

    ONE = "one"
    """One pod, picked at random."""
    FIXED = "fixed"
    """`value` pods (at most half the environment's minimum replicas)."""
    FIXED_PERCENT = "fixed-percent"
    """`value` percent of the pods (1-50)."""


def duration_seconds(field_name: str, value: object) -> int:
    """Seconds of a Go duration such as `30s`, `5m` or `1m30s`; refused above 10 minutes."""
    match = _DURATION.fullmatch(value) if isinstance(value, str) and value else None
    if match is None or not any(match.groups()):
        raise ConfigError(field_name, value, "a duration such as '30s', '5m' or '1m30s'")
    hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    total = hours * 3600 + minutes * 60 + seconds
    if not 0 < total <= MAX_DURATION_SECONDS:
        raise ConfigError(field_name, value, f"a duration above 0 and at most {MAX_DURATION_SECONDS // 60}m")
    return total


def _expand(field_name: str, cron: str, part: str, low: int, high: int, names: dict[str, int]) -> set[int]:
    values: set[int] = set()
    for item in part.split(","):
        base, _, step_text = item.partition("/")
        step = int(step_text) if step_text.isdigit() and int(step_text) > 0 else None
        if step_text and step is None:
            raise ConfigError(field_name, cron, f"a step is a positive number ({item!r})")
        if base == "*":
            first, last = low, high
        else:
            first_text, _, last_text = base.partition("-")
            bounds = [
                names.get(t.lower(), int(t) if t.isdigit() else -1) for t in (first_text, last_text or first_text)
            ]
            first, last = bounds
            if step is not None and not last_text:
                last = high  # `a/n` is `a-<max>/n`, as the cron parser reads it
            if not low <= first <= last <= high:
                raise ConfigError(field_name, cron, f"{item!r} is not within {low}-{high}")
        values.update(range(first, last + 1, step or 1))
    return values


def check_schedule(field_name: str, cron: object, time_zone: object, duration: int) -> str:
    """The Schedule's `spec.schedule` (`CRON_TZ=<zone> <cron>`) for a cron inside working
    hours in `time_zone`, or ConfigError naming `field_name`."""
    if not isinstance(time_zone, str) or not time_zone:
        raise ConfigError(f"{field_name}.time_zone", time_zone, "an IANA time zone such as 'Europe/Berlin' or 'UTC'")
    try:
        zoneinfo.ZoneInfo(time_zone)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        raise ConfigError(
            f"{field_name}.time_zone", time_zone, "an IANA time zone such as 'Europe/Berlin' or 'UTC'"
        ) from None
    where = f"{field_name}.schedule"
    parts = cron.split() if isinstance(cron, str) else []
    if len(parts) != 5:
        raise ConfigError(where, cron, "five cron fields: minute hour day-of-month month day-of-week")
    text = " ".join(parts)
    minute, hour, day, month, weekday = parts
    if day != "*" or month != "*":
        raise ConfigError(where, cron, "day of month and month '*': experiments run on working days, every week")
    try:
        minutes = _expand(where, text, minute, 0, 59, {})
        hours = _expand(where, text, hour, 0, 23, {})
        days = {d % 7 for d in _expand(where, text, weekday, 0, 7, _DAY_NAMES)}
    except ConfigError:
        raise
    except ValueError:
        raise ConfigError(where, cron, "numbers, ranges (a-b), lists (a,b) and steps (/n) only") from None
    if not days <= WORK_DAYS:
        raise ConfigError(where, cron, "days of week within Monday-Friday (1-5)")
    end = max(hours) * 60 + max(minutes) + -(-duration // 60)
    if min(hours) < WORK_START_HOUR or end > WORK_END_HOUR * 60:
        raise ConfigError(
            where,
            cron,
            f"runs that start at {WORK_START_HOUR:02}:00 or later and end by {WORK_END_HOUR:02}:00 "
            f"({time_zone}), the duration included",
        )
    return f"CRON_TZ={time_zone} {text}"


def split_schedule(schedule: str) -> tuple[str | None, str]:
    """(time zone or None, cron) of a rendered `spec.schedule`."""
    first, _, rest = schedule.strip().partition(" ")
    for prefix in ("CRON_TZ=", "TZ="):
        if first.startswith(prefix):
            return first.removeprefix(prefix), rest.strip()
    return None, schedule.strip()


@public
@dataclass(frozen=True, kw_only=True)
class ChaosExperiment:
    """What every experiment has: a name, a working-hours schedule, a duration and how
    many pods it hits. Use a kind: `PodKillExperiment`, `NetworkDelayExperiment`,
    `CpuStressExperiment`."""

    name: str
    """DNS label; the Schedule is `<service>-<name>`."""
    schedule: str
    """Five-field cron (`0 10 * * 2`): Monday-Friday, starting 09:00 or later, ending
    (with `duration`) by 17:00 in `time_zone`; day of month and month `*`."""
    time_zone: str = "UTC"
    """IANA time zone the schedule is read in (`Europe/Berlin`)."""
    duration: str = "5m"
    """How long each run lasts (`30s`, `5m`; at most 10m)."""
    mode: ChaosMode = ChaosMode.ONE
    """How many of the service's pods each run hits."""
    value: int | None = None
    """Pods (`FIXED`) or percent (`FIXED_PERCENT`); None with `ONE`."""
    allow_in_production: bool = False
    """Run in a production environment too (refused there otherwise)."""

    KIND = ""
    ACTION = ""

    def __post_init__(self) -> None:
        check_dns_label("chaos_experiments.name", self.name)
        where = f"chaos_experiments.{self.name}"
        if not isinstance(self.mode, ChaosMode):
            raise ConfigError(f"{where}.mode", self.mode, "a ChaosMode: ONE, FIXED or FIXED_PERCENT")
        if self.mode is ChaosMode.ONE:
            if self.value is not None:
                raise ConfigError(f"{where}.value", self.value, "None with ChaosMode.ONE")
        else:
            check_int(
                f"{where}.value",
                self.value,
                minimum=1,
                maximum=MAX_PERCENT if self.mode is ChaosMode.FIXED_PERCENT else 2**31 - 1,
            )
        seconds = duration_seconds(f"{where}.duration", self.duration)
        check_schedule(where, self.schedule, self.time_zone, seconds)
        check_bool(f"{where}.allow_in_production", self.allow_in_production)

    @property
    def cron(self) -> str:
        """`spec.schedule` of the Schedule."""
        return check_schedule(f"chaos_experiments.{self.name}", self.schedule, self.time_zone, self.seconds)

    @property
    def seconds(self) -> int:
        return duration_seconds(f"chaos_experiments.{self.name}.duration", self.duration)

    def action(self) -> dict[str, Any]:
        """The kind's own fields of the chaos spec (beyond selector, mode and duration)."""
        return {"action": self.ACTION}


@public
@dataclass(frozen=True, kw_only=True)
class PodKillExperiment(ChaosExperiment):
    """PodChaos `pod-kill`: the pods are deleted; their Deployment replaces them."""

    duration: str = "30s"
    """How long the experiment object stays (the kill itself is instant)."""

    KIND = "PodChaos"
    ACTION = "pod-kill"


@public
@dataclass(frozen=True, kw_only=True)
class NetworkDelayExperiment(ChaosExperiment):
    """NetworkChaos `delay`: the pods' traffic is delayed by `latency` (+- `jitter`)."""

    latency: str = "100ms"
    """Added delay (`100ms`, `1s`)."""
    jitter: str = "0ms"
    """Variation of the delay."""

    KIND = "NetworkChaos"
    ACTION = "delay"

    def __post_init__(self) -> None:
        super().__post_init__()
        for name in ("latency", "jitter"):
            value = getattr(self, name)
            check_str(f"chaos_experiments.{self.name}.{name}", value)
            if not _LATENCY.fullmatch(value):
                raise ConfigError(
                    f"chaos_experiments.{self.name}.{name}", value, "milliseconds or seconds: '100ms', '1s'"
                )

    def action(self) -> dict[str, Any]:
        return {"action": self.ACTION, "delay": {"latency": self.latency, "jitter": self.jitter}, "direction": "to"}


@public
@dataclass(frozen=True, kw_only=True)
class CpuStressExperiment(ChaosExperiment):
    """StressChaos CPU: `workers` stressors each load a CPU to `load` percent."""

    workers: int = 1
    """CPU stressors (1-8)."""
    load: int = 50
    """Percent of a CPU each stressor keeps busy (1-100)."""

    KIND = "StressChaos"

    def __post_init__(self) -> None:
        super().__post_init__()
        check_int(f"chaos_experiments.{self.name}.workers", self.workers, minimum=1, maximum=8)
        check_int(f"chaos_experiments.{self.name}.load", self.load, minimum=1, maximum=100)

    def action(self) -> dict[str, Any]:
        return {"stressors": {"cpu": {"workers": self.workers, "load": self.load}}}


def check_experiments(
    environment: str, experiments: object, *, min_replicas: int, alerting: bool
) -> tuple[ChaosExperiment, ...]:
    """The profile's experiments, checked against the environment: none in production
    without `allow_in_production`, alerting on (the steady state is its alerts), names
    unique, `FIXED` at most half of `min_replicas`."""
    field_name = f"{environment}.chaos_experiments"
    if isinstance(experiments, (str, bytes)) or not isinstance(experiments, (list, tuple)):
        raise ConfigError(field_name, experiments, "a sequence of chaos experiments")
    names: set[str] = set()
    for experiment in experiments:
        if not isinstance(experiment, ChaosExperiment) or type(experiment) is ChaosExperiment:
            raise ConfigError(
                field_name, experiment, "PodKillExperiment, NetworkDelayExperiment or CpuStressExperiment values"
            )
        where = f"{field_name}.{experiment.name}"
        if experiment.name in names:
            raise ConfigError(field_name, experiment.name, "each experiment name appears once")
        names.add(experiment.name)
        if environment in PRODUCTION_ENVIRONMENTS and not experiment.allow_in_production:
            raise ConfigError(
                "environment",
                environment,
                f"chaos experiment {experiment.name!r} is refused in production; "
                "set allow_in_production=True on it to run it here deliberately",
            )
        if not alerting:
            raise ConfigError(
                f"{environment}.alerting", alerting, f"True: {where} needs the SLO alerts as its steady state"
            )
        if experiment.mode is ChaosMode.FIXED and experiment.value is not None:
            most = max(1, min_replicas // 2)
            if experiment.value > most:
                raise ConfigError(
                    f"{where}.value", experiment.value, f"at most {most}: half of the minimum replicas ({min_replicas})"
                )
    return tuple(experiments)
