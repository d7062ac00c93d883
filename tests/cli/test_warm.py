"""The warm path: `synth`, `diff`, `validate` and `render` answered by a running
`cdk8s-webservice watch` over the project's socket, byte for byte as they run cold;
every way the socket cannot be trusted or answer ends in the cold path or one line."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import ROOT, group_running

from cdk8s_webservice.cli import warm_client, warm_protocol

IGNORE = shutil.ignore_patterns(".venv*", "node_modules", ".git", "build", ".cache", ".cdk8s.out", "__pycache__")
PYTHON = str(ROOT / ".venv" / "bin" / "python")
SCRIPT = str(ROOT / ".venv" / "bin" / "cdk8s-webservice")
NOT_SERVED = 99
HEAVY = 98
# The client alone: its exit status, 99 when the command would run cold; and 98 when
# asking imported what a client must not (jsii, cdk8s, the CLI's modules).
ASK = f"""
import os, sys
from cdk8s_webservice.cli import warm_client
code = warm_client.ask(sys.argv[1:], os.environ)
sys.stdout.flush()
heavy = sorted(m for m in ("jsii", "cdk8s", "cdk8s_plus_27", "cdk8s_webservice.cli.command_line") if m in sys.modules)
if heavy:
    print("imported: " + ", ".join(heavy), file=sys.stderr)
    sys.exit({HEAVY})
