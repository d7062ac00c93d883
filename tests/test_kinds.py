"""The suite by kind (Makefile `test-kind`), as CI runs it side by side: every test module
is of exactly one kind, a module that runs a real engine is of the engines kind, CI has a
job per kind that fails on its own and names it, the README's two commands run from a clean
clone, and `.ci/run` still runs the README's `make test`."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml
from conftest import ROOT

MAKEFILE = (ROOT / "Makefile").read_text()
CI = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
# What a module that runs a real engine says in its source (tests/promql/harness.py finds
# promtool; its modules import it).
ENGINE_MARKS = ("import helm_python", "from harness import", "find_k6()", 'scanner("')


def make_variable(name: str) -> list[str]:
    match = re.search(rf"^{re.escape(name)} := ((?:.*\\\n)*.*)$", MAKEFILE, re.MULTILINE)
    assert match, f"Makefile has no {name}"
    return match[1].replace("\\\n", " ").split()


KINDS = make_variable("TEST_KINDS")
LISTED = {kind: make_variable(f"KIND_{kind}") for kind in KINDS if kind != "constructs"}


def modules(path: Path) -> set[Path]:
    return set(path.rglob("test_*.py")) if path.is_dir() else {path}


def kind_of() -> dict[Path, str]:
    """Each test module -> its kind (constructs: every module no other kind names)."""
    found: dict[Path, str] = {}
    for kind, paths in LISTED.items():
        for path in paths:
            assert (ROOT / path).exists(), f"KIND_{kind}: {path} does not exist"
            for module in modules(ROOT / path):
                assert module not in found, f"{module} is of two kinds: {found[module]} and {kind}"
                found[module] = kind
    for module in modules(ROOT / "tests"):
        found.setdefault(module, "constructs")
    return found


def test_every_module_is_of_one_kind_and_each_kind_has_modules() -> None:
    kinds = kind_of()
    assert KINDS == ["constructs", "engines", "integration", "release"]
    assert {kind for kind in kinds.values()} == set(KINDS)
    assert kinds[ROOT / "tests" / "gate" / "test_gate.py"] == "constructs"
    assert kinds[ROOT / "tests" / "promql" / "test_promtool.py"] == "engines"
    assert kinds[ROOT / "tests" / "cli" / "test_cli.py"] == "release"
    # `constructs` runs the suite less the other kinds' paths: the same lists.
    dry = subprocess.run(["make", "-n", "test-kind", "KIND=constructs"], cwd=ROOT, capture_output=True, text=True)
    (command,) = (line for line in dry.stdout.splitlines() if " -m pytest " in line)
    ignored = re.findall(r"--ignore=(\S+)", command)
    assert ignored == [path for paths in LISTED.values() for path in paths]
    assert " tests " in command


def test_a_module_that_runs_a_real_engine_is_of_the_engines_kind() -> None:
    misplaced = [
        (str(module.relative_to(ROOT)), kind)
        for module, kind in kind_of().items()
        if kind != "engines" and module != Path(__file__) and any(mark in module.read_text() for mark in ENGINE_MARKS)
    ]
    assert misplaced == []


def test_ci_runs_each_kind_as_a_job_of_its_own() -> None:
    job = CI["jobs"]["tests"]
    assert job["strategy"]["fail-fast"] is False
    assert job["strategy"]["matrix"]["kind"] == KINDS
    assert "${{ matrix.kind }}" in job["name"]  # the failed job's name says the kind
    (step,) = (s for s in job["steps"] if "make test-kind" in s.get("run", ""))
    assert step["env"] == {"KIND": "${{ matrix.kind }}"} and step["run"] == 'make test-kind KIND="$KIND"'
    # The release commands end to end, in the release job.
    (release,) = (s for s in job["steps"] if s.get("if") == "matrix.kind == 'release'")
    for command in ("set-image", "history", "promote", "rollback", "deploy", "validate", "gate"):
        assert re.search(rf"^\$cli {command}\b", release["run"], re.MULTILINE), command
    # Promotion waits for every kind.
    assert {"tests", "clean-clone"} <= set(CI["jobs"]["promote"]["needs"])


def test_the_readme_commands_run_from_a_clean_clone() -> None:
    steps = CI["jobs"]["clean-clone"]["steps"]
    runs = [s.get("run", "") for s in steps]
    clone = next(i for i, run in enumerate(runs) if run.startswith("git clone "))
    assert '"$RUNNER_TEMP/clone"' in runs[clone]
    after = steps[clone + 1 :]
    assert [s["run"].split(" &&")[0] for s in after] == ["make synth", "make test"]
    assert all(s["working-directory"] == "${{ runner.temp }}/clone" for s in after)
    readme = (ROOT / "README.md").read_text()
    assert "make synth" in readme and "make test" in readme


def test_ci_run_still_runs_the_readme_test_command() -> None:
    lines = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if not line.startswith("#")]
    assert "make test" in lines


def test_a_kind_the_makefile_does_not_have_is_refused() -> None:
    result = subprocess.run(["make", "-s", "test-kind", "KIND=unit"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "error: KIND: 'unit' is not allowed; one of: constructs, engines, integration, release" in result.stderr
