"""The parts of the report beyond the verdict table: whether the run was aborted, what
it was (run metadata), k6's web-dashboard export, and the time series."""

from __future__ import annotations

import os
from dataclasses import dataclass
from html import escape
from pathlib import Path

from cdk8s_webservice.observability.slo import ServiceLevelObjectives

from .charts import BAD, FLAG, INFO, Line, time_chart
from .runinfo import RunInfo
from .samples import needed
from .summary import Summary
from .timeseries import QUANTILES, Series


@dataclass(frozen=True)
class Context:
    """What the report knows of the run besides k6's summary."""

    run: RunInfo | None
    """The run record (None: the summary came without one)."""
    run_name: str
    """The run record's file name (said when it is missing)."""
    series: Series | None
    points_name: str
    """k6's JSON output's file name (said when it is missing)."""
    dashboard: str | None
    """A link to k6's web-dashboard export, relative to the report (None: there is none)."""

    @property
    def abort_reason(self) -> str | None:
        if self.run is None:
            return None
        return self.run.abort_reason(self.series.duration if self.series and self.series.intervals else None)


def dashboard_link(report: Path, run: RunInfo | None, base: Path) -> str | None:
    """The export's path relative to the report's folder, if k6 wrote it (`base`: the
    folder a relative path in the run record is under)."""
    if run is None or run.dashboard is None:
        return None
    export = Path(run.dashboard)
    export = export if export.is_absolute() else base / export
    if not export.is_file():
        return None
    return Path(os.path.relpath(export, report.parent)).as_posix()


def banner(context: Context) -> str:
    reason = context.abort_reason
    if reason is None:
        return ""
    return (
        f'<p class="aborted">ABORTED: {escape(reason)}. The numbers below cover only the part that ran; '
        "they are not a measurement of the planned load.</p>"
    )


def dashboard_note(context: Context) -> str:
    """Beside the verdict: the link to k6's own report, or why there is none."""
    if context.dashboard is not None:
        href = escape(context.dashboard, quote=True)
        return f'<p>k6\'s own web-dashboard report of this run: <a href="{href}">{escape(context.dashboard)}</a>.</p>'
    if context.run is not None and context.run.dashboard is not None:
        return (
            "<p>k6 wrote no web-dashboard report for this run (k6 skips it for a run too short to chart: "
            "see its messages).</p>"
        )
    return ""


def _duration(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{seconds:.1f} s" if seconds < 60 else f"{seconds:.1f} s ({int(minutes)} min {rest:.0f} s)"


def metadata(context: Context, summary: Summary) -> str:
    """The run: target, scenario, virtual users, durations, start, revision."""
    run, series = context.run, context.series
    rows: list[tuple[str, str]] = []
    if run is None:
        rows.append(("run record", f"none ({context.run_name} not found beside the summary: `loadtest` writes it)"))
    else:
        rows += [
            ("target URL", run.url),
            ("scenario", f"{run.scenario} ({run.executor})"),
        ]
    vus = f"{run.vus} planned at most" if run is not None else ""
    most = max((i.vus for i in series.intervals if i.vus is not None), default=None) if series else None
    if most is not None:
        vus += f"{'; ' if vus else ''}{most:g} reached (k6's vus)"
    rows.append(("virtual users", vus or "unknown"))
    actual = series.duration if series is not None and series.intervals else None
    planned = f"{_duration(run.planned_seconds)} planned" if run is not None else "planned: unknown"
    ran = f"{_duration(actual)} of samples" if actual is not None else ""
    if run is not None:
        ran += f"{'; ' if ran else ''}k6 ran {_duration(run.wall_seconds)} (start to exit)"
    rows.append(("duration", f"{planned}; {ran or 'actual: unknown'}"))
    started = run.started if run is not None else ""
    if not started and series is not None and series.started is not None:
        started = f"{series.started.isoformat(timespec='seconds')} (the first sample)"
    rows.append(("started (UTC)", started or "unknown"))
    if run is not None:
        rows.append(("revision", run.revision))
        rows.append(("release recorded for the environment", run.release or "none"))
        rows.append(("k6 exit status", str(run.exit_code)))
    rows.append(("requests", f"{summary.total.requests} ({summary.total.rate:.1f} req/s)"))
    body = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    return f'<table class="run">{body}</table>'


def time_series(context: Context, slo: ServiceLevelObjectives) -> list[str]:
    """The time charts (latency percentiles, requests and errors per second), or a
    paragraph saying why there are none."""
    series = context.series
    if series is None:
        return [
            f"<p>No time series: k6's JSON output ({escape(context.points_name)}, "
            "<code>k6 run --out json=FILE</code>) was not found beside the summary.</p>"
        ]
    if not series.intervals:
        return [f"<p>No time series: {escape(context.points_name)} holds no HTTP samples.</p>"]
    times = [i.start for i in series.intervals]
    planned = context.run.planned_seconds if context.run is not None and context.abort_reason else None
    colours = {"p50": INFO, "p95": "#00897b", "p99": BAD}
    lines = []
    flagged_any = []
    for name, q in QUANTILES:
        flags = [bool(i.samples) and i.samples < needed(q) for i in series.intervals]
        if any(flags):
            flagged_any.append(f"{name} < {needed(q)}")
        lines.append(Line(name, colours[name], [i.latency.get(name) for i in series.intervals], flags))
    note = (
        f"Hollow points: fewer samples in the interval than the percentile needs ({', '.join(flagged_any)})."
        if flagged_any
        else ""
    )
    objective_ms = slo.latency_seconds * 1000
    latency = time_chart(
        "http_req_duration per interval (ms)",
        times,
        series.width,
        lines,
        unit="ms",
        log=True,
        limit=objective_ms,
        limit_label=f"objective {objective_ms:g} ms",
        note=note,
        planned=planned,
    )
    # Per second of what each interval covers; the last one, ending with the last
    # sample, may cover little: under half its width its rates are drawn hollow.
    covered = [max(i.seconds, 1e-3) for i in series.intervals]
    partial = [i.seconds < series.width / 2 for i in series.intervals]
    last = series.intervals[-1]
    rates = time_chart(
        "Requests and failed requests per second",
        times,
        series.width,
        [
            Line("requests/s", INFO, [i.requests / c for i, c in zip(series.intervals, covered, strict=True)], partial),
            Line("failed/s", BAD, [i.failed / c for i, c in zip(series.intervals, covered, strict=True)], partial),
        ],
        unit="per second",
        log=False,
        planned=planned,
        note=f"Hollow: the last interval covers only {last.seconds:.2f} s of {series.width:g} s."
        if partial[-1]
        else "",
    )
    charts = [latency, rates]
    if series.truncated:
        charts.append(
            f'<p style="color:{FLAG}">{escape(context.points_name)} ends inside a line (k6 stopped while '
            "writing it): that line is left out.</p>"
        )
    return charts
