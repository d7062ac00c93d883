"""Service-level objectives: one typed value that alerts, dashboards, canary
analysis and load-test thresholds are all derived from.

`HttpMetrics` names the series the service exposes; `ServiceLevelObjectives`
says how good is good enough. The PromQL built from them (`promql`, `burn_rate`)
is the only place those two meet, so an alert, a dashboard panel and a canary
check of the same objective always measure the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.values import INT32_MAX, check_instance, check_int, check_number, check_str

_METRIC = re.compile(r"[a-zA-Z_:][a-zA-Z0-9_:]*")
_WINDOW = re.compile(r"[0-9]+(s|m|h)")
_PERIOD = re.compile(r"[0-9]+d")


def check_metric_name(field: str, value: object) -> str:
    """A Prometheus metric or label name."""
    if not isinstance(value, str) or not _METRIC.fullmatch(value):
        raise ConfigError(field, value, "a Prometheus metric or label name")
    return value


@public
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


@public
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
    availability_target: float | None = None
    """Share of requests that must succeed over `period` (e.g. 0.999); with it, the
    error budget (1 - target) gets multi-window, multi-burn-rate alerts and their
    recording rules (`burn_rate`). Default None: the plain `error_rate` alert only."""
    latency_target: float | None = None
    """Share of requests that must take at most `latency_seconds` over `period`
    (e.g. 0.99): burn-rate alerts on the slow share, like `availability_target`.
    `latency_seconds` must then be a bucket bound of the duration histogram."""
    period: str = "30d"
    """The SLO period the error budget is spent over (default 30d)."""

    def __post_init__(self) -> None:
        ratios = {
            "error_rate": "a ratio strictly between 0 and 1 (0.05 is 5 %)",
            "latency_quantile": "a ratio strictly between 0 and 1 (0.05 is 5 %)",
            "saturation": "a ratio strictly between 0 and 1 (0.05 is 5 %)",
            "availability_target": "a ratio strictly between 0 and 1 (0.999 is 99.9 %), or None",
            "latency_target": "a ratio strictly between 0 and 1 (0.999 is 99.9 %), or None",
        }
        for name, allowed in ratios.items():
            if getattr(self, name) is not None or not name.endswith("_target"):
                check_number(f"slo.{name}", getattr(self, name), allowed, minimum=0, maximum=1, exclusive=True)
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
        if not isinstance(self.period, str) or not _PERIOD.fullmatch(self.period) or int(self.period[:-1]) < 1:
            raise ConfigError("slo.period", self.period, "a whole number of days such as '30d' or '28d'")

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
