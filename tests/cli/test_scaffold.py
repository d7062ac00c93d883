"""`cdk8s-webservice init` and `releases init|show` (issue 25, item 1), in process. The
scaffold itself, synthesized and tested from the built wheel, is in test_packaging.py."""

from __future__ import annotations

import contextlib
import dataclasses
import re
import shutil
import tomllib
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT, RELEASES_FILE

from cdk8s_webservice import ServiceProject, cli
from cdk8s_webservice.cli.scaffold import FILES, class_name, requirement
from cdk8s_webservice.releases.file import Releases
from cdk8s_webservice.releases.history import ReleaseStatus


def run(argv: list[str], root: Path, project: object = None) -> int:
    with contextlib.chdir(root):
        return cli.main(argv, project=project, root=root)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Orders", "error: NAME: 'Orders' is not allowed; a DNS-1123 label"),
        ("orders_api", "error: NAME: 'orders_api' is not allowed; a DNS-1123 label"),
        ("api-", "error: NAME: 'api-' is not allowed; a DNS-1123 label"),
        ("a" * 41, f"error: NAME: '{'a' * 41}' is not allowed; at most 40 characters"),
    ],
)
def test_init_refuses_a_bad_name(name: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["init", name], tmp_path) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_init_refuses_a_folder_with_files_and_takes_an_empty_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine\n")
    assert run(["init", "orders-api", "--dir", "taken"], tmp_path) == 2
    err = capsys.readouterr().err
    assert (
        err
        == f"error: --dir: '{tmp_path / 'taken'}' is not allowed; a new or empty folder (init writes a whole project)\n"
    )
    assert [p.name for p in (tmp_path / "taken").iterdir()] == ["notes.txt"]
    (tmp_path / "empty").mkdir()
    assert run(["init", "orders-api", "--dir", "empty"], tmp_path) == 0
    assert (tmp_path / "empty" / "main.py").is_file()


def test_init_writes_the_whole_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["init", "2fa-api", "--tag", "v1.0.0"], tmp_path) == 0
    out = capsys.readouterr().out
    assert "created" in out and "next: cd 2fa-api && make synth && make test" in out
    project = tmp_path / "2fa-api"
    files = sorted(str(p.relative_to(project)) for p in project.rglob("*") if p.is_file())
    assert files == sorted([*FILES, "releases.yaml"])
    for path in project.rglob("*"):
        if path.is_file():
            text = path.read_text()
            assert "{{name}}" not in text and "{{Class}}" not in text and "{{requirement}}" not in text, path
            if path.suffix == ".py":
                compile(text, str(path), "exec")
    assert "class Service2faApiChart(EnvironmentChart)" in (project / "service.py").read_text()
    releases = Releases.load(project / "releases.yaml")
    assert releases.environments == ["staging", "production"]
    assert all(releases.get(e).live.image_tag == "v1.0.0" for e in releases.environments)
    assert tomllib.loads((project / "pyproject.toml").read_text())["tool"]["cdk8s-webservice"] == {
        "project": "main:project"
    }
    assert f"cdk8s-webservice{requirement()}\n" in (project / "requirements.txt").read_text()
    assert (
        "\tmake" not in (project / "Makefile").read_text() and "\t$(PY) main.py" in (project / "Makefile").read_text()
    )
    workflow = yaml.safe_load((project / ".github" / "workflows" / "ci.yml").read_text())
    assert [s.get("run") for s in workflow["jobs"]["test"]["steps"]][-2:] == [
        "make test",
        ".venv/bin/cdk8s-webservice validate",
    ]


def test_class_name_and_requirement() -> None:
    assert class_name("orders-api") == "OrdersApi" and class_name("9lives") == "Service9lives"
    import cdk8s_webservice

    major, minor = (int(p) for p in cdk8s_webservice.__version__.split(".")[:2])
    assert requirement() == f">={cdk8s_webservice.__version__},<{major}.{minor + 1}"


@pytest.fixture
def fresh(tmp_path: Path) -> ServiceProject:
    """The blacklist project with no releases file yet."""
    return dataclasses.replace(PROJECT, releases_file=tmp_path / "releases.yaml")


