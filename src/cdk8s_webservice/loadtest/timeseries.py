"""k6's JSON output (`k6 run --out json=FILE`) read into time series: per interval,
http_req_duration p50/p95/p99, requests and failed requests, and the virtual users.

k6 writes one JSON object a line: `{"type": "Metric", ...}` once per metric, then
`{"type": "Point", "metric": NAME, "data": {"time": RFC 3339, "value": V, "tags": {...}}}`
for every sample. The file grows with the run (a dozen lines a request), so it is read
a line at a time, and what is kept is bounded whatever its size:

- intervals start at the first sample and are 1 s wide; while the run spans more than
  `MAX_INTERVALS` of them, their width doubles (neighbours merge), so a 30 s run has
  1 s intervals and a three-hour run 64 s ones;
- each interval keeps its durations as a histogram of logarithmic bins 1 % wide, not
  the samples: a percentile read from it is within 1 % of the sample's (k6's own
  whole-run percentiles, in the summary, are exact).

A truncated last line (k6 stopped while writing) is skipped and counted; any other line
that is not one of k6's objects is a `ConfigError` naming the file and the line.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cdk8s_webservice.core.errors import ConfigError, NotFound

MAX_INTERVALS = 240
"""The most intervals a series keeps (a chart's width in points)."""
QUANTILES = (("p50", 0.50), ("p95", 0.95), ("p99", 0.99))
_GROWTH = 1.01
_LOG_GROWTH = math.log(_GROWTH)
_ZERO_BIN = -(10**6)
"""The bin of a duration of 0 ms (below any logarithmic bin)."""
_WANTED = (b"http_req_duration", b"http_reqs", b"http_req_failed", b'"vus"')
"""What a line of a metric read here contains (the others are not parsed at all)."""
_READ = frozenset({b"http_req_duration", b"http_reqs", b"http_req_failed", b"vus"})
_LEADING_METRIC = re.compile(rb'\{\s*"metric"\s*:\s*"([^"\\]*)"')
"""How k6 starts a Point's line: its metric's name, read without parsing the line."""
FOREIGN = "k6's JSON output (k6 run --out json=FILE): one JSON object a line"


@dataclass
class _Bucket:
    bins: dict[int, int] = field(default_factory=dict)
    samples: int = 0
    requests: int = 0
    failed: int = 0
    vus: float | None = None

    def merge(self, other: _Bucket) -> None:
        for key, count in other.bins.items():
            self.bins[key] = self.bins.get(key, 0) + count
        self.samples += other.samples
        self.requests += other.requests
        self.failed += other.failed
        if other.vus is not None:
            self.vus = other.vus if self.vus is None else max(self.vus, other.vus)


@dataclass(frozen=True)
class Interval:
    """One interval of the run."""

    start: float
    """Seconds from the start of the first interval."""
    seconds: float
    """How much of the run it covers: its width, but for the last, which ends with the
    last sample."""
    samples: int
    """http_req_duration samples in it (the percentiles rest on these)."""
    latency: dict[str, float]
    """p50, p95, p99 of http_req_duration in ms (empty without samples)."""
    requests: int
    failed: int
    """Requests k6 counted as failed (http_req_failed)."""
    vus: float | None
    """The most virtual users k6 reported in it (None: no report)."""


@dataclass(frozen=True)
class Series:
    """A run's time series."""

    width: float
    """Seconds per interval."""
    started: datetime | None
    """The first sample's time (UTC); None for a file without samples."""
    duration: float
    """Seconds from the first sample to the last."""
    intervals: tuple[Interval, ...]
    truncated: int = 0
    """Lines skipped because the file ends inside one (0 or 1)."""


def _bin(value: float) -> int:
    if value <= 0:
        return _ZERO_BIN
    return math.floor(math.log(value) / _LOG_GROWTH)


def _bin_value(key: int) -> float:
    """The middle of a bin (geometrically): within 0.5 % of any duration in it."""
    return 0.0 if key == _ZERO_BIN else _GROWTH ** (key + 0.5)


def quantile(bins: dict[int, int], q: float) -> float:
    """The `q` quantile of the durations in `bins` (the sample of rank ceil(q x n))."""
    total = sum(bins.values())
    rank = max(1, math.ceil(q * total - 1e-9))
    seen = 0
    for key in sorted(bins):
        seen += bins[key]
        if seen >= rank:
            return _bin_value(key)
    raise ValueError("no samples")


def _time(value: Any, where: str) -> float:
    if not isinstance(value, str):
        raise ConfigError(where, value, "an RFC 3339 time, as k6 writes a sample's")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ConfigError(where, value, "an RFC 3339 time, as k6 writes a sample's") from None
    if moment.tzinfo is None:
        raise ConfigError(where, value, "a time with its offset (k6 writes Z or +hh:mm)")
    return moment.timestamp()


def _value(value: Any, where: str) -> float:
    ok = not isinstance(value, bool) and isinstance(value, (int, float)) and math.isfinite(value) and value >= 0
    if not ok:
        raise ConfigError(where, value, "a finite number from 0, as k6 writes a sample's value")
    return float(value)


def _span(keys: Iterable[int]) -> int:
    ordered = sorted(keys)
    return ordered[-1] - ordered[0] + 1 if ordered else 0


class _Reader:
    def __init__(self) -> None:
        self.width = 1
        self.buckets: dict[int, _Bucket] = {}
        self.first: float | None = None
        self.last: float | None = None
        self.origin: float | None = None
        """The first sample read (intervals count from it; k6 writes samples in about
        their order, an earlier one falls in an interval before)."""

    def add(self, metric: str, moment: float, value: float) -> None:
        self.first = moment if self.first is None else min(self.first, moment)
        self.last = moment if self.last is None else max(self.last, moment)
        if self.origin is None:
            self.origin = moment
        key = math.floor((moment - self.origin) / self.width)
        bucket = self.buckets.get(key)
        if bucket is None:
            bucket = self.buckets[key] = _Bucket()
            if _span(self.buckets) > MAX_INTERVALS:  # (the intervals between, empty, count too)
                self._widen()
                bucket = self.buckets.setdefault(math.floor((moment - self.origin) / self.width), _Bucket())
        if metric == "http_req_duration":
            bin_key = _bin(value)
            bucket.bins[bin_key] = bucket.bins.get(bin_key, 0) + 1
            bucket.samples += 1
        elif metric == "http_reqs":
            bucket.requests += round(value)
        elif metric == "http_req_failed":
            bucket.failed += 1 if value else 0
        else:  # vus
            bucket.vus = value if bucket.vus is None else max(bucket.vus, value)

    def _widen(self) -> None:
        while _span(self.buckets) > MAX_INTERVALS:
            self.width *= 2
            merged: dict[int, _Bucket] = {}
            for key in sorted(self.buckets):
                target = merged.setdefault(key // 2, _Bucket())
                target.merge(self.buckets[key])
            self.buckets = merged

    def series(self, truncated: int) -> Series:
        if self.first is None or self.last is None or self.origin is None:
            return Series(float(self.width), None, 0.0, (), truncated)
        origin = min(self.buckets)
        last = max(self.buckets)
        intervals = []
        for key in range(origin, last + 1):
            bucket = self.buckets.get(key, _Bucket())
            latency = {name: quantile(bucket.bins, q) for name, q in QUANTILES} if bucket.samples else {}
            intervals.append(
                Interval(
                    start=float((key - origin) * self.width),
                    seconds=float(self.width)
                    if key < last
                    else min(float(self.width), max(0.0, self.last - (self.origin + key * self.width))),
                    samples=bucket.samples,
                    latency=latency,
                    requests=bucket.requests,
                    failed=bucket.failed,
                    vus=bucket.vus,
                )
            )
        started = datetime.fromtimestamp(self.first, UTC)
        return Series(float(self.width), started, self.last - self.first, tuple(intervals), truncated)


def parse_lines(lines: Iterable[bytes], source: str = "points") -> Series:
    """The series of k6's JSON output, given as its lines (bytes, with their newline)."""
    reader = _Reader()
    truncated = 0
    for number, line in enumerate(lines, 1):
        last = not line.endswith(b"\n")  # (only the last line lacks its newline)
        if not last and not _wanted(line):
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            if not last:
                _bad_line(source, number, line)
            truncated = 1  # k6 stopped inside the last line
            continue
        if last and not _wanted(line):
            continue
        _record(reader, record, f"{source} line {number}")
    return reader.series(truncated)


def _wanted(line: bytes) -> bool:
    """Whether the line may hold a sample read here: k6's own lines say their metric
    first; any other shape is parsed when it names one."""
    leading = _LEADING_METRIC.match(line)
    if leading is not None:
        return leading.group(1) in _READ
    return any(name in line for name in _WANTED)


def _bad_line(source: str, number: int, line: bytes) -> None:
    text = line[:80].decode("utf-8", "replace").strip()
    raise ConfigError(f"{source} line {number}", text, FOREIGN)


def _record(reader: _Reader, record: Any, where: str) -> None:
    if not isinstance(record, dict) or not isinstance(record.get("type"), str):
        raise ConfigError(where, "no 'type'", FOREIGN)
    if record["type"] != "Point":
        return
    metric = record.get("metric")
    if metric not in ("http_req_duration", "http_reqs", "http_req_failed", "vus"):
        return
    data = record.get("data")
    if not isinstance(data, dict):
        raise ConfigError(f"{where} ({metric})", "no 'data' object", FOREIGN)
    moment = _time(data.get("time"), f"{where} ({metric}) time")
    value = _value(data.get("value"), f"{where} ({metric}) value")
    reader.add(metric, moment, value)


def load(path: Path) -> Series:
    """Read k6's JSON output (gzip-compressed too, as k6 writes a `.gz` name); every
    problem is a one-line `ConfigError` naming the file."""
    source = f"points {path}"
    try:
        with path.open("rb") as raw:
            compressed = raw.read(2) == b"\x1f\x8b"
        opener = gzip.open if compressed else open
        with opener(path, "rb") as stream:
            return parse_lines(stream, source)
    except FileNotFoundError:
        raise NotFound("points", str(path), "does not exist", FOREIGN) from None
    except (OSError, EOFError) as error:  # a broken gzip stream, a folder, no permission
        raise ConfigError(source, str(error), FOREIGN) from None
