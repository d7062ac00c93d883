"""The load-test report a performance engineer can trust (issue 25 item 5): time series
from k6's own JSON output, what the run was, an aborted run marked, percentiles on too
few samples flagged, latency on a logarithmic axis, k6's web-dashboard export linked.

The parser is checked on small hand-written NDJSON; the rest by the real k6 against
servers on 127.0.0.1 (`serve`, as in test_loadtest.py)."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PROJECT, ROOT
from test_loadtest import serve

from cdk8s_webservice import ConfigError, cli
from cdk8s_webservice.loadtest import runinfo, samples, timeseries
from cdk8s_webservice.loadtest.charts import log_bar_chart
from cdk8s_webservice.loadtest.runinfo import RunInfo
from cdk8s_webservice.loadtest.runner import find_k6

# -- k6's JSON output, by hand -------------------------------------------------------


def _point(metric: str, seconds: float, value: float) -> str:
    whole, fraction = divmod(seconds, 1)
    stamp = f"2026-01-02T03:04:{int(whole):02d}.{round(fraction * 1e9):09d}Z"
    return json.dumps({"metric": metric, "type": "Point", "data": {"time": stamp, "value": value, "tags": {}}})


def _request(seconds: float, duration_ms: float, failed: bool = False) -> list[str]:
    return [
        _point("http_reqs", seconds, 1),
        _point("http_req_duration", seconds, duration_ms),
        _point("http_req_failed", seconds, 1 if failed else 0),
        _point("http_req_waiting", seconds, duration_ms),  # not read
    ]


METRIC = json.dumps(
    {"type": "Metric", "data": {"name": "http_reqs", "type": "counter", "contains": "default"}, "metric": "http_reqs"}
)


def _lines(lines: list[str], end: str = "\n") -> list[bytes]:
    return [(line + end).encode() for line in lines]


def test_points_become_one_second_intervals() -> None:
    lines = [METRIC, _point("vus", 0.0, 2)]
    # Second 0: 100 requests of 1..100 ms (2 fail); second 1: 3 of 500 ms; second 2: none; second 3: one.
    for n in range(1, 101):
        lines += _request(0.001 * n, float(n), failed=n in (7, 70))
    lines += [_point("vus", 1.0, 5)]
    for n in range(3):
        lines += _request(1.2 + n * 0.1, 500.0)
    lines += _request(3.5, 0.0)
    series = timeseries.parse_lines(_lines(lines))
    assert series.width == 1 and series.truncated == 0
    assert series.started is not None and series.started.isoformat() == "2026-01-02T03:04:00+00:00"
    assert series.duration == pytest.approx(3.5, abs=1e-6)
    first, second, third, fourth = series.intervals
    assert [i.start for i in series.intervals] == [0.0, 1.0, 2.0, 3.0]
    assert (first.samples, first.requests, first.failed, first.vus) == (100, 100, 2, 2)
    # The histogram's percentiles are within 1 % of the samples' (rank ceil(q x n)).
    assert first.latency["p50"] == pytest.approx(50, rel=0.01)
    assert first.latency["p95"] == pytest.approx(95, rel=0.01)
    assert first.latency["p99"] == pytest.approx(99, rel=0.01)
    assert (second.requests, second.vus) == (3, 5) and second.latency["p99"] == pytest.approx(500, rel=0.01)
    assert (third.samples, third.requests, third.latency, third.vus) == (0, 0, {}, None)
    assert fourth.latency["p50"] == 0.0  # a 0 ms duration has a bin of its own
    assert fourth.seconds == pytest.approx(0.5, abs=1e-6)  # the last ends with the last sample
    assert first.seconds == 1.0


def test_a_long_run_keeps_at_most_max_intervals() -> None:
    # 1,000 s with a request each second: 1 s intervals would be 1,000; 8 s ones are 125.
    lines: list[str] = []
    for second in range(1000):
        minutes, rest = divmod(second, 60)
        stamp = f"2026-01-02T03:{minutes:02d}:{rest:02d}.5Z"
        for metric, value in (("http_reqs", 1), ("http_req_duration", 10.0 + second % 7)):
            lines.append(json.dumps({"type": "Point", "metric": metric, "data": {"time": stamp, "value": value}}))
    series = timeseries.parse_lines(_lines(lines))
    assert series.width == 8 and len(series.intervals) == 125 <= timeseries.MAX_INTERVALS
    assert sum(i.requests for i in series.intervals) == 1000
    assert all(i.requests == 8 for i in series.intervals[:-1])


def test_samples_hours_apart_still_make_at_most_max_intervals() -> None:
    far = json.dumps({"type": "Point", "metric": "http_reqs", "data": {"time": "2026-01-02T06:04:00.5Z", "value": 1}})
    series = timeseries.parse_lines(_lines([*_request(0.5, 1.0), far]))
    assert series.width == 64 and len(series.intervals) == 169  # 3 hours: 10,800 s / 64
    assert (series.intervals[0].requests, series.intervals[-1].requests) == (1, 1)


def test_a_sample_before_the_first_read_falls_in_an_earlier_interval() -> None:
    lines = _request(5.2, 10.0) + _request(4.9, 20.0) + _request(6.4, 30.0)
    series = timeseries.parse_lines(_lines(lines))
    assert [(i.start, i.requests) for i in series.intervals] == [(0.0, 1), (1.0, 1), (2.0, 1)]
    assert series.duration == pytest.approx(1.5, abs=1e-6)


def test_a_file_that_ends_inside_a_line_loses_that_line_only() -> None:
    lines = _lines(_request(0.1, 10.0) + _request(0.2, 20.0))
    lines[-1] = lines[-1][:25]  # k6 stopped while writing
    series = timeseries.parse_lines(lines)
    assert series.truncated == 1
    assert (series.intervals[0].requests, series.intervals[0].samples) == (2, 2)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"metric": "http_reqs", "type": "Point", "data": {"time": "2026-01-02T03:04:00Z", "value": -1}}', "-1"),
        ('{"metric": "http_reqs", "type": "Point", "data": {"time": "yesterday", "value": 1}}', "RFC 3339"),
        ('{"metric": "http_reqs", "type": "Point", "data": {"time": "2026-01-02T03:04:00", "value": 1}}', "offset"),
        ('{"metric": "http_reqs", "type": "Point", "data": "x"}', "no 'data' object"),
        ('["http_reqs"]', "no 'type'"),
        ("http_reqs, not JSON", "one JSON object a line"),
    ],
)
def test_a_line_that_is_not_k6s_is_one_error_naming_its_number(line: str, message: str) -> None:
    lines = _lines([METRIC, _request(0.1, 1.0)[0], line, _request(0.2, 1.0)[0]])
    with pytest.raises(ConfigError, match=r"^points line 3") as error:
        timeseries.parse_lines(lines)
    assert message in str(error.value) and "\n" not in str(error.value)


def test_k6s_gzip_output_is_read_as_the_plain(tmp_path: Path) -> None:
    text = "".join(line + "\n" for line in _request(0.1, 10.0) + _request(1.3, 40.0))
    plain, packed = tmp_path / "p.ndjson", tmp_path / "p.ndjson.gz"
    plain.write_text(text)
    packed.write_bytes(gzip.compress(text.encode()))
    assert timeseries.load(plain) == timeseries.load(packed)
    packed.write_bytes(gzip.compress(text.encode())[:-12])  # cut short
    with pytest.raises(ConfigError, match=r"^points .*p\.ndjson\.gz"):
        timeseries.load(packed)


# -- the rules -------------------------------------------------------------------------


def test_a_percentile_needs_one_over_one_minus_q_samples() -> None:
    assert [samples.needed_for(k) for k in ("med", "p(90)", "p(95)", "p(99)", "p(99.9)")] == [2, 10, 20, 100, 1000]
    assert samples.needed_for("avg") is None and samples.needed_for("max") is None
    assert samples.too_few("p(99)", 99) and not samples.too_few("p(99)", 100)
    assert not samples.too_few("avg", 1)


def _run(**changes: object) -> RunInfo:
    fields: dict[str, object] = {
        "url": "http://127.0.0.1:1",
        "scenario": "smoke",
        "executor": "constant-vus",
        "vus": 2,
        "planned_seconds": 30.0,
        "started": "2026-01-02T03:04:05+00:00",
        "wall_seconds": 30.4,
        "exit_code": 0,
        "revision": "unknown",
    }
    return RunInfo(**{**fields, **changes})  # type: ignore[arg-type]


def test_a_run_is_aborted_by_k6s_exit_status_or_when_cut_short() -> None:
    assert _run().abort_reason(29.9) is None
    assert _run(exit_code=99).abort_reason(29.5) is None  # thresholds judged at the end
    reason = _run(exit_code=99).abort_reason(10.0)
    assert reason is not None and "after 10.0 of 30 s" in reason and "abortOnFail" in reason
    assert "interrupted" in (_run(exit_code=105).abort_reason(None) or "")
    assert "test.abort()" in (_run(exit_code=108).abort_reason(3.0) or "")
    # 2 s of a planned 2 s, or 1 s short of a planned 3 s: not "clearly" short.
    assert _run(exit_code=99, planned_seconds=3.0).abort_reason(2.0) is None


def test_planned_duration_and_users_of_the_scenarios() -> None:
    assert runinfo.planned({"executor": "constant-vus", "vus": 3, "duration": "1m30s"}) == ("constant-vus", 3, 90.0)
    ramp = {"executor": "ramping-vus", "startVUs": 0, "stages": [{"duration": "1m", "target": 30}] * 2}
    assert runinfo.planned(ramp) == ("ramping-vus", 30, 120.0)
    with pytest.raises(ConfigError, match="duration"):
        runinfo.seconds("soon")


def test_a_run_record_that_is_not_one_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.run.json"
    _run().save(path)
    assert runinfo.load(path) == _run()
    record = json.loads(path.read_text())
    record["vus"] = "two"
    path.write_text(json.dumps(record))
    with pytest.raises(ConfigError, match=r"s\.run\.json: vus: 'two' is not allowed"):
        runinfo.load(path)
    # A whole number is checked as a float is: no negative seconds or users.
    for key, value in (("planned_seconds", -5), ("wall_seconds", -1), ("vus", -2)):
        path.write_text(json.dumps({**json.loads(json.dumps(_run().__dict__)), key: value}))
        with pytest.raises(ConfigError, match=rf"s\.run\.json: {key}: {value} is not allowed"):
            runinfo.load(path)
    # `started` is the UTC time `loadtest` writes, never free text or another offset.
    for started in ("yesterday", "2026-01-02T03:04:05", "2026-01-02T03:04:05+02:00"):
        path.write_text(json.dumps({**json.loads(json.dumps(_run().__dict__)), "started": started}))
        with pytest.raises(ConfigError, match=r"s\.run\.json: started: .* a UTC time in ISO 8601"):
            runinfo.load(path)
    path.write_text(json.dumps({**json.loads(json.dumps(_run().__dict__)), "started": "2026-01-02T03:04:05Z"}))
    assert runinfo.load(path).started == "2026-01-02T03:04:05Z"


def test_latency_bars_stand_on_a_logarithmic_axis() -> None:
    svg = log_bar_chart(
        "t", [("a", 1.0, None, ""), ("b", 10.0, None, ""), ("c", 100.0, True, "")], unit="ms", limit=1000
    )
    widths = [float(w) for w in re.findall(r'<rect x="190" y="[0-9.]+" width="([0-9.]+)"', svg)]
    # Each tenfold is the same length: 1 -> 10 -> 100 -> 1,000 (the axis: 1 to 1,000 ms).
    assert widths == pytest.approx([1, 460 / 3, 2 * 460 / 3], abs=0.1)
    assert "logarithmic scale" in svg
    flagged = log_bar_chart("t", [("p(99)", 5.0, True, "5 samples, fewer than 100: too few")], unit="ms", limit=1000)
    assert "fewer than 100: too few" in flagged and "url(#few-t)" in flagged


# -- the real k6 ------------------------------------------------------------------------


@pytest.fixture
def healthy() -> Iterator[str]:
    yield from serve(lambda n: (200, 0.0))


@pytest.fixture
def failing() -> Iterator[str]:
    # Every 10th request fails: 10 % against a 5 % budget that aborts after 10 s.
    yield from serve(lambda n: (500 if n % 10 == 0 else 200, 0.0))


def _loadtest(url: str, out: Path, *, vus: str, duration: str, think: str) -> int:
    argv = ["loadtest", "-e", "staging", "--url", url, "--vus", vus, "--duration", duration, "--think", think]
    argv += ["--summary", str(out / "summary.json"), "--report", str(out / "report.html")]
    return cli.main(argv, project=PROJECT, root=ROOT)


def test_a_run_reports_its_series_metadata_and_k6s_dashboard(
    healthy: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _loadtest(healthy, tmp_path, vus="2", duration="4s", think="0.05") == 0
    out = capsys.readouterr().out
    report = (tmp_path / "report.html").read_text()
    summary = json.loads((tmp_path / "summary.json").read_text())
    # The series, from k6's own JSON output: every request k6 counted is in one interval.
    series = timeseries.load(tmp_path / "summary.points.ndjson.gz")
    assert series.width == 1 and len(series.intervals) >= 4
    assert sum(i.requests for i in series.intervals) == summary["metrics"]["http_reqs"]["count"]
    assert sum(i.samples for i in series.intervals) == summary["metrics"]["http_reqs"]["count"]
    assert "http_req_duration per interval (ms)" in report and "Requests and failed requests per second" in report
    assert report.count("logarithmic scale") == 3  # two latency bar charts and the latency series
    # What the run was.
    run = json.loads((tmp_path / "summary.run.json").read_text())
    assert (run["url"], run["scenario"], run["executor"], run["vus"], run["planned_seconds"]) == (
        healthy,
        "smoke",
        "constant-vus",
        2,
        4.0,
    )
    assert run["exit_code"] == 0 and re.fullmatch(r"git [0-9a-f]{40}( \+ uncommitted changes)?", run["revision"])
    assert re.fullmatch(r"20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\+00:00", run["started"])
    for shown in (healthy, "smoke (constant-vus)", "2 planned at most", "4.0 s planned", run["started"]):
        assert f"{shown}" in report.replace("&#x27;", "'"), shown
    assert run["revision"] in report and "ABORTED" not in report
    # k6's own report, beside ours and linked next to the verdict.
    assert (tmp_path / "report-k6.html").is_file()
    assert re.search(
        r'Every SLO holds\.</p>\n<p>k6\'s own web-dashboard report of this run: <a href="report-k6.html">', report
    )
    assert f"k6's web dashboard: {tmp_path / 'report-k6.html'}" in out
    # analyze finds what loadtest wrote beside the summary: the same report.
    again = tmp_path / "again.html"
    assert (
        cli.main(
            ["analyze", str(tmp_path / "summary.json"), "-e", "staging", "--report", str(again)],
            project=PROJECT,
            root=ROOT,
        )
        == 0
    )
    assert again.read_text() == report


def test_a_run_k6_aborts_is_marked_aborted(failing: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The error budget's threshold aborts after 10 s (delayAbortEval) of a planned 30 s.
    assert _loadtest(failing, tmp_path, vus="2", duration="30s", think="0.05") == 1
    out = capsys.readouterr().out
    run = json.loads((tmp_path / "summary.run.json").read_text())
    assert run["exit_code"] == 99 and run["wall_seconds"] < 25
    line = next(line for line in out.splitlines() if line.startswith("ABORTED: "))
    assert "k6 exited 99 after" in line and "of 30 s" in line
    report = (tmp_path / "report.html").read_text()
    assert report.index('<p class="aborted">ABORTED: k6 exited 99 after') < report.index("SLO breached")


def test_a_percentile_of_a_few_requests_is_flagged(
    healthy: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _loadtest(healthy, tmp_path, vus="1", duration="1s", think="0.3") == 0
    out = capsys.readouterr().out
    count = json.loads((tmp_path / "summary.json").read_text())["metrics"]["http_reqs"]["count"]
    assert 1 <= count < 20
    row = next(line for line in out.splitlines() if line.startswith("latency p(95) "))
    assert f"({count} samples, fewer than 20: too few)" in row and " pass " in row  # flagged, still judged
    report = (tmp_path / "report.html").read_text()
    assert f'<p class="few">p(95) rests on {count} requests, fewer than the 20 it needs' in report
    assert f"! {count} samples, fewer than 100: too few" in report  # the p(99) bar
    assert "Hollow points: fewer samples in the interval than the percentile needs" in report
    # k6 writes no dashboard export for a 1 s run: nothing is linked, the report says so.
    assert not (tmp_path / "report-k6.html").exists() and "<a href" not in report
    assert "k6 wrote no web-dashboard report for this run" in report


def test_analyze_says_what_it_lacks_and_refuses_a_broken_series(
    healthy: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _loadtest(healthy, tmp_path, vus="1", duration="1s", think="0.1") == 0
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "summary.json").write_bytes((tmp_path / "summary.json").read_bytes())
    capsys.readouterr()
    assert cli.main(["analyze", str(alone / "summary.json"), "-e", "staging"], project=PROJECT, root=ROOT) == 0
    report = (alone / "summary.html").read_text()
    assert "No time series: k6's JSON output (summary.points.ndjson.gz" in report
    assert "none (summary.run.json not found beside the summary" in report
    (alone / "summary.points.ndjson").write_text(METRIC + '\n{"metric": "http_reqs", broken\n')
    assert cli.main(["analyze", str(alone / "summary.json"), "-e", "staging"], project=PROJECT, root=ROOT) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: points ") and "line 2" in err and err.count("\n") == 1


def test_a_k6_without_the_web_dashboard_is_said_and_nothing_linked(
    healthy: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A stand-in k6 that says it is 0.48 (before the dashboard) and runs the real one.
    real = find_k6()
    shell = shutil.which("sh")
    assert shell, "no POSIX shell (sh): install one (apt-get install dash)"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "k6").write_text(
        f'#!{shell}\nif [ "$1" = version ]; then echo "k6 v0.48.0 (go1.21, linux/amd64)"; exit 0; fi\nexec {real} "$@"\n'
    )
    (bin_dir / "k6").chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(bin_dir / "python"))
    assert _loadtest(healthy, tmp_path, vus="1", duration="3s", think="0.1") == 0
    out = capsys.readouterr().out
    assert "k6 v0.48.0 has no web dashboard (k6 0.49 and later): no export" in out
    assert json.loads((tmp_path / "summary.run.json").read_text())["dashboard"] is None
    report = (tmp_path / "report.html").read_text()
    assert not (tmp_path / "report-k6.html").exists() and "web-dashboard" not in report and "<a href" not in report
