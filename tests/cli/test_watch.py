"""`cdk8s-webservice watch`: a warm process that re-synthesizes on save, run for real
on a copy of the project (with the installed tool chains)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import ROOT, group_running

from cdk8s_webservice.cli import arguments
from cdk8s_webservice.cli.watch import changes_by_folder, report

IGNORE = shutil.ignore_patterns(".venv*", "node_modules", ".git", "build", ".cache", ".cdk8s.out", "__pycache__")
DEPLOYMENT = Path("dist/development/deployment-blacklist.yaml")
ENVIRONMENTS = Path("charts/environments.py")


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """The project's files in a folder of their own, with the installed tool chains."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=IGNORE)
    for linked in (".venv", "node_modules"):
        (copy / linked).symlink_to(ROOT / linked)
    return copy


class Watch:
    """`cdk8s-webservice watch` in its own session (Ctrl-C reaches its process group,
    as a terminal's does); its output collected as it comes."""

    def __init__(self, cwd: Path) -> None:
        command = [str(ROOT / ".venv" / "bin" / "python"), "-O", str(ROOT / ".venv" / "bin" / "cdk8s-webservice")]
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        self.process = subprocess.Popen(
            [*command, "watch"],
            cwd=cwd,
            env=env,
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

    def wait(self, condition: Callable[[], bool], what: str, timeout: float = 60.0, *, exited: bool = False) -> None:
        """Until `condition` holds; the watch exiting first is a failure unless `exited`."""
        deadline = time.monotonic() + timeout
        while not condition():
            if (self.process.poll() is not None and not exited) or time.monotonic() > deadline:
                raise AssertionError(f"{what}: not within {timeout} s\n{''.join(self.out)}\n{''.join(self.err)}")
            time.sleep(0.05)

    def group_gone(self) -> bool:
        return not group_running(self.process.pid)


@pytest.fixture
def watching(clone: Path) -> Iterator[Watch]:
    watch = Watch(clone)
    try:
        yield watch
    finally:
        if not watch.group_gone():
            os.killpg(watch.process.pid, signal.SIGKILL)
        watch.process.wait(timeout=30)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_watch_resynthesizes_on_save_survives_bad_edits_and_exits_130(clone: Path, watching: Watch) -> None:
    watching.wait(lambda: any(line.startswith("watching") for line in watching.out), "watch started")
    deployment, environments = clone / DEPLOYMENT, clone / ENVIRONMENTS
    others = [
        p for env in ("staging", "production", "argocd") for p in (clone / "dist" / env).rglob("*") if p.is_file()
    ]
    before = {p: p.read_bytes() for p in others}

    edit(environments, 'cpu_limit="200m"', 'cpu_limit="300m"')
    watching.wait(lambda: "cpu: 300m" in deployment.read_text(), "the edited limit in dist/")
    watching.wait(lambda: sum(line.startswith("wrote dist/ in") for line in watching.out) == 2, "the run's report")
    output = "".join(watching.out)
    assert "development: 1 changed" in output and "staging: no changes" in output
    assert "resources.limits.cpu: 200m -> 300m" in output
    assert all(p.read_bytes() == data for p, data in before.items())  # the other environments as they were

    # A bad value: one line naming the field, dist/ left as it was.
    edit(environments, 'cpu_request="50m"', 'cpu_request="50x"')
    watching.wait(lambda: any(line.startswith("error: ") for line in watching.err), "the error line")
    errors = [line for line in watching.err if line.startswith("error: ")]
    assert len(errors) == 1 and "cpu_request" in errors[0] and "50x" in errors[0], watching.err
    assert "Traceback" not in "".join(watching.err)
    assert "cpu: 300m" in deployment.read_text()

    # A bug in the project's code: its traceback.
    edit(environments, 'cpu_request="50x"', "cpu_request=undefined_name")
    watching.wait(lambda: "NameError" in "".join(watching.err), "the traceback")
    assert "Traceback" in "".join(watching.err)

    # The next good edit recovers.
    edit(environments, "cpu_request=undefined_name", 'cpu_request="50m"')
    edit(environments, 'cpu_limit="300m"', 'cpu_limit="400m"')
    watching.wait(lambda: "cpu: 400m" in deployment.read_text(), "the recovered synth")

    # Ctrl-C: exit 130, no traceback, no process and no staging folder left behind.
    errors_before = len(watching.err)
    os.killpg(watching.process.pid, signal.SIGINT)
    assert watching.process.wait(timeout=30) == 130
    watching.wait(watching.group_gone, "every process of the watch gone", timeout=15, exited=True)
    assert "Traceback" not in "".join(watching.err[errors_before:])
    assert not [p.name for p in clone.iterdir() if p.name.startswith(".dist.")]


def test_watch_is_in_the_command_line_tool() -> None:
    args = arguments.parser().parse_args(["watch", "--out", "preview", "--memory-budget", "300"])
    assert (args.command, args.out, args.memory_budget) == ("watch", "preview", 300)


def test_the_report_counts_changes_per_environment_and_parses_only_changed_files() -> None:
    deployment = (
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: a\nspec:\n  replicas: {}\n"
    )
    before = {"a/deployment.yaml": deployment.format(1), "a/broken.yaml": "not: [yaml", "b/x.yaml": "kind: X\n"}
    rendered = {
        "a": {"deployment.yaml": deployment.format(2), "broken.yaml": "not: [yaml"},
        "c": {"x.yaml": "kind: X\nmetadata:\n  name: x\n"},
        "helm/a": {"values.yaml": "anything: 1\n"},
    }
    before["b/x.yaml"] = "kind: X\nmetadata:\n  name: x\n"
    changes = changes_by_folder(before, rendered)
    assert {folder: [c.change for c in found] for folder, found in changes.items()} == {
        "a": ["changed"],
        "b": ["removed"],
        "c": ["added"],
    }
    text = report(changes, ROOT / "dist", 0.25)
    assert "  a: 1 changed" in text and "  b: 1 removed" in text and "  c: 1 added" in text
    assert "spec.replicas: 1 -> 2" in text and text.endswith("wrote dist/ in 0.250 s")


def test_watch_stops_on_sigterm_with_143_and_leaves_nothing(clone: Path, watching: Watch) -> None:
    """A service manager (or `kill`, or a shell whose background jobs ignore SIGINT)
    stops the watch with SIGTERM, sent to the watch alone."""
    watching.wait(lambda: any(line.startswith("watching") for line in watching.out), "the first synth")
    watching.process.terminate()
    assert watching.process.wait(timeout=30) == 143
    watching.wait(watching.group_gone, "every process of the watch gone", timeout=15, exited=True)
    assert "Traceback" not in "".join(watching.err)
    assert not [p.name for p in clone.iterdir() if p.name.startswith(".dist.")]


def test_the_gates_own_inputs_of_a_project_restart_the_watch(tmp_path: Path) -> None:
    """A project's own Rego policies and CRD files are compiled once per process: an
    edit of one re-executes the watch (as a library change does), and their folders
    are watched."""
    from cdk8s_webservice.cli.watch import Watcher

    policies = tmp_path / "policies"
    policies.mkdir()
    crd = tmp_path / "crds" / "widget.yaml"
    crd.parent.mkdir()
    crd.write_text("")
    watcher = Watcher("main:project", tmp_path, tmp_path / "dist", gate_sources={policies.resolve(), crd.resolve()})
    assert watcher.is_library(policies / "limits.rego") and watcher.is_library(crd)
    assert not watcher.is_library(tmp_path / "charts.py") and not watcher.is_library(policies / "notes.txt")
    assert {policies.resolve(), crd.parent.resolve()} <= watcher.folders()


def test_data_folders_under_a_project_package_are_watched(tmp_path: Path) -> None:
    """Files a project reads from a folder beside its modules (blacklist's
    `charts/sealed-secrets/*.yaml`, read by `main.project`) are watched: an edit of one
    re-synthesizes, and the warm path's fingerprint (the same folders) sees it, so a warm
    `render` never answers with the values from before the edit."""
    import sys
    import types

    from cdk8s_webservice.cli.watch import Watcher

    charts = tmp_path / "charts"
    (charts / "sealed-secrets" / "nested").mkdir(parents=True)
    (charts / "__pycache__").mkdir()
    (charts / ".hidden").mkdir()
    module = types.ModuleType("brk_charts_probe")
    module.__file__ = str(charts / "blacklist.py")
    sys.modules["brk_charts_probe"] = module
    try:
        watcher = Watcher("main:project", tmp_path, tmp_path / "dist", project_modules={"brk_charts_probe"})
        folders = watcher.folders()
    finally:
        del sys.modules["brk_charts_probe"]
    assert {charts.resolve(), (charts / "sealed-secrets").resolve()} <= folders
    assert (charts / "sealed-secrets" / "nested").resolve() in folders
    assert not {(charts / "__pycache__").resolve(), (charts / ".hidden").resolve()} & folders
