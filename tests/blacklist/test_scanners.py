"""Independent scanners on the committed output and the workflows: checkov, trivy,
actionlint and zizmor, installed by `make test` into .venv-scanners/ (offline here)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

SCANNERS = Path(os.environ.get("SCANNERS_BIN", ROOT / ".venv-scanners" / "bin"))


def scanner(name: str) -> str:
    path = SCANNERS / name
    if not path.exists():
        pytest.fail(f"{path} is missing: `make test` installs the scanners into .venv-scanners/")
    return str(path)


@pytest.fixture(scope="module")
def scans() -> dict[str, subprocess.CompletedProcess[str]]:
    """checkov and trivy, started together (each takes several seconds)."""
    env = {**os.environ, "CKV_SKIP_PACKAGE_UPDATE_CHECK": "TRUE"}
    commands = {
        "checkov": [scanner("checkov"), "-d", "dist", "--framework", "kubernetes", "--skip-download", "-o", "json"],
        "trivy": [
            scanner("trivy"), "config", "--skip-check-update", "--skip-version-check", "--disable-telemetry",
            "--cache-dir", str(ROOT / ".cache" / "trivy"), "--ignorefile", ".trivyignore.yaml", "--format", "json", "dist",
        ],
    }  # fmt: skip
    results: dict[str, subprocess.CompletedProcess[str]] = {}
    cached = {name: CACHE / f"{name}-{scan_key(cmd)}.json" for name, cmd in commands.items() if name in CACHED}
    for name, path in cached.items():
        if path.is_file():
            report = json.loads(path.read_text())
            results[name] = subprocess.CompletedProcess(
                commands[name], report["returncode"], report["stdout"], report["stderr"]
            )
    running = {
        name: subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name, cmd in commands.items()
        if name not in results
    }
    for name, process in running.items():
        stdout, stderr = process.communicate(timeout=600)
        results[name] = subprocess.CompletedProcess(commands[name], process.returncode, stdout, stderr)
        if name in cached:
            CACHE.mkdir(parents=True, exist_ok=True)
            report = {"returncode": process.returncode, "stdout": stdout, "stderr": stderr}
            temporary = cached[name].with_suffix(f".tmp-{os.getpid()}")
            temporary.write_text(json.dumps(report))
            temporary.replace(cached[name])  # whole or not at all, for a concurrent session
    return results


# checkov and trivy take ~8 s and ~5 s of CPU on dist/. A report is a function of the
# files scanned, the ignore file, the scanner (its pins, its executable, trivy's check
# bundle) and the command, so it is kept under .cache/scanners/ keyed by all of them:
# any change to dist/, to a skip annotation in it, to .trivyignore.yaml or to the
# scanners runs it again.
CACHE = ROOT / ".cache" / "scanners"
CACHED = ("checkov", "trivy")


def scan_key(command: list[str]) -> str:
    digest = hashlib.sha256()
    executable = Path(command[0])
    for part in (
        *command,
        (ROOT / "requirements-scanners.txt").read_text(),
        str(executable.stat().st_mtime_ns),
        str((SCANNERS.parent / "pyvenv.cfg").stat().st_mtime_ns if (SCANNERS.parent / "pyvenv.cfg").exists() else 0),
    ):
        digest.update(part.encode() + b"\0")
    for path in (*sorted((ROOT / "dist").rglob("*")), ROOT / ".trivyignore.yaml"):
        if path.is_file():
            digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    for path in sorted((ROOT / ".cache" / "trivy").rglob("*")):  # trivy's check bundle
        if path.is_file():
            digest.update(f"{path.relative_to(ROOT)} {path.stat().st_size} {path.stat().st_mtime_ns}".encode() + b"\0")
    return digest.hexdigest()[:32]


def test_checkov_finds_nothing_and_every_skip_has_a_reason(scans: dict[str, subprocess.CompletedProcess[str]]) -> None:
    reports = json.loads(scans["checkov"].stdout)
    reports = reports if isinstance(reports, list) else [reports]
    summary = reports[0]["summary"]
    failed = [(c["check_id"], c["resource"], c["file_path"]) for r in reports for c in r["results"]["failed_checks"]]
    assert failed == []
    assert summary["passed"] > 500 and summary["parsing_errors"] == 0
    for report in reports:
        for check in report["results"]["skipped_checks"]:
            reason = check["check_result"].get("suppress_comment", "")
            assert len(reason) > 20, (check["check_id"], check["resource"], reason)


def test_trivy_finds_no_misconfiguration(scans: dict[str, subprocess.CompletedProcess[str]]) -> None:
    assert scans["trivy"].returncode == 0, scans["trivy"].stderr
    report = json.loads(scans["trivy"].stdout)
    findings = [
        (m["Severity"], m["ID"], result["Target"])
        for result in report.get("Results", [])
        for m in result.get("Misconfigurations") or []
    ]
    assert findings == []
    assert sum(r.get("MisconfSummary", {}).get("Successes", 0) for r in report["Results"]) > 1000


def test_trivy_ignores_are_justified() -> None:
    import yaml

    ignores = yaml.safe_load((ROOT / ".trivyignore.yaml").read_text())["misconfigurations"]
    for entry in ignores:
        assert len(entry["statement"]) > 60, entry["id"]


def test_workflows_pass_actionlint() -> None:
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    assert len(workflows) >= 2
    result = subprocess.run([scanner("actionlint"), *workflows], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


ZIZMOR_CONFIG = ROOT / ".github" / "zizmor.yml"
BLOCKING_SEVERITIES = {"medium", "high"}


def test_workflows_pass_zizmor() -> None:
    """No zizmor finding at medium severity or above (unpinned actions, credentials
    persisted by checkout, template injection, excessive permissions, ...)."""
    result = subprocess.run(
        [
            scanner("zizmor"), "--offline", "--no-progress", "--config", str(ZIZMOR_CONFIG),
            "--format", "json", ".github/workflows",
        ],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    findings = json.loads(result.stdout)  # zizmor exits non-zero when it finds something
    blocking = [
        (
            finding["ident"],
            finding["determinations"]["severity"],
            [location["symbolic"]["key"]["Local"]["given_path"] for location in finding["locations"][:1]],
            finding["locations"][0]["concrete"]["location"]["start_point"]["row"] + 1,
        )
        for finding in findings
        if finding["determinations"]["severity"].lower() in BLOCKING_SEVERITIES
    ]
    assert blocking == [], result.stderr
    assert "completed .github/workflows/ci.yml" in result.stderr
    assert "completed .github/workflows/release-image.yml" in result.stderr


def test_zizmor_ignores_are_justified() -> None:
    """Every `ignore:` entry in the zizmor config says why, in a comment on its line."""
    entries = [line for line in ZIZMOR_CONFIG.read_text().splitlines() if re.match(r"\s*- [\w.-]+\.ya?ml(:\d+)*", line)]
    for entry in entries:
        _, _, reason = entry.partition("#")
        assert len(reason.strip()) > 20, entry


def test_every_action_is_pinned_to_a_commit_with_its_tag() -> None:
    """`uses: owner/action@<40 hex> # vX.Y.Z`, so the workflow file records both."""
    for workflow in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        for line in workflow.read_text().splitlines():
            match = re.match(r"\s*(?:- )?uses: (\S+)(.*)", line)
            if match is None or match[1].startswith("./"):
                continue
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", match[1]), (workflow.name, line)
            assert re.fullmatch(r" # v?\d+(\.\d+)*", match[2]), (workflow.name, line)
