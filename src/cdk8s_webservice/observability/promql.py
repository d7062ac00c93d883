"""The PromQL the project writes: every alert, recording rule, canary check and
dashboard panel is built from these functions, so one objective is measured the
same way everywhere. Each is run by the real Prometheus engine in the test suite
(`tests/promql/`, `promtool test rules`).

Two rules hold for every ratio:
- **No failure is zero, not nothing.** Client libraries create a labelled counter
  such as `http_requests_total{status="503"}` only when the first 503 is served, so
  a healthy service has no error series at all. The error count is therefore
  `errors or total * 0`: zero where there were requests and none failed.
- **No traffic is nothing, not NaN.** A ratio over zero requests is left empty
  (`/ (total > 0)`), never `0/0 = NaN`: an alert does not fire on it, a dashboard
  shows a gap, and Flagger reports "no values found" (a failed check; releases of
  Flagger before NaN handling would have compared NaN, which passes every range).

Range windows come from the caller; `check_window` keeps them at four scrape
intervals or more (fewer samples than that and `rate` is empty or jumpy).
"""

from __future__ import annotations

import re

from cdk8s_webservice.core.errors import ConfigError

from .slo import ServiceLevelObjectives

_DURATION_PART = re.compile(r"([0-9]+)(ms|s|m|h|d|w|y)")
_UNIT_SECONDS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, "y": 31536000}
SAMPLES_PER_WINDOW = 4
"""A rate window spans at least this many scrape intervals (Prometheus' own advice)."""


def seconds(duration: str) -> float:
    """A Prometheus duration (`30s`, `1m30s`, `2h`) in seconds."""
    parts = _DURATION_PART.findall(duration)
    if not parts or "".join(n + u for n, u in parts) != duration:
        raise ValueError(duration)
    return sum(int(number) * _UNIT_SECONDS[unit] for number, unit in parts)


def duration(value: float) -> str:
    """Seconds as the shortest Prometheus duration (`120` -> `2m`)."""
    for unit in ("d", "h", "m", "s"):
        if value >= _UNIT_SECONDS[unit] and value % _UNIT_SECONDS[unit] == 0:
            return f"{int(value // _UNIT_SECONDS[unit])}{unit}"
    return f"{int(value * 1000)}ms"


def check_window(field: str, window: str, scrape_interval: str) -> None:
    """`window` spans at least `SAMPLES_PER_WINDOW` scrape intervals."""
    least = SAMPLES_PER_WINDOW * seconds(scrape_interval)
    if seconds(window) < least:
        raise ConfigError(
            field,
            window,
            f"a range of at least {duration(least)}: {SAMPLES_PER_WINDOW} scrapes of scraping.interval "
            f"{scrape_interval} (with fewer, rate() is empty or jumps)",
        )


def widened(window: str, scrape_interval: str) -> str:
    """`window`, or `SAMPLES_PER_WINDOW` scrape intervals where that is longer."""
    least = SAMPLES_PER_WINDOW * seconds(scrape_interval)
    return window if seconds(window) >= least else duration(least)


def selector(*matchers: str) -> str:
    return "{" + ", ".join(m for m in matchers if m) + "}"


def _sum(by: str | None) -> str:
    return f"sum by ({by}) " if by else "sum"


def request_rate(
    slo: ServiceLevelObjectives,
    matchers: str,
    *,
    by: str | None = "namespace",
    window: str | None = None,
    extra: str = "",
) -> str:
    """Requests a second (`matchers`: `job="x", namespace="y"`; `extra` narrows further)."""
    m = slo.metrics
    return f"{_sum(by)}(rate({m.requests_total}{selector(matchers, extra)}[{window or slo.window}]))"


def error_ratio(
    slo: ServiceLevelObjectives, matchers: str, *, by: str | None = "namespace", window: str | None = None
) -> str:
    """Share of requests that failed, 0 to 1: zero with no failure, empty with no request."""
    m = slo.metrics
    total = request_rate(slo, matchers, by=by, window=window)
    errors = request_rate(slo, matchers, by=by, window=window, extra=f'{m.status_label}=~"{m.error_status}"')
    return f"(\n  {errors}\n    or\n  {total} * 0\n)\n  /\n({total} > 0)"


def success_percent(slo: ServiceLevelObjectives, matchers: str, *, window: str) -> str:
    """Share of requests that did not fail, in percent (what Flagger's range is on)."""
    return f"100 * (1 - (\n{error_ratio(slo, matchers, by=None, window=window)}\n))"


def _le(seconds_: float) -> str:
    """A matcher for the bucket bound `seconds_` as either client writes it (`1` or `1.0`)."""
    text = f"{seconds_:g}"
    return f'le=~"{text}(\\\\.0)?"' if re.fullmatch(r"[0-9]+", text) else f'le="{text}"'


def slow_ratio(
    slo: ServiceLevelObjectives, matchers: str, *, by: str | None = "namespace", window: str | None = None
) -> str:
    """Share of requests slower than `slo.latency_seconds` (the bucket at that bound
    must exist in the histogram): zero when all were fast, empty with no request."""
    m, w = slo.metrics, window or slo.window
    total = f"{_sum(by)}(rate({m.duration_histogram}_count{selector(matchers)}[{w}]))"
    fast = f"{_sum(by)}(rate({m.duration_histogram}_bucket{selector(matchers, _le(slo.latency_seconds))}[{w}]))"
    return f"(\n  {total}\n    -\n  {fast}\n)\n  /\n({total} > 0)"


def latency_quantile(
    slo: ServiceLevelObjectives,
    matchers: str,
    quantile: float | None = None,
    *,
    by: str = "namespace, le",
    window: str | None = None,
) -> str:
    """The latency quantile in seconds (NaN with no request: only `>`-compared or drawn)."""
    q = slo.latency_quantile if quantile is None else quantile
    m = slo.metrics
    return (
        f"histogram_quantile({q:.2f},\n"
        f"  sum by ({by}) (rate({m.duration_histogram}_bucket{selector(matchers)}[{window or slo.window}]))\n)"
    )


def latency_quantile_with_traffic(slo: ServiceLevelObjectives, matchers: str, *, window: str) -> str:
    """`latency_quantile` over the whole selection, empty (not NaN) with no request."""
    m = slo.metrics
    traffic = f"sum(rate({m.duration_histogram}_count{selector(matchers)}[{window}])) > 0"
    return f"{latency_quantile(slo, matchers, by='le', window=window)}\n  and on ()\n({traffic})"


def container_usage_ratio(resource: str, matchers: str, window: str, *, by: str = "namespace, pod") -> str:
    """cAdvisor usage over the kube-state-metrics limit, per pod (`matchers` on `container`)."""
    usage = (
        f"sum by ({by}) (rate(container_cpu_usage_seconds_total{selector(matchers)}[{window}]))"
        if resource == "cpu"
        else f"sum by ({by}) (container_memory_working_set_bytes{selector(matchers)})"
    )
    resource_matcher = f'resource="{resource}"'
    limit = f"sum by ({by}) (kube_pod_container_resource_limits{selector(matchers, resource_matcher)})"
    return f"{usage}\n  /\n{limit}"


def restarts(slo: ServiceLevelObjectives, matchers: str) -> str:
    """Restarts seen within `slo.restart_window`, counted exactly: `increase()` would
    extrapolate to the window's edges (2 restarts read as 2.05 between unaligned
    scrapes and evaluations, and `> 2` fired). The counter only grows for a pod."""
    series = f"kube_pod_container_status_restarts_total{selector(matchers)}[{slo.restart_window}]"
    return f"(\n  max_over_time({series})\n    -\n  min_over_time({series})\n)"
