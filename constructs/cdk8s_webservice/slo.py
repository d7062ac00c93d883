"""Service-level objectives: one typed value that alerts, dashboards, canary
analysis and load-test thresholds are all derived from.

`HttpMetrics` names the series the service exposes; `ServiceLevelObjectives`
says how good is good enough. The PromQL built here is the only place those two
meet, so an alert, a dashboard panel and a canary check of the same objective
always measure the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import ConfigError
from .values import INT32_MAX, check_instance, check_int, check_number, check_str

_METRIC = re.compile(r"[a-zA-Z_:][a-zA-Z0-9_:]*")
_WINDOW = re.compile(r"[0-9]+(s|m|h)")


def check_metric_name(field: str, value: object) -> str:
    """A Prometheus metric or label name."""
    if not isinstance(value, str) or not _METRIC.fullmatch(value):
        raise ConfigError(field, value, "a Prometheus metric or label name")
    return value


@dataclass(frozen=True)
class HttpMetrics:
    """Names of the Prometheus series an HTTP service exposes (RED method)."""

    requests_total: str = "http_requests_total"
    """Counter of handled requests (or jobs), with the status label."""
    duration_histogram: str = "http_request_duration_seconds"
    """Histogram of request (or job) durations, in seconds."""
    status_label: str = "status"
    """Label of `requests_total` that carries the outcome."""
    error_status: str = "5.."
    """Regex on `status_label` that counts as a failed request."""
    error_description: str = "5xx"
    """How alerts and dashboards call a failure ("5xx", "failed job")."""

    def __post_init__(self) -> None:
        for name in ("requests_total", "duration_histogram", "status_label"):
            check_metric_name(f"metrics.{name}", getattr(self, name))
        # Both go into PromQL string literals and alert text.
        for name in ("error_status", "error_description"):
            value = check_str(f"metrics.{name}", getattr(self, name), "a non-empty string without '\"' or a line break")
            if '"' in value or "\n" in value:
                raise ConfigError(f"metrics.{name}", value, "a non-empty string without '\"' or a line break")


@dataclass(frozen=True)
class ServiceLevelObjectives:
    """How good the service must be, and how resource pressure is judged.

    Defaults: at most 5 % of requests fail, p95 latency at most 1 s, no more than
    2 restarts in 15 minutes, CPU and memory below 90 % of their limits.
    """

    error_rate: float = 0.05
    """Largest acceptable share of failed requests (default 0.05: 5 %)."""
    latency_quantile: float = 0.95
    """Quantile the latency objective is about (default 0.95)."""
    latency_seconds: float = 1.0
    """Largest acceptable latency at that quantile (default 1 s)."""
    window: str = "5m"
    """Range over which rates are computed."""
    restarts: int = 2
    """Restarts within `restart_window` that raise an alert (default more than 2)."""
    restart_window: str = "15m"
    """Window restarts are counted over (default 15m)."""
    saturation: float = 0.9
    """Share of a CPU or memory limit in use that raises an alert (default 0.9)."""
    metrics: HttpMetrics = field(default_factory=HttpMetrics)
    """The series the objectives are measured on."""
    runbook_base_url: str = "https://runbooks.example.com"
    """Base of each alert's runbook URL: `<runbook_base_url>/<alert-slug>`."""

    def __post_init__(self) -> None:
        for name in ("error_rate", "latency_quantile", "saturation"):
            check_number(
                f"slo.{name}",
                getattr(self, name),
                "a ratio strictly between 0 and 1 (0.05 is 5 %)",
                minimum=0,
                maximum=1,
                exclusive=True,
            )
        # nan or inf would render an alert `> inf` and a dashboard that is not JSON.
        check_number(
            "slo.latency_seconds",
            self.latency_seconds,
            "a finite number of seconds above 0 (0.25 is 250 ms)",
            minimum=0,
            exclusive=True,
        )
        for name in ("window", "restart_window"):
            value = getattr(self, name)
            if not isinstance(value, str) or not _WINDOW.fullmatch(value):
                raise ConfigError(f"slo.{name}", value, "a Prometheus range such as '5m'")
        check_int("slo.restarts", self.restarts, minimum=0, maximum=INT32_MAX)
        if not isinstance(self.runbook_base_url, str) or not self.runbook_base_url.startswith("https://"):
            raise ConfigError("slo.runbook_base_url", self.runbook_base_url, "an https:// URL")
        check_instance("slo.metrics", self.metrics, HttpMetrics)

    @property
    def success_rate_percent(self) -> float:
        """The minimum share of successful requests, in percent (99.0 for 1 %)."""
        return round(100 * (1 - self.error_rate), 4)

    @property
    def latency_milliseconds(self) -> int:
        return round(self.latency_seconds * 1000)

    @property
    def quantile_label(self) -> str:
        """`p95` for 0.95."""
        return f"p{round(self.latency_quantile * 100):d}"


def required(slo: object, environment: str, what: str) -> ServiceLevelObjectives:
    """The objectives `what` gates on; `ConfigError` naming the environment when there
    are none (there is no default objective: a canary or an alert on a guessed one
    passes or pages for the wrong reason)."""
    return check_instance(
        "slo",
        slo,
        ServiceLevelObjectives,
        f"environment {environment!r} has {what}, and there is no default objective to gate on: pass "
        "slo=ServiceLevelObjectives(error_rate=..., latency_seconds=...)",
    )


def _selector(job: str, extra: str = "") -> str:
    parts = [f'job="{job}"'] + ([extra] if extra else [])
    return "{" + ", ".join(parts) + "}"


def request_rate(
    slo: ServiceLevelObjectives, job: str, by: str | None = "namespace", extra: str = "", window: str | None = None
) -> str:
    m = slo.metrics
    grouping = f"sum by ({by}) " if by else "sum"
    return f"{grouping}(rate({m.requests_total}{_selector(job, extra)}[{window or slo.window}]))"


def error_ratio(
    slo: ServiceLevelObjectives, job: str, extra: str = "", by: str | None = "namespace", window: str | None = None
) -> str:
    m = slo.metrics
    errors = ", ".join(filter(None, [extra, f'{m.status_label}=~"{m.error_status}"']))
    numerator = request_rate(slo, job, by=by, extra=errors, window=window)
    return f"{numerator}\n  /\n{request_rate(slo, job, by=by, extra=extra, window=window)}"


def latency_quantile(
    slo: ServiceLevelObjectives,
    job: str,
    quantile: float | None = None,
    extra: str = "",
    by: str = "namespace, le",
    window: str | None = None,
) -> str:
    q = slo.latency_quantile if quantile is None else quantile
    m = slo.metrics
    return (
        f"histogram_quantile({q:.2f},\n"
        f"  sum by ({by}) (rate({m.duration_histogram}_bucket{_selector(job, extra)}[{window or slo.window}]))\n)"
    )


def container_usage_ratio(resource: str, container: str, window: str) -> str:
    usage = (
        f'sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{{container="{container}"}}[{window}]))'
        if resource == "cpu"
        else f'sum by (namespace, pod) (container_memory_working_set_bytes{{container="{container}"}})'
    )
    limit = f'sum by (namespace, pod) (kube_pod_container_resource_limits{{container="{container}", resource="{resource}"}})'
    return f"{usage}\n  /\n{limit}"


def restarts(slo: ServiceLevelObjectives, container: str) -> str:
    return f'increase(kube_pod_container_status_restarts_total{{container="{container}"}}[{slo.restart_window}])'
