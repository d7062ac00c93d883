"""`npx cdk8s synth`: the cdk8s CLI deletes its output folder before it runs the app,
so that folder is a scratch one; dist/ is written by the app, atomically, exactly as
`make synth` writes it, and never deleted."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from cdk8s_webservice.synthesis.cdk8s_app import stream

NPX = shutil.which("npx")
pytestmark = pytest.mark.skipif(NPX is None, reason="npx (Node.js) is needed for the cdk8s CLI")
IGNORE = shutil.ignore_patterns(".venv*", "node_modules", ".git", "build", ".cache", ".cdk8s.out", "__pycache__")


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """The project's files in a folder of their own, with the installed tool chains."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=IGNORE)
    for linked in (".venv", "node_modules"):
        (copy / linked).symlink_to(ROOT / linked)
    # The shared .venv is up to date for this copy: make must never reinstall the package
    # from the copy into it (the real .venv would then import from a temporary folder).
    for prerequisite in ("pyproject.toml", "setup.py", "package.json", "package-lock.json"):
        os.utime(copy / prerequisite, (0, 0))
    return copy


def cdk8s(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [str(NPX), "--no-install", "cdk8s", "synth", "--no-check-upgrade", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


def test_cdk8s_synth_writes_dist_exactly_as_make_synth(clone: Path) -> None:
    before = tree(clone / "dist")
    (clone / "dist" / "staging" / "stale.yaml").write_text("---\nkind: Stale\n")
    result = cdk8s(clone)
    assert result.returncode == 0, result.stderr
    assert tree(clone / "dist") == before  # stale file gone, nothing else changed
    streams = sorted(p.name for p in (clone / ".cdk8s.out").iterdir())
    assert streams == [
        "development.k8s.yaml",
        "production-prod-eu-west-1.k8s.yaml",
        "production-prod-us-east-1.k8s.yaml",
        "staging.k8s.yaml",
    ]


def test_cdk8s_synth_stdout_is_one_valid_stream_and_leaves_dist_alone(clone: Path) -> None:
    (clone / "dist" / "staging" / "extra.yaml").write_text("---\nkind: Extra\n")  # not touched by --stdout
    before = tree(clone / "dist")
    result = cdk8s(clone, "--stdout")
    assert result.returncode == 0, result.stderr
    documents = [d for d in yaml.safe_load_all(result.stdout) if d is not None]
    keys = [(d["kind"], d["metadata"].get("namespace"), d["metadata"]["name"]) for d in documents]
    # Every object once per cluster: production's two clusters' streams hold the same objects.
    assert len(keys) == 14 + 35 + 2 * 27 and len(set(keys)) == 14 + 35 + 27
    assert "Chart.yaml" not in result.stdout and "apiVersion: v2" not in result.stdout
    # Exactly the environments' streams, in order: the cdk8s CLI pipes every file of its
    # folder to stdout at once, so the app writes one file there (two would interleave).
    folders = ["development", "staging", "production/prod-eu-west-1", "production/prod-us-east-1"]
    expected = "".join(
        stream({p.name: p.read_text() for p in sorted((clone / "dist" / f).glob("*.yaml")) if p.name != "extra.yaml"})
        for f in folders
    )
    assert result.stdout == expected
    assert tree(clone / "dist") == before


def test_cdk8s_synth_without_a_working_python_deletes_nothing(clone: Path) -> None:
    """A fresh clone on a machine where setting up .venv fails: the cdk8s CLI fails,
    and dist/ is exactly as committed."""
    (clone / ".venv").unlink()
    before = tree(clone / "dist")
    env = {**os.environ, "PYTHON": str(clone / "no-such-python3.11")}
    result = cdk8s(clone, env=env)
    assert result.returncode != 0
    assert tree(clone / "dist") == before
    assert not (clone / ".venv").exists() or not (clone / ".venv" / "bin" / "python").exists()


OFFLINE = shutil.which("unshare") is not None and subprocess.run(["unshare", "-n", "true"], check=False).returncode == 0


@pytest.mark.skipif(not OFFLINE, reason="unshare -n (a network namespace of its own) is not permitted here")
def test_the_documented_ways_to_run_the_cdk8s_cli_are_quiet_offline(clone: Path, tmp_path: Path) -> None:
    """Offline (no network at all), with no cached answer in $HOME, the cdk8s CLI's upgrade
    check prints a Node.js stack trace: the ways the README documents (`npm run synth`,
    CDK8S_CHECK_UPGRADE=false) skip it. The first run shows the check is real."""
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home)}

    def offline(*command: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["unshare", "-n", *command], cwd=clone, env={**env, **extra}, capture_output=True, text=True, timeout=300
        )

    bare = offline(str(NPX), "--no-install", "cdk8s", "synth")
    assert "registry.npmjs.org" in bare.stderr or "cdk8s-cli is available" in bare.stderr, bare.stderr
    for quiet in (
        offline(str(NPX), "--no-install", "cdk8s", "synth", CDK8S_CHECK_UPGRADE="false"),
        offline("npm", "run", "--silent", "synth"),
    ):
        assert quiet.returncode == 0 and quiet.stderr == "", quiet.stderr
        assert "staging.k8s.yaml" in quiet.stdout
