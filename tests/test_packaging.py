"""The library as another team gets it: the wheel, installed into a virtualenv
outside the repository, synthesizing the example service from a copy of it.

The fresh virtualenv takes the library only from the wheel. Its third-party
dependencies (cdk8s, jsii, ...) are made visible from the project's own .venv
through a path entry, rather than downloaded again on every test run: that
entry does not run the .venv's editable-install hook, so the repository's
source cannot leak in (the test checks where the package was imported from).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

EXAMPLE = ROOT / "examples" / "queue-worker"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet", "-w", str(out), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    (path,) = out.glob("cdk8s_webservice-*.whl")
    return path


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Path:
    home = tmp_path_factory.mktemp("consumer")
    env = home / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    python = env / "bin" / "python"
    site = Path(
        subprocess.check_output(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    (site / "shared_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "--quiet", str(wheel)],
        check=True, capture_output=True,
    )  # fmt: skip
    return env


def consumer_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = "20"
    return env


def test_wheel_carries_the_bindings_crds_and_policies(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "cdk8s_webservice/py.typed" in names
    assert {
        f"cdk8s_webservice/policies/{p}" for p in ("security.rego", "resource-limits.rego", "kubernetes.rego")
    } <= names
    assert "cdk8s_webservice/crds/flagger.app.yaml" in names
    assert any(
        n.startswith("cdk8s_webservice_crds/com/coreos/monitoring/_jsii/") and n.endswith(".jsii.tgz") for n in names
    )
    assert not any(n.startswith(("tests/", "charts/", "constructs/", "imports/")) for n in names)
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA"))).decode()
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert f"Version: {version}" in metadata
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "cdk8s-webservice = cdk8s_webservice.cli:run" in entry_points


def test_installed_package_imports_from_the_virtualenv(venv: Path, tmp_path: Path) -> None:
    code = "import cdk8s_webservice, cdk8s_webservice_crds.io.argoproj as a; print(cdk8s_webservice.__file__); print(a.Application.__name__)"
    out = subprocess.run(
        [venv / "bin" / "python", "-c", code],
        cwd=tmp_path,
        env=consumer_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    path, cls = out.stdout.split()
    assert path.startswith(str(venv)) and cls == "Application"


def test_example_synthesizes_outside_the_repository_and_passes_the_gate(venv: Path, tmp_path: Path) -> None:
    project = tmp_path / "queue-worker"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("dist", "__pycache__"))
    env = consumer_env()
    synth = subprocess.run([venv / "bin" / "python", "main.py"], cwd=project, env=env, capture_output=True, text=True)
    assert synth.returncode == 0, synth.stderr
    assert "production   rolling   jobs          15" in synth.stdout
    assert sorted(p.name for p in (project / "dist").iterdir()) == [
        ".cdk8s-webservice-output",
        "argocd",
        "argocd-applicationset",
        "loadtest",
        "production",
        "staging",
    ]
    gate = subprocess.run(
        [venv / "bin" / "cdk8s-webservice", "--project", "main:project", "gate", "dist"], cwd=project, env=env, capture_output=True, text=True
    )  # fmt: skip
    assert gate.returncode == 0, gate.stderr
    objects = [yaml.safe_load(p.read_text()) for p in sorted((project / "dist" / "production").glob("*.yaml"))]
    kinds = {o["kind"] for o in objects}
    assert "Ingress" not in kinds and "Canary" not in kinds
    hpa = next(o for o in objects if o["kind"] == "HorizontalPodAutoscaler")
    assert [m["type"] for m in hpa["spec"]["metrics"]] == ["Resource", "Resource", "External"]
    assert hpa["spec"]["metrics"][2]["external"]["metric"]["name"] == "rabbitmq_queue_messages_ready"
    policy = next(o for o in objects if o["kind"] == "NetworkPolicy" and o["metadata"]["name"] == "queue-worker")
    assert [r["ports"][0]["port"] for r in policy["spec"]["ingress"]] == ["metrics"]  # nobody calls a worker


@pytest.mark.parametrize("module", ["main.py", "worker.py"])
def test_example_uses_only_the_public_api(module: str) -> None:
    source = (EXAMPLE / module).read_text()
    imports = [
        line.strip()
        for line in source.splitlines()
        if line.strip().startswith(("from cdk8s_webservice", "import cdk8s_webservice"))
    ]
    allowed = {"from cdk8s_webservice import (", "from cdk8s_webservice import cli"}
    assert set(imports) <= allowed | {"from cdk8s_webservice import ServiceProject"}
    assert imports
    assert "cdk8s_webservice." not in source.replace("cdk8s_webservice import", "")