sys.exit({NOT_SERVED} if code is None else code)
"""


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE" and k != warm_protocol.WARM_ENV}
    return {**env, **extra}


def ask(cwd: Path, *argv: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([PYTHON, "-c", ASK, *argv], cwd=cwd, env=environment(**env), capture_output=True, timeout=120)


def cold(cwd: Path, *argv: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [SCRIPT, *argv], cwd=cwd, env=environment(**{warm_protocol.WARM_ENV: "0"}), capture_output=True, timeout=300
    )


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=IGNORE)
    for linked in (".venv", "node_modules"):
        (copy / linked).symlink_to(ROOT / linked)
    return copy


class Watch:
    """`cdk8s-webservice watch` as a user starts it, in its own session."""

    def __init__(self, cwd: Path) -> None:
        self.process = subprocess.Popen(
            [SCRIPT, "watch"],
            cwd=cwd,
            env=environment(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        self.out: list[str] = []
        self.err: list[str] = []
        assert self.process.stdout is not None and self.process.stderr is not None
        for stream, lines in ((self.process.stdout, self.out), (self.process.stderr, self.err)):
            threading.Thread(target=lambda s=stream, b=lines: b.extend(iter(s.readline, "")), daemon=True).start()

    def wait(self, condition: Callable[[], bool], what: str, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"{what}: not within {timeout} s\n{''.join(self.out)}\n{''.join(self.err)}")
            time.sleep(0.05)

    def stop(self) -> None:
        if group_running(self.process.pid):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)


@pytest.fixture
def watching(clone: Path) -> Iterator[Watch]:
    watch = Watch(clone)
    try:
        watch.wait(lambda: any(line.startswith("watching") for line in watch.out), "watch started")
        yield watch
    finally:
        watch.stop()


def test_warm_answers_byte_for_byte_as_cold(clone: Path, watching: Watch) -> None:
    sock = clone / ".cache" / "cdk8s-webservice" / "watch.sock"
    assert sock.is_socket() and (sock.stat().st_mode & 0o777) == 0o600
    commands = [
        ["synth"],
        ["synth", "-e", "staging", "--out", "build/preview"],
        ["diff"],
        ["diff", "--between", "staging", "production/prod-eu-west-1"],
        ["validate"],
        ["render", "-e", "staging"],
        ["render", "-e", "production", "--cluster", "prod-us-east-1", "-s", "canary"],
        ["render", "-e", "nowhere"],  # an error: the same one line, exit 2
        ["diff", "--out", "no-such-folder"],
    ]
    for argv in commands:
        written = clone / ("build/preview" if "--out" in argv and argv[0] == "synth" else "dist")
        expected = cold(clone, *argv)
        expected_tree = tree(written)
        if argv[0] == "synth":
            shutil.rmtree(written)  # the warm synth writes it again, whole
        answer = ask(clone, *argv)
        assert answer.returncode != NOT_SERVED, f"{argv}: not served warm\n{answer.stderr.decode()}"
        assert answer.returncode != HEAVY, answer.stderr.decode()
        assert (answer.returncode, answer.stdout, answer.stderr) == (
            expected.returncode,
            expected.stdout,
            expected.stderr,
        ), argv
        assert tree(written) == expected_tree, argv
    # diff finds what an edit of dist/ changed, warm as cold.
    deployment = clone / "dist" / "staging" / "deployment-blacklist-blue.yaml"
    deployment.write_text(deployment.read_text().replace("  replicas: 2", "  replicas: 7", 1))
    expected = cold(clone, "diff")
    answer = ask(clone, "diff")
    assert expected.returncode == 1 and (answer.returncode, answer.stdout) == (1, expected.stdout)
    # The console script itself takes the warm path: same bytes.
    for argv in (["validate"], ["render", "-e", "development"]):
        script = subprocess.run([SCRIPT, *argv], cwd=clone, env=environment(), capture_output=True, timeout=120)
        expected = cold(clone, *argv)
        assert (script.returncode, script.stdout, script.stderr) == (
            expected.returncode,
            expected.stdout,
            expected.stderr,
        )


def test_warm_answer_reflects_a_save_at_once_and_requests_are_serialized(clone: Path, watching: Watch) -> None:
    environments = clone / "charts" / "environments.py"
    text = environments.read_text()
    assert 'cpu_limit="200m"' in text
    environments.write_text(text.replace('cpu_limit="200m"', 'cpu_limit="300m"', 1))
    # At once: before the watch may have seen the save, or while it rebuilds.
    answer = ask(clone, "render", "-e", "development")
    assert answer.returncode == 0, answer.stderr.decode()
    assert b"cpu: 300m" in answer.stdout and b"cpu: 200m" not in answer.stdout
    assert answer.stdout == cold(clone, "render", "-e", "development").stdout
    # Several at once: each answered whole and alike (one synth at a time in the watch).
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: ask(clone, "render", "-e", "development"), range(4)))
    assert {(a.returncode, a.stdout) for a in answers} == {(0, answer.stdout)}
    # A bad edit: the cold path's one line, warm.
    environments.write_text(text.replace('cpu_request="50m"', 'cpu_request="50x"', 1))
    expected = cold(clone, "validate")
    answer = ask(clone, "validate")
    assert expected.returncode == 2 and len(expected.stderr.splitlines()) == 1
    assert (answer.returncode, answer.stdout, answer.stderr) == (2, expected.stdout, expected.stderr)


def test_other_projects_arguments_and_help_run_cold(clone: Path, watching: Watch) -> None:
    assert ask(clone, "--project", "charts.environments:nothing", "validate").returncode == NOT_SERVED
    assert ask(clone, "history", "-e", "staging").returncode == NOT_SERVED  # not a served command
    assert ask(clone, "synth", "--no-warm").returncode == NOT_SERVED
    assert ask(clone, "synth", "--strategy", "sideways").returncode == NOT_SERVED  # argparse's error: cold
    assert ask(clone, "validate", **{warm_protocol.WARM_ENV: "0"}).returncode == NOT_SERVED
    assert ask(clone, "validate", CDK8S_WEBSERVICE_SPEEDUPS="0").returncode == NOT_SERVED  # another environment


def test_socket_removed_on_exit_and_a_killed_watchs_socket_ignored_then_replaced(clone: Path) -> None:
    sock = clone / ".cache" / "cdk8s-webservice" / "watch.sock"
    watch = Watch(clone)
    try:
        watch.wait(lambda: any(line.startswith("watching") for line in watch.out), "watch started")
        os.killpg(watch.process.pid, signal.SIGTERM)
        assert watch.process.wait(timeout=60) == 143
        assert not os.path.lexists(sock)

        watch = Watch(clone)
        watch.wait(lambda: any(line.startswith("watching") for line in watch.out), "watch started")
        os.killpg(watch.process.pid, signal.SIGKILL)
        watch.process.wait(timeout=30)
        assert sock.is_socket()  # left behind: nobody listens
        answer = ask(clone, "validate")
        assert (answer.returncode, answer.stderr) == (NOT_SERVED, b"")

        watch = Watch(clone)  # replaces it, and serves
        watch.wait(lambda: any(line.startswith("watching") for line in watch.out), "watch restarted")
        assert ask(clone, "validate").returncode == 0
        assert not any("not serving" in line for line in watch.err)
    finally:
        watch.stop()


# Without a watch: a socket of the test's own, answering as told.


class FakeServer:
    """A socket at the project's place that answers every request with `frames` (then
    closes), or holds the connection open when `hang`."""

    def __init__(self, project: Path, frames: list[dict[str, object]], *, hang: bool = False) -> None:
        folder = project / warm_protocol.FOLDER
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.path = folder / warm_protocol.SOCKET
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(str(self.path))
        os.chmod(self.path, 0o600)
        self.listener.listen(4)
        self.requests: list[dict[str, object]] = []
        self.frames, self.hang = frames, hang
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            with connection:
                self.requests.append(json.loads(connection.makefile("rb").readline()))
                for frame in self.frames:
                    connection.sendall(json.dumps(frame).encode() + b"\n")
                if self.hang:
                    time.sleep(30)

    def close(self) -> None:
        # shutdown first: a close alone leaves the thread's pending accept() taking connections.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text('[tool.cdk8s-webservice]\nproject = "main:project"\n')
    (tmp_path / "sub").mkdir()
    return tmp_path


def test_the_protocol_request_and_answer(project: Path) -> None:
    server = FakeServer(project, [{"out": "one\n"}, {"err": "two\n"}, {"out": "three\n"}, {"exit": 1}])
    try:
        answer = ask(project / "sub", "diff", "-e", "staging", JSII_NODE="/opt/node")
        assert (answer.returncode, answer.stdout, answer.stderr) == (1, b"one\nthree\n", b"two\n")
        (request,) = server.requests
        assert request["argv"] == ["diff", "-e", "staging"] and request["cwd"] == str(project / "sub")
        assert request["protocol"] == warm_protocol.PROTOCOL and request["env"]["JSII_NODE"] == "/opt/node"  # type: ignore[index]
        assert "PATH" not in request["env"]  # type: ignore[operator]
        assert request["stamp"] == warm_protocol.stamp() and request["optimize"] == 0
    finally:
        server.close()


def test_no_warm_and_the_variable_never_connect(project: Path) -> None:
    server = FakeServer(project, [{"exit": 0}])
    try:
        assert ask(project, "synth", "--no-warm").returncode == NOT_SERVED
        for off in ("0", "off", "false", "no"):
            assert ask(project, "synth", **{warm_protocol.WARM_ENV: off}).returncode == NOT_SERVED
        assert ask(project, "synth", "--help").returncode == NOT_SERVED
        assert server.requests == []
        assert ask(project, "synth").returncode == 0 and len(server.requests) == 1
    finally:
        server.close()


def test_a_declined_request_runs_cold_silently(project: Path) -> None:
    server = FakeServer(project, [{"decline": "another project"}])
    try:
        answer = ask(project, "validate")
        assert (answer.returncode, answer.stdout, answer.stderr) == (NOT_SERVED, b"", b"")
    finally:
        server.close()


def test_a_stale_socket_is_ignored(project: Path) -> None:
    server = FakeServer(project, [{"exit": 0}])
    server.close()  # the file stays; nobody listens (a killed watch)
    assert server.path.is_socket()
    answer = ask(project, "synth")
    assert (answer.returncode, answer.stderr) == (NOT_SERVED, b"")


def test_a_socket_of_the_wrong_mode_or_owner_is_refused_in_one_line(project: Path) -> None:
    server = FakeServer(project, [{"exit": 0}])
    try:
        os.chmod(server.path, 0o666)
        answer = ask(project, "synth")
        lines = answer.stderr.decode().splitlines()
        assert answer.returncode == NOT_SERVED and len(lines) == 1, lines
        assert lines[0].startswith("warning: watch socket: ") and "mode 0666" in lines[0] and "0600" in lines[0]
        assert server.requests == []

        os.chmod(server.path, 0o600)
        os.chmod(server.path.parent, 0o777)  # a folder others may write to: they could swap the socket
        answer = ask(project, "synth")
        assert answer.returncode == NOT_SERVED and "its folder is" in answer.stderr.decode()
        os.chmod(server.path.parent, 0o700)

        if os.getuid() == 0:  # only root can give a file away
            os.chown(server.path, 65534, 65534)
            answer = ask(project, "synth")
            lines = answer.stderr.decode().splitlines()
            assert answer.returncode == NOT_SERVED and len(lines) == 1 and "uid 65534" in lines[0], lines
        assert server.requests == []

        server.path.unlink()
        server.path.write_text("not a socket")
        answer = ask(project, "synth")
        assert answer.returncode == NOT_SERVED and "not a socket" in answer.stderr.decode()
    finally:
        server.close()


def test_a_server_that_dies_or_hangs_mid_answer_never_hangs_the_client(project: Path) -> None:
    # Gone before any output: the command runs cold.
    server = FakeServer(project, [])
    try:
        answer = ask(project, "synth")
        assert (answer.returncode, answer.stderr) == (NOT_SERVED, b"")
    finally:
        server.close()
        server.path.unlink()
    # Gone after part of the answer: one line, exit 2 (the part already written stays).
    server = FakeServer(project, [{"out": "environment  strategy\n"}])
    try:
        answer = ask(project, "synth")
        lines = answer.stderr.decode().splitlines()
        assert answer.returncode == 2 and answer.stdout == b"environment  strategy\n"
        assert len(lines) == 1 and lines[0].startswith("error: watch socket: ") and "--no-warm" in lines[0]
    finally:
        server.close()
        server.path.unlink()
    # Silent: bounded by CDK8S_WEBSERVICE_WARM_TIMEOUT, then as above.
    server = FakeServer(project, [{"err": "waiting\n"}], hang=True)
    try:
        answer = ask(project, "validate", **{warm_protocol.TIMEOUT_ENV: "1"})
        assert answer.returncode == 2 and "timed out" in answer.stderr.decode().splitlines()[-1]
    finally:
        server.close()
    # Silent before any output: cold.
    server.path.unlink()
    server = FakeServer(project, [], hang=True)
    try:
        answer = ask(project, "validate", **{warm_protocol.TIMEOUT_ENV: "1"})
        assert (answer.returncode, answer.stderr) == (NOT_SERVED, b"")
    finally:
        server.close()


def test_wanted_reads_the_command_past_the_project_option() -> None:
    assert warm_client.wanted(["--project", "main:project", "synth"], {})
    assert warm_client.wanted(["render", "-e", "staging"], {})
    assert not warm_client.wanted(["--project", "synth", "history"], {})
    assert not warm_client.wanted(["watch"], {})
    assert not warm_client.wanted([], {})
    assert not warm_client.wanted(["diff", "-h"], {})


def test_the_watchs_server_module_starts_no_jsii_before_the_runtime_is_set_up() -> None:
    # watch imports it before `runtime.start` chooses the Node.js jsii runs on.
    probe = "import sys, cdk8s_webservice.cli.warm_server, cdk8s_webservice.cli.watch; print(sorted(m for m in ('jsii', 'cdk8s') if m in sys.modules))"
    result = subprocess.run([PYTHON, "-c", probe], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout) == (0, "[]\n"), result.stderr
