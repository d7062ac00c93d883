"""Inline SVG charts of the report with a scale that suits the numbers: latency bars on
a logarithmic axis (2 ms and 1,000 ms both readable), and time series (latency
percentiles on a logarithmic axis, requests and errors per second on a linear one).
No script, no stylesheet or font from elsewhere."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

OK, BAD, INFO, LIMIT, FLAG = "#2e7d32", "#c62828", "#1565c0", "#ef6c00", "#6a1b9a"
_DOTTED, _DASHED = ' stroke-dasharray="2 3"', ' stroke-dasharray="4 3"'


def _decades(low: float, high: float) -> tuple[float, float]:
    """The powers of ten around [low, high] (low > 0)."""
    return 10 ** math.floor(math.log10(low) + 1e-9), 10 ** math.ceil(math.log10(high) - 1e-9)


def log_ticks(low: float, high: float) -> list[float]:
    """Each power of ten from `low` to `high` (themselves powers of ten), and 2 and 5
    times each where there are at most three decades (else they crowd)."""
    decades = round(math.log10(high / low))
    multiples = (1, 2, 5) if decades <= 3 else (1,)
    ticks = []
    decade = low
    while decade <= high * 1.0001:
        ticks += [decade * m for m in multiples if decade * m <= high * 1.0001]
        decade *= 10
    return ticks


def _tick_label(value: float) -> str:
    return f"{value:g}" if value < 1e5 else f"{value:.0e}"


class LogScale:
    """Positions on a log axis from `low` to `high` (both > 0), `size` pixels long:
    from the power of ten below the least value to the one above the greatest, or,
    with `headroom`, to `headroom` x the greatest (a line at it stays clear of the frame)."""

    def __init__(
        self, values: Sequence[float], size: float, floor: float = 0.01, headroom: float | None = None
    ) -> None:
        positive = [max(v, floor) for v in values if v > 0] or [1.0]
        self.low, self.high = _decades(min(positive), max(positive))
        if headroom is not None:
            self.high = max(positive) * headroom
        if self.high <= self.low:
            self.high = self.low * 10
        self.size = size
        self.floor = floor

    def __call__(self, value: float) -> float:
        value = min(max(value, self.low), self.high)
        return self.size * math.log10(value / self.low) / math.log10(self.high / self.low)

    def ticks(self) -> list[float]:
        _, top = _decades(self.low, self.high)
        return [tick for tick in log_ticks(self.low, top) if tick <= self.high * 1.0001]


def log_bar_chart(
    title: str,
    bars: Sequence[tuple[str, float, bool | None, str]],
    *,
    unit: str,
    limit: float | None,
    limit_label: str = "",
) -> str:
    """Horizontal bars (label, value, within the limit? None: not judged, flag: a note
    when the value rests on too few samples, else "") on a logarithmic axis, with a
    dashed line at `limit`. A flagged bar is hatched and its value says why."""
    label_w, bar_w, row_h, top = 190, 460, 26, 34
    scale = LogScale([v for _, v, _, _ in bars] + ([limit] if limit is not None else []), bar_w)
    bottom = top + row_h * len(bars)
    pattern = "few-" + re.sub("[^a-z0-9]+", "-", title.lower()).strip("-")
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 230}" height="{bottom + 46}" '
        f'role="img" aria-label="{escape(title)}">',
        f'<defs><pattern id="{pattern}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="#e1bee7"/><line x1="0" y1="0" x2="0" y2="6" stroke="{FLAG}" '
        'stroke-width="3"/></pattern></defs>',
        f'<text x="0" y="18" font-weight="bold">{escape(title)}</text>',
    ]
    for tick in scale.ticks():
        tx = label_w + scale(tick)
        major = math.isclose(math.log10(tick), round(math.log10(tick)))
        dash = "" if major else _DOTTED
        out.append(f'<line x1="{tx:.1f}" y1="{top - 4}" x2="{tx:.1f}" y2="{bottom}" stroke="#e0e0e0"{dash}/>')
        out.append(
            f'<text x="{tx:.1f}" y="{bottom + 14}" text-anchor="middle" font-size="11">{_tick_label(tick)}</text>'
        )
    out.append(
        f'<text x="{label_w + bar_w / 2}" y="{bottom + 28}" text-anchor="middle" font-size="11">'
        f"{escape(unit)}, logarithmic scale</text>"
    )
    for i, (label, value, ok, flag) in enumerate(bars):
        y = top + i * row_h
        colour = INFO if ok is None else (OK if ok else BAD)
        width = max(scale(value), 1)
        note = f" ({flag})" if flag else ""
        out.append(f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end">{escape(label)}</text>')
        out.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{width:.1f}" height="{row_h - 8}" fill="{colour}">'
            f"<title>{escape(label)}: {value:.4g} {escape(unit)}{escape(note)}</title></rect>"
        )
        if flag:
            out.append(
                f'<rect x="{label_w}" y="{y + 3}" width="{width:.1f}" height="{row_h - 8}" fill="url(#{pattern})" '
                'fill-opacity="0.6"/>'
            )
        fill = f' fill="{FLAG}"' if flag else ""
        warning = f" ! {escape(flag)}" if flag else ""
        out.append(f'<text x="{label_w + width + 6:.1f}" y="{y + 16}"{fill}>{value:.4g} {escape(unit)}{warning}</text>')
    if limit is not None:
        lx = label_w + scale(limit)
        out.append(
            f'<line x1="{lx:.1f}" y1="{top - 4}" x2="{lx:.1f}" y2="{bottom + 4}" stroke="{LIMIT}" '
            'stroke-width="2" stroke-dasharray="6 4"/>'
        )
        out.append(f'<text x="{lx:.1f}" y="{top - 8}" text-anchor="middle" fill="{LIMIT}">{escape(limit_label)}</text>')
    out.append("</svg>")
    return "\n".join(out)


@dataclass(frozen=True)
class Line:
    """One series of a time chart: a value per interval (None: none in it), and which
    points are flagged (drawn hollow: too few samples)."""

    name: str
    colour: str
    values: Sequence[float | None]
    flagged: Sequence[bool] = ()
    dashed: bool = False


def time_chart(
    title: str,
    times: Sequence[float],
    width_seconds: float,
    lines: Sequence[Line],
    *,
    unit: str,
    log: bool,
    limit: float | None = None,
    limit_label: str = "",
    note: str = "",
    planned: float | None = None,
) -> str:
    """Lines over the run (x: seconds from its start), on a log or linear y axis.
    `planned`: the seconds the run was to last, when it stopped before (the axis runs
    to it, the part not run greyed out)."""
    left, plot_w, plot_h, top = 70, 640, 220, 46
    values = [v for line in lines for v in line.values if v is not None]
    ran = (times[-1] + width_seconds) if times else width_seconds
    span = max(ran, planned or 0.0)
    if log:
        scale = LogScale(values + ([limit] if limit is not None else []), plot_h, headroom=1.5)

        def y(value: float) -> float:
            return top + plot_h - scale(value)

        ticks = scale.ticks()
    else:
        peak = max(values + ([limit] if limit is not None else []) + [1e-9])
        step = _nice_step(peak / 4)
        high = step * math.ceil(peak / step)

        def y(value: float) -> float:
            return top + plot_h - plot_h * value / high

        ticks = [step * i for i in range(round(high / step) + 1)]

    def x(seconds: float) -> float:
        return left + plot_w * seconds / span

    bottom = top + plot_h
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + plot_w + 40}" height="{bottom + 62}" role="img" '
        f'aria-label="{escape(title)}">',
        f'<text x="0" y="18" font-weight="bold">{escape(title)}</text>',
    ]
    for tick in ticks:
        ty = y(tick)
        out.append(f'<line x1="{left}" y1="{ty:.1f}" x2="{left + plot_w}" y2="{ty:.1f}" stroke="#e0e0e0"/>')
        out.append(f'<text x="{left - 6}" y="{ty + 4:.1f}" text-anchor="end" font-size="11">{_tick_label(tick)}</text>')
    for tick in _time_ticks(span):
        tx = x(tick)
        out.append(f'<line x1="{tx:.1f}" y1="{bottom}" x2="{tx:.1f}" y2="{bottom + 4}" stroke="#757575"/>')
        out.append(f'<text x="{tx:.1f}" y="{bottom + 16}" text-anchor="middle" font-size="11">{tick:g}</text>')
    out.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#9e9e9e"/>')
    if planned is not None and planned > ran:
        out.append(
            f'<rect x="{x(ran):.1f}" y="{top}" width="{x(planned) - x(ran):.1f}" height="{plot_h}" fill="#eeeeee"/>'
        )
        out.append(
            f'<text x="{(x(ran) + x(planned)) / 2:.1f}" y="{top + plot_h / 2:.1f}" text-anchor="middle" fill="{BAD}">'
            f"aborted: not run ({planned:g} s planned)</text>"
        )
    axis = f"{unit}{', logarithmic scale' if log else ''}"
    out.append(
        f'<text x="{left + plot_w / 2}" y="{bottom + 32}" text-anchor="middle" font-size="11">'
        f"seconds from the start ({width_seconds:g} s intervals); y: {escape(axis)}</text>"
    )
    if limit is not None:
        ly = y(limit)
        out.append(
            f'<line x1="{left}" y1="{ly:.1f}" x2="{left + plot_w}" y2="{ly:.1f}" stroke="{LIMIT}" stroke-width="2" '
            'stroke-dasharray="6 4"/>'
        )
        out.append(
            f'<text x="{left + plot_w - 4}" y="{ly - 5:.1f}" text-anchor="end" fill="{LIMIT}">{escape(limit_label)}</text>'
        )
    legend_x = left
    for line in lines:
        dash = _DASHED if line.dashed else ""
        out.append(
            f'<line x1="{legend_x}" y1="32" x2="{legend_x + 18}" y2="32" stroke="{line.colour}" stroke-width="2"{dash}/>'
        )
        out.append(f'<text x="{legend_x + 22}" y="36">{escape(line.name)}</text>')
        legend_x += 40 + 8 * len(line.name)
        points = [
            (x(t + width_seconds / 2), y(v), bool(line.flagged[i]) if i < len(line.flagged) else False, v, t)
            for i, (t, v) in enumerate(zip(times, line.values, strict=True))
            if v is not None
        ]
        if points:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py, _, _, _ in points)
            out.append(f'<polyline points="{path}" fill="none" stroke="{line.colour}" stroke-width="1.5"{dash}/>')
        for px, py, flagged, value, t in points:
            fill = "white" if flagged else line.colour
            tip = f"{escape(line.name)} at {t:g} s: {value:.4g} {escape(unit)}{' (too few samples)' if flagged else ''}"
            out.append(
                f'<circle cx="{px:.1f}" cy="{py:.1f}" r="{3 if flagged else 2}" fill="{fill}" stroke="{line.colour}">'
                f"<title>{tip}</title></circle>"
            )
    if note:
        out.append(f'<text x="{left}" y="{bottom + 50}" font-size="11" fill="{FLAG}">{escape(note)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _nice_step(raw: float) -> float:
    """1, 2 or 5 x a power of ten, at least `raw`."""
    if raw <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    return float(next(m * power for m in (1, 2, 5, 10) if m * power >= raw - 1e-12))


def _time_ticks(span: float) -> list[float]:
    step = _nice_step(span / 8)
    return [step * i for i in range(int(span // step) + 1)]
