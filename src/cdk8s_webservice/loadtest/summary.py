"""A k6 summary judged against the SLO: the verdict table of `cdk8s-webservice analyze`.

Reads both shapes k6 writes: `k6 run --summary-export FILE` (metric -> stats) and
the `data` of a `handleSummary` written as JSON (metric -> {type, values}). Submetrics
tagged `{endpoint:<name>}` (the generated scripts declare them) give the rows per
endpoint, which are shown but do not decide the exit status: the SLO is the service's.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cdk8s_webservice.core.errors import ConfigError, NotFound
from cdk8s_webservice.observability.slo import ServiceLevelObjectives

_ENDPOINT = re.compile(r"^(http_reqs|http_req_failed|http_req_duration)\{endpoint:([^}]+)\}$")
FOREIGN = "a k6 summary JSON (k6 run --summary-export FILE, or handleSummary's data) with http_reqs"


@dataclass(frozen=True)
class Measured:
    """What k6 measured for all requests, or for one endpoint's."""

    requests: int
    rate: float
    """Requests per second over the run."""
    failed: float | None
    """Share of requests k6 counted as failed (http_req_failed); None for an endpoint
    whose submetric k6 did not write (the whole's is required)."""
    latency: dict[str, float]
    """http_req_duration statistics in ms: avg, min, med, max, p(90), p(95), ..."""


@dataclass(frozen=True)
class Row:
    """One line of the verdict table."""

    metric: str
    objective: str
    measured: str
    verdict: str
    """`pass`, `FAIL` (the service's SLO) or `ok`/`over` (an endpoint's, informative), `info`."""
    margin: str
    endpoint: str | None = None

    @property
    def failed(self) -> bool:
        return self.verdict == "FAIL"


@dataclass(frozen=True)
class Summary:
    """A k6 summary: all requests, the checks' pass rate, and each tagged endpoint."""

    total: Measured
    checks: float | None
    endpoints: dict[str, Measured]


def _values(metric: Any) -> dict[str, Any]:
    if not isinstance(metric, dict):
        return {}
    values = metric.get("values", metric)
    return values if isinstance(values, dict) else {}


def _number(field: str, value: Any) -> float:
    """A measurement: finite and not negative (counts, rates per second, durations)."""
    try:
        ok = not isinstance(value, bool) and isinstance(value, (int, float)) and math.isfinite(value) and value >= 0
        number = float(value) if ok else math.nan
    except OverflowError:  # an int of hundreds of digits: no float holds it
        ok, number = False, math.nan
    if not ok:
        raise ConfigError(field, value, "a finite number from 0, as k6 writes it")
    return number


def _rate(values: dict[str, Any], field: str) -> float:
    """A share of requests or checks: from 0 to 1."""
    rate = _number(field, values["rate"] if "rate" in values else values.get("value"))  # handleSummary / export
    if rate > 1:
        raise ConfigError(field, rate, "a share from 0 to 1, as k6 writes it")
    return rate


def _failed(values: dict[str, Any], where: str) -> float | None:
    """The share of failed requests: the SLO's error rate is judged on it, so a summary
    without it is refused (not read as no failures); an endpoint's is shown only."""
    if "rate" not in values and "value" not in values:
        if where:
            return None
        raise ConfigError(
            f"{where}http_req_failed",
            "missing",
            "the share of failed requests (k6 writes http_req_failed for every HTTP run): "
            "the SLO's error rate cannot be judged without it",
        )
    return _rate(values, f"{where}http_req_failed")


def _measured(metrics: dict[str, Any], suffix: str, where: str) -> Measured | None:
    reqs = _values(metrics.get(f"http_reqs{suffix}"))
    if "count" not in reqs:
        return None
    failed = _values(metrics.get(f"http_req_failed{suffix}"))
    duration = _values(metrics.get(f"http_req_duration{suffix}"))
    count = _number(f"{where}http_reqs.count", reqs["count"])
    if count < 1 and not where:  # (an endpoint may see no request in a short run; the whole may not)
        raise ConfigError(f"{where}http_reqs.count", reqs["count"], "at least one request: nothing was measured")
    return Measured(
        requests=int(count),
        rate=_number(f"{where}http_reqs.rate", reqs.get("rate", 0)),
        failed=_failed(failed, where),
        latency={k: _number(f"{where}http_req_duration.{k}", v) for k, v in duration.items() if k != "thresholds"},
    )


