"""What makes a cold synth short, and what it must not break: the one-process jsii
host, the early Node.js start and preload, the fast exit, the gate's CRD cache, the
shared IntOrString/Quantity values."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, group_running

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.gate import schema
from cdk8s_webservice.synthesis.output import replace_directory

PYTHON = str(ROOT / ".venv" / "bin" / "python")
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def test_an_app_leaves_no_process_behind_and_its_output_is_whole(tmp_path: Path) -> None:
    """The fast exit waits for neither Node.js nor the gate's worker: both must still
    end on their own, at once."""
    out = tmp_path / "dist"
    process = subprocess.Popen(
        [PYTHON, "-O", "main.py", "--out", str(out)],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr.decode()
    assert b"Traceback" not in stderr and b"note: jsii fast path off" not in stderr
    _all_ended(process.pid)  # nothing of the app's process group still runs
    assert (out / "development" / "deployment-blacklist.yaml").read_text() == (
        ROOT / "dist" / "development" / "deployment-blacklist.yaml"
    ).read_text()


def test_crd_schemas_are_cached_by_content_and_a_bad_entry_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(schema.CACHE_ENV, str(tmp_path / "cache"))
    crd = tmp_path / "crd.yaml"
    crd.write_text(
        "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
        "spec:\n  group: example.com\n  names: {kind: Widget}\n"
        "  versions:\n  - name: v1\n    schema: {openAPIV3Schema: {type: object, properties: {size: {type: integer}}}}\n"
    )
    first = schema.crd_schemas(crd)
    assert first == [("example.com/v1", "Widget", {"type": "object", "properties": {"size": {"type": "integer"}}})]
    [entry] = (tmp_path / "cache" / "gate").iterdir()
    assert schema.crd_schemas(crd) == first  # from the cache
    entry.write_text("[[not json")  # damaged: the YAML is read again
    assert schema.crd_schemas(crd) == first
    entry.write_text('[["x/v1", "X", "not a schema"]]')  # JSON, but not what crd_schemas writes
    assert schema.crd_schemas(crd) == first
    # Of the right shape but another schema: only the entry's checksum tells (issue 22).
    entry.write_text(json.dumps([["example.com/v1", "Widget", {"type": "string"}]]))
    assert schema.crd_schemas(crd) == first
    crd.write_text(crd.read_text().replace("integer", "string"))  # edited: a new entry
    assert schema.crd_schemas(crd)[0][2]["properties"]["size"] == {"type": "string"}
    assert len(list((tmp_path / "cache" / "gate").glob("crd-*.json"))) == 2


def test_without_a_cache_folder_the_crd_is_read_every_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(schema.CACHE_ENV, raising=False)
    schemas = schema.crd_schemas(schema.CRD_DIR / "bitnami.com_sealedsecrets.yaml")
    assert ("bitnami.com/v1alpha1", "SealedSecret") in {(a, k) for a, k, _ in schemas}


@pytest.mark.parametrize("name", ["../escape.yaml", "a/../../b.yaml", "/etc/x.yaml", "a//b.yaml", "./a.yaml"])
def test_an_output_file_name_that_leaves_the_folder_is_refused(tmp_path: Path, name: str) -> None:
    target = tmp_path / "out"
    with pytest.raises(ConfigError, match="output file"):
        replace_directory(target, {"ok.yaml": "a: 1\n", name: "b: 2\n"})
    assert not target.exists() and sorted(p.name for p in tmp_path.iterdir()) == []


def test_intorstring_and_quantity_values_are_shared_per_value_and_type() -> None:
    from cdk8s_webservice.core.k8s_values import int_or_string, quantity

    assert int_or_string(8080) is int_or_string(8080)
    assert int_or_string("http") is int_or_string("http")
    assert int_or_string(1) is not int_or_string("1")
    int_or_string(1)
    with pytest.raises(RuntimeError, match="Value is not a number"):  # True == 1 for a cache, not for jsii
        int_or_string(True)
    assert quantity("100m") is quantity("100m") and quantity("100m").value == "100m"
    assert int_or_string(8080).value == 8080


SLOW_APP = """
import dataclasses, os, sys, time
from pathlib import Path

from cdk8s_webservice import cli
from cdk8s_webservice.synthesis import output

ROOT = Path({root!r})
sys.path.insert(0, str(ROOT))


def project():
    import main

    base = main.project()
    if os.environ.get("SLOW_WHEN") == "staged":  # the output written beside its folder, not yet in
        stage = output.StagedOutput.stage_environments

        def staged(self, rendered):
            stage(self, rendered)
            print("building", file=sys.stderr, flush=True)
            time.sleep(60)

        output.StagedOutput.stage_environments = staged
        return base

    def chart(scope, profile):
        print("building", file=sys.stderr, flush=True)
        time.sleep(60)
        return base.chart(scope, profile)

    return dataclasses.replace(base, chart=chart)


if __name__ == "__main__":
    cli.run_app(project, ROOT)
