"""No command reports success without doing its work (issue 22, item 3): project code
that exits, a k6 summary without a metric the SLO judges, an output path that is an
input path."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
from conftest import PROJECT, RELEASES_FILE, ROOT

from cdk8s_webservice import cli


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copy(RELEASES_FILE, tmp_path / "releases.yaml")
    return tmp_path


def exits(code: str | int | None) -> Callable[..., object]:
    def project_code(*_args: object) -> object:
        sys.exit(code)

    return project_code


COMMANDS = [
    ["synth"],
    ["render", "-e", "staging"],
    ["diff"],
    ["diff", "--between", "staging", "production/prod-eu-west-1"],
    ["validate"],
    ["set-image", "-e", "staging", "v9.9.9"],
    ["promote", "-e", "staging"],
    ["rollback", "-e", "staging"],
    ["deploy", "-e", "staging", "v9.9.9"],
    ["history", "-e", "staging"],
    ["analyze", "summary.json", "-e", "staging"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda argv: "-".join(argv[:2]))
@pytest.mark.parametrize("where", ["environments", "chart"])
def test_project_code_that_exits_0_is_an_error_for_every_command(
    root: Path, capsys: pytest.CaptureFixture[str], argv: list[str], where: str
) -> None:
    if where == "chart" and argv[0] == "history":
        pytest.skip("history builds no chart")
    (root / "dist").mkdir()
    (root / "summary.json").write_text("{}")
    project = dataclasses.replace(
        PROJECT, releases_file=root / "releases.yaml", **cast(dict[str, Any], {where: exits(0)})
    )
    before = (root / "releases.yaml").read_bytes()
    with contextlib.chdir(root):
        assert cli.main(argv, project=project, root=root) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --project: 'blacklist' is not allowed; a project whose code returns; it exited")
    assert err.count("\n") == 1 and "nothing was done" in err
    assert (root / "releases.yaml").read_bytes() == before
    assert list((root / "dist").iterdir()) == []


def console(*argv: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "cdk8s-webservice"
    return subprocess.run([str(script), *argv], cwd=cwd, capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.parametrize("command", [["validate"], ["synth", "--out", "never"], ["history", "-e", "staging"]])
def test_project_builtins_exit_is_an_error(command: list[str]) -> None:
    result = console("--project", "builtins:exit", *command)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: --project: 'builtins:exit' is not allowed; a project whose code returns")
    assert result.stderr.count("\n") == 1 and not result.stdout
    assert not (ROOT / "never").exists()


def test_a_project_module_that_raises_systemexit_in_its_function_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "quitter.py").write_text("import sys\n\ndef project():\n    raise SystemExit(0)\n")
    result = console("--project", "quitter:project", "validate", cwd=tmp_path)
    assert result.returncode == 2 and "it exited (SystemExit(0)) during validate" in result.stderr
    assert result.stderr.count("\n") == 1


# -- analyze: a summary without what the SLO judges is refused ------------------------

REQS = {"http_reqs": {"count": 100, "rate": 10.0}}
DURATION = {"http_req_duration": {"p(95)": 100.0, "med": 50.0}}


@pytest.mark.parametrize(
    "metrics",
    [
        {**REQS, **DURATION},  # no http_req_failed at all
        {**REQS, **DURATION, "http_req_failed": {}},
        {**REQS, **DURATION, "http_req_failed": {"type": "rate", "values": {}}},
    ],
)
def test_analyze_refuses_a_summary_without_the_error_rate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], metrics: dict[str, object]
) -> None:
    summary = tmp_path / "summary.json"
    summary.write_text(json.dumps({"metrics": metrics}))
    assert cli.main(["analyze", str(summary), "-e", "staging"], project=PROJECT, root=ROOT) == 2
    captured = capsys.readouterr()
    assert "every SLO holds" not in captured.out
    assert "http_req_failed: 'missing' is not allowed" in captured.err and captured.err.count("\n") == 1
    assert not summary.with_suffix(".html").exists()


def test_analyze_refuses_an_empty_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    summary = tmp_path / "summary.json"
    summary.write_text("{}")
    assert cli.main(["analyze", str(summary), "-e", "staging"], project=PROJECT, root=ROOT) == 2
    assert "every SLO holds" not in capsys.readouterr().out


def test_a_401_digit_count_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    summary = tmp_path / "summary.json"
    summary.write_text('{"metrics": {"http_reqs": {"count": ' + "9" * 401 + ', "rate": 1}}}')
    assert cli.main(["analyze", str(summary), "-e", "staging"], project=PROJECT, root=ROOT) == 2
    err = capsys.readouterr().err
    assert "http_reqs.count" in err and "a finite number from 0" in err
    assert err.count("\n") == 1 and len(err) < 1000


def test_a_count_longer_than_python_reads_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    summary = tmp_path / "summary.json"
    summary.write_text('{"metrics": {"http_reqs": {"count": ' + "9" * 5000 + "}}}")
    assert cli.main(["analyze", str(summary), "-e", "staging"], project=PROJECT, root=ROOT) == 2
    assert capsys.readouterr().err.count("\n") == 1


# -- no output path equals an input path ------------------------------------------------


@pytest.mark.parametrize("report", ["summary.json", "./summary.json", "link.json"])
def test_the_report_is_never_written_over_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], report: str
) -> None:
    summary = tmp_path / "summary.json"
    metrics = {**REQS, **DURATION, "http_req_failed": {"rate": 0.0}}
    summary.write_text(json.dumps({"metrics": metrics}))
    (tmp_path / "link.json").symlink_to(summary)
    before = summary.read_bytes()
    with contextlib.chdir(tmp_path):
        code = cli.main(["analyze", "summary.json", "-e", "staging", "--report", report], project=PROJECT, root=ROOT)
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --report: ") and "a file other than the summary" in err
    assert summary.read_bytes() == before


def test_loadtest_refuses_a_report_equal_to_its_summary_before_running_k6(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["loadtest", "-e", "staging", "--url", "http://127.0.0.1:9", "--summary", "s.json", "--report", "s.json"]
    with contextlib.chdir(tmp_path):
        assert cli.main(argv, project=PROJECT, root=tmp_path) == 2
    assert "error: --report: " in capsys.readouterr().err
    assert not os.listdir(tmp_path)


def test_a_chart_that_builds_nothing_is_an_error(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cdk8s import Chart

    project = dataclasses.replace(
        PROJECT,
        releases_file=root / "releases.yaml",
        chart=cast(Any, lambda scope, profile: Chart(scope, profile.name)),
    )
    with contextlib.chdir(root):
        assert cli.main(["synth", "-e", "development"], project=project, root=root) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: environment development: 'Chart' is not allowed; a chart that builds at least one")
    assert not (root / "dist").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["analyze", "summary.json", "-e", "staging", "--report", "releases.yaml"],
        ["loadtest", "-e", "staging", "--url", "http://127.0.0.1:9", "--summary", "releases.yaml"],
        ["loadtest", "-e", "staging", "--url", "http://127.0.0.1:9", "--report", "releases.yaml"],
    ],
)
def test_no_load_test_output_is_written_over_the_releases_file(
    root: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    project = dataclasses.replace(PROJECT, releases_file=root / "releases.yaml")
    before = (root / "releases.yaml").read_bytes()
    with contextlib.chdir(root):
        assert cli.main(argv, project=project, root=root) == 2
    assert "is not allowed; a file other than the releases file" in capsys.readouterr().err
    assert (root / "releases.yaml").read_bytes() == before


def test_watch_prints_an_exit_of_the_project_and_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cdk8s_webservice.cli.watch import Watcher

    (tmp_path / "quitting.py").write_text("import sys\n\ndef project():\n    sys.exit(0)\n")
    watcher = Watcher("quitting:project", tmp_path, tmp_path / "dist")
    watcher.synth()  # returns: the watch goes on, waiting for the next save
    err = capsys.readouterr().err
    assert err.startswith("error: --project: 'quitting:project' is not allowed; a project whose code returns")
    assert "during watch" in err and err.count("\n") == 1
    assert not (tmp_path / "dist").exists()


def test_an_app_whose_project_function_exits_is_an_error(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text(
        "import sys\nfrom pathlib import Path\nfrom cdk8s_webservice import cli\n\n"
        "def project():\n    sys.exit(0)\n\n"
        "cli.run_app(project, Path(__file__).parent)\n"
    )
    result = subprocess.run([sys.executable, str(app)], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.startswith("error: --project: 'project' is not allowed; a project whose code returns")
    assert "it exited (SystemExit(0)) during synth" in result.stderr
    assert result.stderr.count("\n") == 1 and not (tmp_path / "dist").exists()


# -- the project's own code raises: one line naming its file and line -------------------

BROKEN_CHART = """\
from cdk8s import ApiObjectMetadata

