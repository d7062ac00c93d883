"""Inputs that crashed, flooded or hung a command (issue 22, item 4): every error one
bounded line, every YAML file a user wrote read within bounds, every program the tool
starts stopped in time."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT, RELEASES_FILE, ROOT, group_running
from test_cli import run

import main
from cdk8s_webservice import ServiceProject
from cdk8s_webservice.cli import arguments
from cdk8s_webservice.core.errors import ConfigError


@pytest.fixture
def project(tmp_path: Path) -> ServiceProject:
    """The blacklist project on a private copy of the releases file."""
    return dataclasses.replace(PROJECT, releases_file=Path(shutil.copy(RELEASES_FILE, tmp_path / "releases.yaml")))


def one_short_line(err: str) -> None:
    assert err.startswith("error: ") and err.count("\n") == 1, err[:2000]
    assert len(err) <= 1001 and "Traceback" not in err


def bomb(levels: int) -> str:
    """A "billion laughs": each level nine aliases of the one before (9**levels values)."""
    lines = ['x0: &x0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels + 1):
        lines.append(f"x{n}: &x{n} [" + ",".join([f"*x{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_a_200_kb_tag_is_not_echoed_whole(
    project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(project, "set-image", "-e", "staging", "v" * 200_000, root=tmp_path) == 2
    err = capsys.readouterr().err
    one_short_line(err)
    assert "(200000 characters)" in err


def test_a_config_error_of_any_size_is_one_bounded_line() -> None:
    error = ConfigError("f" * 10_000, {"k": ["v" * 10_000]}, "a\nb" * 10_000)
    assert "\n" not in str(error) and len(str(error)) < 1100
    assert error.value == {"k": ["v" * 10_000]}  # kept whole for the code that catches it


def test_an_alias_bomb_in_the_releases_file_is_one_short_line(
    project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "releases.yaml").write_text(bomb(6))
    assert run(project, "history", "-e", "staging", root=tmp_path) == 2
    err = capsys.readouterr().err
    one_short_line(err)
    assert "with its aliases (*name) expanded" in err


def test_deep_nesting_in_the_releases_file_is_one_line(
    project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "releases.yaml").write_text("staging: " + "[" * 5000 + "]" * 5000 + "\n")
    assert run(project, "history", "-e", "staging", root=tmp_path) == 2
    err = capsys.readouterr().err
    one_short_line(err)
    assert "nested at most 64 levels deep" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("# only a comment\n", "the file is empty"),
        ("- a\n- b\n", "the file is a list"),
        ("key: [1, 2]\n", "a value is not text"),
        ("key: [\n", "valid YAML"),
        (bomb(6), "with its aliases (*name) expanded"),
        ("key: " + "[" * 5000 + "]" * 5000 + "\n", "nested at most 64 levels deep"),
    ],
)
def test_a_sealed_values_file_that_is_not_a_mapping_of_text_is_one_line(
    tmp_path: Path, content: str, message: str
) -> None:
    (tmp_path / "staging.yaml").write_text(content)
    with pytest.raises(ConfigError) as raised:
        main.read_sealed_values(tmp_path)
    assert message in str(raised.value) and "\n" not in str(raised.value) and len(str(raised.value)) < 1100


def test_the_committed_sealed_values_read_as_before() -> None:
    values = main.read_sealed_values(main.SEALED_SECRETS)
    assert set(values) == {"staging", "production"}
    assert all(isinstance(v, str) and v for env in values.values() for v in env.values())


# -- the releases file: a symlink is updated where it points; comments are not kept -------


def test_a_symlinked_releases_file_is_updated_where_it_points(project: ServiceProject, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    target = shared / "releases.yaml"
    shutil.move(tmp_path / "releases.yaml", target)
    (tmp_path / "releases.yaml").symlink_to(os.path.relpath(target, tmp_path))
    with contextlib.redirect_stdout(None):
        assert run(project, "set-image", "-e", "staging", "v1.7.0", root=tmp_path) == 0
    assert (tmp_path / "releases.yaml").is_symlink()
    assert "image_tag: v1.7.0" in target.read_text()
    assert sorted(p.name for p in shared.iterdir()) == ["releases.yaml"]  # no temporary left


def test_comments_the_rewrite_drops_are_announced(
    project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "releases.yaml"
    path.write_text(path.read_text() + "# frozen until the audit: ask ops\n")
    assert run(project, "set-image", "-e", "staging", "v1.7.0", root=tmp_path) == 0
    err = capsys.readouterr().err
    assert "note: releases.yaml: 1 comment line(s) not written back" in err


def test_the_header_alone_is_no_dropped_comment(
    project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(project, "set-image", "-e", "staging", "v1.7.0", root=tmp_path) == 0
    assert "comment" not in capsys.readouterr().err


# -- programs the tool starts: stopped in time -----------------------------------------


def test_a_hanging_argocd_is_stopped_after_its_timeout(
    project: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    pids = tmp_path / "pids"
    # argocd, and a child of its own, that never end.
    (bin_dir / "argocd").write_text(f"#!/bin/sh\necho $$ > {pids}\nsleep 60 &\nwait\n")
    (bin_dir / "argocd").chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    code = run(project, "deploy", "-e", "staging", "v1.7.0", "--sync", "--timeout", "2", root=tmp_path)
    assert code == 1
    assert "still running after 4 s: stopped" in capsys.readouterr().err
    assert not group_running(int(pids.read_text()))  # its own group (it leads it), child included


@pytest.mark.parametrize("budget", ["nan", "-5", "0", "inf", "lots"])
def test_watch_memory_budget_is_finite_and_positive(budget: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        arguments.parser().parse_args(["watch", "--memory-budget", budget])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert f"--memory-budget: '{budget}' is not allowed; a finite number of MiB above 0" in err
    assert err.count("\n") == 1


def test_watch_memory_budget_takes_a_positive_number() -> None:
    assert arguments.parser().parse_args(["watch", "--memory-budget", "120.5"]).memory_budget == 120.5


def test_a_jsii_runtime_that_is_not_there_is_one_line() -> None:
    script = Path(sys.executable).parent / "cdk8s-webservice"
    env = {**os.environ, "JSII_RUNTIME": "/nonexistent.js"}
    result = subprocess.run(
        [str(script), "history", "-e", "staging"], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 2
    one_short_line(result.stderr)
    assert result.stderr.startswith("error: JSII_RUNTIME: '/nonexistent.js' is not allowed")


# -- the output folder: long object names, a mount point -------------------------------


def test_a_250_character_object_name_is_written(tmp_path: Path) -> None:
    from cdk8s_webservice.synthesis.output import write_environments
    from cdk8s_webservice.synthesis.rendering import render_files

    names = ["a" * 250, "a" * 249 + "b", "short"]
    objects = [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": n, "namespace": "x"}} for n in names]
    write_environments(tmp_path / "dist", {"development": render_files("development", objects)}, whole=True)
    files = sorted((tmp_path / "dist" / "development").iterdir())
    assert len(files) == 3 and all(len(f.name.encode()) <= 255 for f in files)
    assert (tmp_path / "dist" / "development" / "configmap-short.yaml").is_file()  # as before
    read = {yaml.safe_load(f.read_text())["metadata"]["name"] for f in files}
    assert read == set(names)


@pytest.fixture
def mounted_dist(tmp_path: Path) -> Iterator[Path]:
    dist = tmp_path / "dist"
    dist.mkdir()
    made = subprocess.run(["mount", "--bind", str(dist), str(dist)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {made.stderr.decode().strip()}")
    try:
        yield dist
    finally:
        subprocess.run(["umount", "-l", str(dist)], check=False)


def test_an_output_folder_that_is_a_mount_point_is_refused_up_front(
    project: ServiceProject, tmp_path: Path, mounted_dist: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(project, "synth", root=tmp_path) == 2
    err = capsys.readouterr().err
    one_short_line(err)
    assert err.startswith(f"error: --out: '{mounted_dist}' is not allowed; a folder that is not a mount point")
    assert os.listdir(mounted_dist) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".dist")] == []


def test_a_cdk8s_yaml_nested_too_deep_is_one_line(tmp_path: Path) -> None:
    from cdk8s_webservice.synthesis.cdk8s_app import configured_output

    (tmp_path / "cdk8s.yaml").write_text("output: " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(ConfigError, match="nested at most 64 levels deep"):
        configured_output(tmp_path)
    (tmp_path / "cdk8s.yaml").write_text("output: .cdk8s.out\n")
    assert configured_output(tmp_path) == tmp_path / ".cdk8s.out"


@pytest.mark.parametrize("program", ["process.exit(3);\n", "console.log('hello');\n"])
def test_a_jsii_runtime_that_is_not_jsii_is_one_line(tmp_path: Path, program: str) -> None:
    runtime = tmp_path / "runtime.js"
    runtime.write_text(program)
    script = Path(sys.executable).parent / "cdk8s-webservice"
    env = {**os.environ, "JSII_RUNTIME": str(runtime)}
    result = subprocess.run(
        [str(script), "history", "-e", "staging"], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 2
    one_short_line(result.stderr)
    assert result.stderr.startswith(f"error: JSII_RUNTIME: '{runtime}' is not allowed; a jsii runtime that speaks")


@pytest.mark.parametrize(
    "old",
    [
        "kind: ConfigMap\nmetadata: {name: x}\ndata: " + "[" * 5000 + "]" * 5000 + "\n",
        bomb(6),
        "not: [valid\n",
        "- a list\n",
        "kind: ConfigMap\n",  # no metadata
    ],
)
def test_watch_reads_an_edited_old_output_file_within_bounds(old: str) -> None:
    from cdk8s_webservice.cli.watch import changes_by_folder

    new = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"
    changes = changes_by_folder({"development/configmap-x.yaml": old}, {"development": {"configmap-x.yaml": new}})
    assert [(c.change, c.key) for c in changes["development"]] == [("added", ("ConfigMap", "", "x"))]
