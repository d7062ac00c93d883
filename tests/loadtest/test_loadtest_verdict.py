"""The load test's verdict hook (`loadtest/verdict.py`): its script, run by a real POSIX
shell with a stand-in `kubectl` that answers as the API would (kubectl's jsonpath prints
an unset field as nothing), fails when a runner failed; the shipped Job is that script,
after the TestRun, outside the mesh, allowed to read Jobs only."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, find

from cdk8s_webservice.gate import Gate
from cdk8s_webservice.loadtest.verdict import SCRIPT

SHELL = shutil.which("sh")


def _verdict(tmp_path: Path, listing: str) -> subprocess.CompletedProcess[str]:
    assert SHELL, "no POSIX shell (sh): install one (apt-get install dash)"
    fake = tmp_path / "kubectl"
    fake.write_text(f"#!{SHELL}\nprintf '%s' '{listing}'\n")
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}", "NAMESPACE": "ns", "TESTRUN": "t"}
    return subprocess.run([SHELL, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=30)


@pytest.mark.parametrize(
    "listing, passes, says",
    [
        ("t-1:1:\n", True, "runner Job/t-1 passed"),
        ("t-1:1:\nt-2:1:\n", True, "runner Job/t-2 passed"),
        ("t-1::1\n", False, "runner Job/t-1 failed"),  # k6 exited 99: thresholds breached
        ("t-1:1:\nt-2::1\n", False, "runner Job/t-2 failed"),
        ("t-1::1\nt-2:1:\n", False, "runner Job/t-1 failed"),
        ("t-1::\n", False, "runner Job/t-1 failed"),  # neither: it did not complete
        ("", False, "the test did not run"),
    ],
)
def test_the_verdict_fails_when_a_runner_failed(tmp_path: Path, listing: str, passes: bool, says: str) -> None:
    result = _verdict(tmp_path, listing)
    assert (result.returncode == 0) is passes, (result.stdout, result.stderr)
    assert says in result.stdout


def test_the_shipped_job_runs_the_script_after_the_test(objects: dict[str, list[dict[str, Any]]]) -> None:
    staging = objects["staging"]
    job = find(staging, "Job", "blacklist-load-test-verdict")
    annotations = job["metadata"]["annotations"]
    assert annotations["argocd.argoproj.io/hook"] == "PostSync"
    test_run = find(staging, "TestRun", "blacklist-load-test")
    assert int(annotations["argocd.argoproj.io/sync-wave"]) > int(
        test_run["metadata"]["annotations"]["argocd.argoproj.io/sync-wave"]
    )
    pod = job["spec"]["template"]
    assert pod["spec"]["containers"][0]["command"] == ["/bin/sh", "-c", SCRIPT]
    assert {e["name"]: e["value"] for e in pod["spec"]["containers"][0]["env"]}["TESTRUN"] == "blacklist-load-test"
    assert pod["metadata"]["labels"]["sidecar.istio.io/inject"] == "false"  # it must end
    role = find(staging, "Role", "blacklist-load-test-verdict")
    assert role["rules"] == [{"apiGroups": ["batch"], "resources": ["jobs"], "verbs": ["get", "list"]}]
    assert (ROOT / "dist/staging/job-blacklist-load-test-verdict.yaml").is_file()
    assert yaml.safe_load((ROOT / "dist/staging/job-blacklist-load-test-verdict.yaml").read_text()) == job


def test_only_a_job_may_opt_out_of_the_mesh_and_only_by_label(
    manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]]
) -> None:
    broken = copy.deepcopy(objects["staging"])
    meta = find(broken, "Job", "blacklist-load-test-verdict")["spec"]["template"]["metadata"]
    meta["labels"].pop("sidecar.istio.io/inject")
    meta["annotations"] = {"sidecar.istio.io/inject": "false"}
    found = {(v.kind, v.rule, v.message) for v in manifest_gate.check("staging", broken)}
    assert (
        "Namespace",
        "mesh-injection",
        "the pods of Job/blacklist-load-test-verdict opt out of injection (sidecar.istio.io/inject)",
    ) in found