def parse(data: Any, source: str = "summary") -> Summary:
    """A summary from k6's JSON; `ConfigError` (naming `source`) for anything else."""
    metrics = data.get("metrics") if isinstance(data, dict) else None
    if not isinstance(metrics, dict):
        raise ConfigError(source, "no 'metrics' object", FOREIGN)
    try:
        return _parse(metrics, source)
    except ConfigError as error:
        field = error.field if error.field.startswith(source) else f"{source}: {error.field}"
        raise ConfigError(field, error.value, error.allowed) from None


def _parse(metrics: dict[str, Any], source: str) -> Summary:
    total = _measured(metrics, "", "")
    if total is None:
        raise ConfigError(source, "no http_reqs count", FOREIGN)
    checks = _values(metrics.get("checks"))
    names = sorted({m.group(2) for key in metrics if (m := _ENDPOINT.match(key))})
    endpoints = {}
    for name in names:
        measured = _measured(metrics, f"{{endpoint:{name}}}", f"[{name}] ")
        if measured is not None:
            endpoints[name] = measured
    return Summary(total, _rate(checks, "checks") if checks else None, endpoints)


def load(path: Path) -> Summary:
    """Read and parse a summary file; every problem is a one-line `ConfigError`."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NotFound("summary", str(path), "does not exist", "a k6 summary JSON file (k6 --summary-export)") from None
    except UnicodeDecodeError:
        raise ConfigError("summary", str(path), "UTF-8 JSON text") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ConfigError("summary", f"{path}: {error.msg} at line {error.lineno}", "valid JSON") from None
    except ValueError:  # an integer of more than 4,300 digits
        raise ConfigError("summary", str(path), "a k6 summary (a number in it is too long)") from None
    except RecursionError:
        raise ConfigError("summary", str(path), "a k6 summary (this JSON is nested too deeply)") from None
    return parse(data, f"summary {path}")


def quantile_key(slo: ServiceLevelObjectives) -> str:
    return f"p({round(slo.latency_quantile * 100, 4):g})"


def _pct(value: float) -> str:
    return f"{value * 100:.2f} %"


def judge(summary: Summary, slo: ServiceLevelObjectives) -> list[Row]:
    """The verdict rows: the service's SLO first (these decide), then each endpoint's."""
    q = quantile_key(slo)
    if q not in summary.total.latency:
        raise ConfigError(
            "summary",
            f"no {q} of http_req_duration",
            f"a summary with the SLO's quantile (--summary-trend-stats with {q})",
        )
    budget_ms = slo.latency_seconds * 1000
    rows: list[Row] = []

    def judged(measured: Measured, endpoint: str | None) -> None:
        ok, bad = ("pass", "FAIL") if endpoint is None else ("ok", "over")
        tag = f" [{endpoint}]" if endpoint else ""
        no_requests = measured.requests == 0
        failed = measured.failed
        rows.append(
            Row(
                f"error rate{tag}",
                f"<= {_pct(slo.error_rate)}",
                "no requests" if no_requests else "not measured" if failed is None else _pct(failed),
                "info" if failed is None else ok if failed <= slo.error_rate and not no_requests else bad,
                "" if failed is None else f"{(slo.error_rate - failed) * 100:+.2f} pp",
                endpoint,
            )
        )
        latency = measured.latency.get(q)
        rows.append(
            Row(
                f"latency {q}{tag}",
                f"<= {budget_ms:g} ms",
                f"{latency:.1f} ms" if latency is not None else "not measured",
                ok if latency is not None and latency <= budget_ms and not no_requests else bad,
                f"{budget_ms - latency:+.1f} ms" if latency is not None else "",
                endpoint,
            )
        )

    judged(summary.total, None)
    if summary.checks is not None:
        success = 1 - slo.error_rate
        rows.append(
            Row(
                "checks (2xx)",
                f">= {_pct(success)}",
                _pct(summary.checks),
                "pass" if summary.checks >= success else "FAIL",
                f"{(summary.checks - success) * 100:+.2f} pp",
            )
        )
    rows.append(
        Row("throughput", "-", f"{summary.total.rate:.1f} req/s ({summary.total.requests} requests)", "info", "")
    )
    for name, measured in summary.endpoints.items():
        judged(measured, name)
        rows.append(
            Row(f"throughput [{name}]", "-", f"{measured.rate:.1f} req/s ({measured.requests})", "info", "", name)
        )
    return rows


def table(rows: list[Row]) -> str:
    """The rows as an aligned text table."""
    cells = [("metric", "objective", "measured", "verdict", "margin")]
    cells += [(r.metric, r.objective, r.measured, r.verdict, r.margin) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(5)]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells)