def test_releases_init_starts_the_file_one_environment_at_a_time(
    fresh: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["releases", "show"], tmp_path, fresh) == 2
    assert capsys.readouterr().err.startswith("error: releases file: '") and "' does not exist; start it with"
    assert run(["releases", "init", "-e", "development", "dev-1"], tmp_path, fresh) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "releases.yaml: development: dev-1 is live (revision 1)",
        "still without a release: staging, production (releases init -e ENV TAG for each)",
    ]
    assert run(["releases", "init", "-e", "development", "dev-2"], tmp_path, fresh) == 2
    assert "an environment without a history in releases.yaml (use set-image -e development TAG)" in (
        capsys.readouterr().err
    )
    assert run(["releases", "init", "-e", "staging", "v1.0.0"], tmp_path, fresh) == 0
    assert run(["releases", "init", "-e", "production", "v1.0.0"], tmp_path, fresh) == 0
    assert (
        capsys.readouterr().out.splitlines()[-1] == "next: cdk8s-webservice synth, then commit releases.yaml and dist/"
    )
    before = (tmp_path / "releases.yaml").read_text()
    assert run(["releases", "init", "-e", "qa", "v1.0.0"], tmp_path, fresh) == 2
    assert "error: releases.yaml: qa: 'qa' is not allowed; an environment of the project" in capsys.readouterr().err
    assert (tmp_path / "releases.yaml").read_text() == before
    assert run(["releases", "show", "-e", "staging"], tmp_path, fresh) == 0
    assert capsys.readouterr().out.splitlines()[:3] == [
        "staging (releases.yaml):",
        "REVISION  IMAGE   STATUS  COLOUR  DESCRIPTION",
        "1         v1.0.0  live *  -       releases init",
    ]
    loaded = Releases.load(tmp_path / "releases.yaml")
    assert [loaded.get(e).live.status for e in loaded.environments] == [ReleaseStatus.LIVE] * 3


def test_releases_init_refuses_a_bad_tag_and_changes_nothing(
    fresh: ServiceProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["releases", "init", "-e", "staging", "v 1"], tmp_path, fresh) == 2
    assert capsys.readouterr().err.startswith("error: TAG: 'v 1' is not allowed; an image tag")
    assert not (tmp_path / "releases.yaml").exists()


def test_the_commit_message_after_set_image_names_that_release(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Blue-green: set-image records v1.3.0 pending while v1.5.0-rc.2 stays live; the
    suggested commit named the live one."""
    shutil.copy(RELEASES_FILE, tmp_path / "releases.yaml")
    project = dataclasses.replace(PROJECT, releases_file=tmp_path / "releases.yaml")
    assert run(["set-image", "-e", "staging", "v1.3.0"], tmp_path, project) == 0
    out = capsys.readouterr().out
    assert 'git commit -m "staging: v1.3.0 pending (revision 3)"' in out, out
    assert run(["promote", "-e", "staging"], tmp_path, project) == 0
    assert 'git commit -m "staging: v1.3.0 live (revision 3)"' in capsys.readouterr().out


def test_a_project_without_a_releases_file_is_told_how_to_name_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = dataclasses.replace(PROJECT, releases_file=None)
    assert run(["releases", "init", "-e", "staging", "v1.0.0"], tmp_path, project) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: releases_file: None is not allowed; a path: release commands record releases")
    assert "ServiceProject(releases_file=ROOT / 'releases.yaml')" in err and err.count("\n") == 1


def test_the_scaffolds_node_requirement_is_the_librarys() -> None:
    """The new project's README and requirements say what the library runs on: a Node.js
    `NODE_MAJOR_MIN` or newer on PATH, else the one pip installs with it (never an older one)."""
    from cdk8s_webservice.runtime.node import NODE_MAJOR_MIN

    templates = Path(cli.__file__).parent / "templates" / "service"
    for name in ("README.md.tmpl", "requirements.txt.tmpl"):
        text = (templates / name).read_text()
        named = {int(major) for major in re.findall(r"Node\.js (\d+) or newer", text)}
        assert named <= {NODE_MAJOR_MIN}, (name, named)