from cdk8s_webservice import EnvironmentChart, EnvironmentProfile, Environments, Resources, ScalingBounds
from cdk8s_webservice import ServiceProject


def environments(releases):
    resources = Resources(cpu_request="50m", cpu_limit="100m", memory_request="64Mi", memory_limit="128Mi")
    bounds = ScalingBounds(min_replicas=1, max_replicas=2)
    profile = EnvironmentProfile(
        name="staging", namespace="orders-staging", replicas=1, resources=resources, autoscaling=bounds,
        image_tag="v1.0.0",
    )
    return Environments([profile])


def chart(scope, profile):
    environment = EnvironmentChart(scope, profile.name, profile=profile)
    ApiObjectMetadata(_from="a typo")  # cdk8s's keyword is not `_from`
    return environment


PROJECT = ServiceProject(name="orders", environments=environments, chart=chart)
"""


@pytest.mark.parametrize("command", [["synth", "--out", "out"], ["render", "-e", "staging"]])
def test_an_error_in_the_projects_own_code_is_one_line_naming_where(command: list[str], tmp_path: Path) -> None:
    (tmp_path / "orders.py").write_text(BROKEN_CHART)
    result = console("--project", "orders:PROJECT", *command, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: orders.py:19: TypeError: "), result.stderr
    assert "_from" in result.stderr and "CDK8S_WEBSERVICE_TRACEBACK=1 shows the traceback" in result.stderr
    assert result.stderr.count("\n") == 1 and not result.stdout
    assert not (tmp_path / "out").exists()
    shown = console(
        "--project", "orders:PROJECT", *command, cwd=tmp_path, env={**os.environ, "CDK8S_WEBSERVICE_TRACEBACK": "1"}
    )
    assert shown.returncode == 1 and "Traceback (most recent call last)" in shown.stderr


def test_a_syntax_error_in_the_projects_module_is_one_line_naming_where(tmp_path: Path) -> None:
    (tmp_path / "orders.py").write_text("def broken(:\n    pass\n")
    result = console("--project", "orders:PROJECT", "validate", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: orders.py:1: SyntaxError: invalid syntax"), result.stderr
    assert result.stderr.count("\n") == 1 and not result.stdout
