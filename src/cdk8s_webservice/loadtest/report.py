"""The verdict as one self-contained HTML page: the table and inline SVG bar charts
(latency against the objective on a log axis, error rate against the budget,
throughput), for all requests and per endpoint; with a `page.Context`, what the run was,
whether it was aborted, k6's web-dashboard export and the time series. No script, no
stylesheet or font from elsewhere."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from cdk8s_webservice.observability.slo import ServiceLevelObjectives

from . import page
from .charts import log_bar_chart
from .samples import needed_for, note, too_few
from .summary import Row, Summary, quantile_key

_OK, _BAD, _INFO, _LIMIT, _FLAG = "#2e7d32", "#c62828", "#1565c0", "#ef6c00", "#6a1b9a"


def bar_chart(
    title: str, bars: Sequence[tuple[str, float, bool | None]], *, unit: str, limit: float | None, limit_label: str = ""
) -> str:
    """Horizontal bars (label, value, within the limit? None: not judged) and a dashed
    line at `limit`, as an inline SVG."""
    label_w, bar_w, row_h, top = 190, 460, 26, 34
    height = top + row_h * len(bars) + 30
    peak = max([v for _, v, _ in bars] + ([limit] if limit is not None else []) + [1e-9]) * 1.1

    def x(value: float) -> float:
        return label_w + bar_w * value / peak

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 120}" height="{height}" role="img" '
        f'aria-label="{escape(title)}">',
        f'<text x="0" y="18" font-weight="bold">{escape(title)}</text>',
    ]
    for i, (label, value, ok) in enumerate(bars):
        y = top + i * row_h
        colour = _INFO if ok is None else (_OK if ok else _BAD)
        out.append(f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end">{escape(label)}</text>')
        out.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{max(x(value) - label_w, 1):.1f}" height="{row_h - 8}" '
            f'fill="{colour}"><title>{escape(label)}: {value:.4g} {escape(unit)}</title></rect>'
        )
        out.append(f'<text x="{x(value) + 6:.1f}" y="{y + 16}">{value:.4g} {escape(unit)}</text>')
    if limit is not None:
        lx = x(limit)
        bottom = top + row_h * len(bars)
        out.append(
            f'<line x1="{lx:.1f}" y1="{top - 4}" x2="{lx:.1f}" y2="{bottom + 4}" stroke="{_LIMIT}" '
            'stroke-width="2" stroke-dasharray="6 4"/>'
        )
        out.append(
            f'<text x="{lx:.1f}" y="{bottom + 20}" text-anchor="middle" fill="{_LIMIT}">{escape(limit_label)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out)


def _table(rows: Sequence[Row]) -> str:
    head = "<tr><th>metric</th><th>objective</th><th>measured</th><th>verdict</th><th>margin</th></tr>"
    body = []
    for r in rows:
        cls = {"pass": "ok", "ok": "ok", "FAIL": "bad", "over": "warn"}.get(r.verdict, "info")
        body.append(
            f'<tr class="{cls}"><td>{escape(r.metric)}</td><td>{escape(r.objective)}</td><td>{escape(r.measured)}</td>'
            f"<td>{escape(r.verdict)}</td><td>{escape(r.margin)}</td></tr>"
        )
    return f"<table>{head}{''.join(body)}</table>"


def html_report(
    *,
    title: str,
    summary: Summary,
    rows: Sequence[Row],
    slo: ServiceLevelObjectives,
    source: str,
    context: page.Context | None = None,
) -> str:
    """The whole page."""
    q = quantile_key(slo)
    objective_ms = slo.latency_seconds * 1000
    stats: list[str] = [
        k for k in ("min", "med", "avg", "p(90)", "p(95)", "p(99)", "max") if k in summary.total.latency
    ]
    if q not in stats:
        stats.append(q)
    count = summary.total.requests
    latency_bars = [
        (
            k,
            summary.total.latency[k],
            (summary.total.latency[k] <= objective_ms) if k == q else None,
            note(k, count) if too_few(k, count) else "",
        )
        for k in stats
        if k in summary.total.latency
    ]
    charts = [
        log_bar_chart(
            f"Latency, all requests (ms): {q} against the objective",
            latency_bars,
            unit="ms",
            limit=objective_ms,
            limit_label=f"objective {q} <= {objective_ms:g} ms",
        ),
    ]
    groups = [("all requests", summary.total), *summary.endpoints.items()]
    charts.append(
        log_bar_chart(
            f"Latency {q} per endpoint (ms)",
            [
                (
                    n,
                    m.latency.get(q, 0.0),
                    m.latency.get(q, 0.0) <= objective_ms,
                    note(q, m.requests) if too_few(q, m.requests) else "",
                )
                for n, m in groups
            ],
            unit="ms",
            limit=objective_ms,
            limit_label=f"objective {objective_ms:g} ms",
        )
    )
    charts.append(
        bar_chart(
            "Error rate (%) against the error budget",
            [(n, m.failed * 100, m.failed <= slo.error_rate) for n, m in groups if m.failed is not None],
            unit="%",
            limit=slo.error_rate * 100,
            limit_label=f"budget {slo.error_rate * 100:g} %",
        )
    )
    charts.append(
        bar_chart("Throughput (requests/s)", [(n, m.rate, None) for n, m in groups], unit="req/s", limit=None)
    )
    failed = [r for r in rows if r.failed]
    verdict = (
        f'<p class="verdict bad">SLO breached: {escape(", ".join(r.metric for r in failed))}</p>'
        if failed
        else '<p class="verdict ok">Every SLO holds.</p>'
    )
    if too_few(q, count):
        verdict += (
            f'<p class="few">{q} rests on {count} requests, fewer than the {needed_for(q)} it needs: '
            "too few to trust, whatever its verdict (k6 reports about the slowest request).</p>"
        )
    if context is not None:
        verdict = (
            f"{page.banner(context)}\n{verdict}\n{page.dashboard_note(context)}\n{page.metadata(context, summary)}"
        )
        charts += page.time_series(context, slo)
    figures = "\n".join(f"<figure>{c}</figure>" for c in charts)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{escape(title)}</title>
<style>
body {{ font-family: sans-serif; margin: 2em; color: #212121; max-width: 62em; }}
table {{ border-collapse: collapse; margin: 1em 0; }}
th, td {{ border: 1px solid #bdbdbd; padding: 0.3em 0.7em; text-align: left; font-family: monospace; }}
tr.ok td:nth-child(4) {{ color: {_OK}; font-weight: bold; }}
tr.bad td {{ background: #ffebee; }}
tr.bad td:nth-child(4) {{ color: {_BAD}; font-weight: bold; }}
tr.warn td:nth-child(4) {{ color: {_LIMIT}; }}
.verdict {{ font-size: 1.2em; font-weight: bold; }}
.verdict.ok {{ color: {_OK}; }} .verdict.bad {{ color: {_BAD}; }}
figure {{ margin: 1.5em 0; }}
.aborted {{ font-size: 1.3em; font-weight: bold; color: white; background: {_BAD}; padding: 0.5em; }}
table.run th {{ background: #f5f5f5; }}
.few {{ color: {_FLAG}; font-weight: bold; }}
svg text {{ font-family: sans-serif; font-size: 13px; }}
</style>
</head>
<body>
<h1>{escape(title)}</h1>
{verdict}
<p>Objectives from the service's SLO: at most {slo.error_rate * 100:g} % of requests fail, {q} latency at most
{objective_ms:g} ms. {summary.total.requests} requests, {summary.total.rate:.1f} req/s. Source: <code>{escape(source)}</code>.
Rows per endpoint are informative; the service's rows decide.</p>
{_table(rows)}
{figures}
</body>
</html>
"""