"""


@contextlib.contextmanager
def _slow_app(tmp_path: Path, when: str = "building") -> Iterator[subprocess.Popen[str]]:
    """The app, mid-synth (Node.js and the gate worker up); its whole process group is
    killed when the test ends, whatever became of it (it holds the project's lock)."""
    app = tmp_path / "slow_app.py"
    app.write_text(SLOW_APP.format(root=str(ROOT)))
    process = subprocess.Popen(
        [PYTHON, "-O", str(app), "--out", str(tmp_path / "out")],
        cwd=tmp_path,
        env={**ENV, "SLOW_WHEN": when},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=lambda: __import__("signal").signal(__import__("signal").SIGINT, __import__("signal").SIG_DFL),
    )
    try:
        assert process.stderr is not None
        seen = []
        # Another synth may hold the project's lock a moment ("waiting for another writer").
        for line in process.stderr:
            seen.append(line)
            if line == "building\n":
                break
        else:
            raise AssertionError(f"the app ended before it built anything: {''.join(seen)}")
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, __import__("signal").SIGKILL)
        process.wait(timeout=60)


def _all_ended(group: int) -> None:
    deadline = time.monotonic() + 10
    while group_running(group):
        assert time.monotonic() < deadline, "a process of the app's group still runs 10 s later"
        time.sleep(0.1)


def test_ctrl_c_mid_synth_exits_130_without_a_traceback_and_leaves_nothing(tmp_path: Path) -> None:
    import signal

    with _slow_app(tmp_path) as process:
        os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole group
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == 130
        assert "Traceback" not in stderr and "leaked" not in stderr, stderr
        _all_ended(process.pid)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGINT"])
def test_a_stop_after_staging_leaves_no_output_beside_the_folder(tmp_path: Path, signal_name: str) -> None:
    """SIGTERM (a CI runner's timeout, `kill`) or Ctrl-C between writing the output beside
    its folder and swapping it in: the staged tree is removed, nothing is swapped in."""
    import signal

    with _slow_app(tmp_path, when="staged") as process:
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.new-")]  # staged
        os.killpg(process.pid, getattr(signal, signal_name))
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == (143 if signal_name == "SIGTERM" else 130), stderr
        assert "Traceback" not in stderr, stderr
        _all_ended(process.pid)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slow_app.py"]


def test_a_killed_app_leaves_no_worker_running(tmp_path: Path) -> None:
    """SIGKILL gives the app no chance to clean up: its gate worker ends with it
    (parent-death signal) and Node.js when its pipe closes."""
    import signal

    with _slow_app(tmp_path) as process:
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
        _all_ended(process.pid)


def test_a_closed_output_is_no_traceback(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    closed = subprocess.run(  # `>&-`: no stdout at all
        ["sh", "-c", f'exec "{PYTHON}" -O main.py --out "{out}" >&-'], cwd=ROOT, env=ENV, stderr=subprocess.PIPE
    )
    assert closed.returncode == 0 and b"Traceback" not in closed.stderr, closed.stderr
    assert (out / "development" / "deployment-blacklist.yaml").is_file()
    shutil.rmtree(out)
    reader = subprocess.Popen(
        [PYTHON, "-O", "main.py", "--out", str(out)], cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.close()  # `| true`: nobody reads the summary
    stderr = reader.stderr.read()
    assert reader.wait(timeout=120) == 141 and b"Traceback" not in stderr, stderr
    assert (out / "development" / "deployment-blacklist.yaml").is_file()  # written before the summary


def test_a_node_that_cannot_start_is_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [PYTHON, "-O", "main.py", "--out", str(tmp_path / "dist")],
        cwd=ROOT,
        env={**ENV, "NODE_OPTIONS": "--no-such-flag"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    # jsii echoes Node.js's own reason from a thread of its own, which may print before,
    # after or into ours: the error line is there once, whole
    assert result.stderr.count("error: ") == 1
    assert "error: jsii's Node.js ended or answered something else" in result.stderr
    assert "check JSII_NODE and NODE_OPTIONS" in result.stderr
    assert not (tmp_path / "dist").exists()


def test_a_partial_write_keeps_no_symlink_target(tmp_path: Path) -> None:
    """`synth -e production` keeps the other folders: a symlink planted in one of them
    must not bring its target's content into the output."""
    secret = tmp_path / "secret"
    secret.write_text("private\n")
    secret.chmod(0o600)
    out = tmp_path / "out"
    replace_directory(out, {"staging/a.yaml": "a: 1\n"})
    (out / "staging" / "link.yaml").symlink_to(secret)
    replace_directory(out, {"production/b.yaml": "b: 2\n"}, keep=True, replace=("production",))
    assert sorted(p.name for p in (out / "staging").iterdir()) == ["a.yaml"]
    assert not any("private" in p.read_text() for p in out.rglob("*.yaml"))


# JSON-ish values as jsii's requests carry them: plain values, nested, with a few
