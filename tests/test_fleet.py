"""`synthesize_fleet`: many projects in recycled worker processes, with the output of
a single-process synth and its errors."""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import ROOT, group_running

from cdk8s_webservice.core.errors import ConfigError, GateFailed
from cdk8s_webservice.gate.violations import Violation
from cdk8s_webservice.synthesis.fleet import FleetMember, MemberFailed, synthesize_fleet


def test_the_fleet_renders_what_one_process_renders_in_order_across_workers() -> None:
    sys.path.insert(0, str(ROOT))
    from benchmarks.scale import copy_project

    members = [FleetMember("benchmarks.scale:copy_project", (index,)) for index in (3, 1, 2)]
    # Two a worker: the third member is built in a second (fresh) worker.
    results = list(synthesize_fleet(members, ROOT, per_worker=2))
    assert [member for member, _ in results] == members
    for member, rendered in results:
        assert rendered == copy_project(*member.args).synthesize()
    # Each copy is its own service, in its own namespaces.
    assert "deployment-svc3.yaml" in results[0][1]["development"]
    assert "namespace: svc1-blacklist-dev" in results[1][1]["development"]["deployment-svc1.yaml"]


@pytest.fixture
def broken_project(tmp_path: Path) -> Path:
    (tmp_path / "broken.py").write_text(
        textwrap.dedent(
            """
            from cdk8s_webservice.core.errors import ConfigError

            def bad_value():
                raise ConfigError("replicas", -1, "at least 1")

            def unprintable():
                raise ConfigError("hook", lambda: None, "a value that can be written down")

            not_a_function = 42

            def exits(code):
                raise SystemExit(code)

            def dies():
                import os

                os._exit(0)

            class Unpicklable(Exception):
                def __init__(self, message, extra):
                    super().__init__(message)  # pickled with one argument: cannot be made again

            def raises_unpicklable():
                raise Unpicklable("the member's own words", 1)

            def hangs(marker):
                import time
                from pathlib import Path

                Path(marker).write_text("building")
                time.sleep(600)
            """
        )
    )
    return tmp_path


def test_a_members_config_error_is_raised_here_with_its_message(broken_project: Path) -> None:
    with pytest.raises(ConfigError, match=r"^replicas: -1 is not allowed; at least 1$") as raised:
        list(synthesize_fleet([FleetMember("broken:bad_value")], broken_project))
    assert (raised.value.field, raised.value.value) == ("replicas", -1)
    with pytest.raises(ConfigError, match=r"^hook: <function .*<lambda>.* is not allowed"):
        list(synthesize_fleet([FleetMember("broken:unprintable")], broken_project))


def test_a_member_that_is_not_a_project_function_is_refused(broken_project: Path) -> None:
    with pytest.raises(ConfigError, match="--project: 'broken:not_a_function' is not allowed; a function"):
        list(synthesize_fleet([FleetMember("broken:not_a_function", (1,))], broken_project))
    with pytest.raises(ConfigError, match="an importable module"):
        list(synthesize_fleet([FleetMember("no_such_module:project")], broken_project))


@pytest.mark.parametrize("per_worker", [0, -1, True, 1.5, "2"])
def test_per_worker_is_a_whole_number(per_worker: object) -> None:
    with pytest.raises(ConfigError, match="per_worker"):
        list(synthesize_fleet([FleetMember("main:project")], ROOT, per_worker=per_worker))  # type: ignore[arg-type]


def test_members_must_be_fleet_members_and_none_is_nothing() -> None:
    with pytest.raises(ConfigError, match="members"):
        list(synthesize_fleet(["main:project"], ROOT))  # type: ignore[list-item]
    assert list(synthesize_fleet([], ROOT)) == []


def test_the_library_errors_cross_a_process_boundary_whole() -> None:
    error = ConfigError("image.tag", "latest", "a pinned tag")
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.field, copy.value, copy.allowed) == (
        ConfigError,
        str(error),
        "image.tag",
        "latest",
        "a pinned tag",
    )
    violation = Violation("staging", "Deployment", "web", "spec.replicas", "rule", "too few")
    failed = pickle.loads(pickle.dumps(GateFailed([violation])))
    assert failed.violations == [violation] and failed.report() == GateFailed([violation]).report()


@pytest.mark.parametrize("code", [0, 3])
def test_a_member_that_exits_is_an_error_naming_it_never_a_success(broken_project: Path, code: int) -> None:
    with pytest.raises(ConfigError, match=rf"fleet member: 'broken:exits' .* \(it exited {code}\)"):
        list(synthesize_fleet([FleetMember("broken:exits", (code,))], broken_project))


def test_a_member_whose_worker_dies_is_an_error_naming_it(broken_project: Path) -> None:
    with pytest.raises(ConfigError, match=r"fleet member: 'broken:dies' .*worker process"):
        list(synthesize_fleet([FleetMember("broken:dies")], broken_project))


def test_a_fleet_root_must_exist(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="root"):
        list(synthesize_fleet([FleetMember("main:project")], tmp_path / "missing"))
    assert not (tmp_path / "missing").exists()


def test_a_members_unpicklable_exception_keeps_its_message(broken_project: Path) -> None:
    with pytest.raises(MemberFailed, match=r"'broken:raises_unpicklable' failed: Unpicklable: the member's own words"):
        list(synthesize_fleet([FleetMember("broken:raises_unpicklable")], broken_project))


def test_ctrl_c_stops_a_fleet_whose_member_hangs(broken_project: Path) -> None:
    marker = broken_project / "started"
    script = (
        "import sys\n"
        "from cdk8s_webservice.synthesis.fleet import FleetMember, synthesize_fleet\n"
        f"members = [FleetMember('broken:hangs', ({str(marker)!r},))]\n"
        "try:\n"
        f"    list(synthesize_fleet(members, {str(broken_project)!r}))\n"
        "except KeyboardInterrupt:\n"
        "    sys.exit(130)\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, start_new_session=True, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert marker.exists(), "the member never started"
        os.kill(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
        assert process.returncode == 130, stderr
        deadline = time.monotonic() + 10
        while group_running(process.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not group_running(process.pid)  # the worker and its Node.js too
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
