"""The library as another team gets it: the wheel and the sdist, built from the
repository, the wheel installed into a virtualenv outside the repository with its
dependencies resolved from the package index, synthesizing the example service
from a copy of it.

The fresh virtualenv gets nothing from the project's .venv: pip installs the
wheel and resolves cdk8s, jsii, ... from the index at constraints.txt's versions
(the versions this repository tests; a user gets whatever the declared ranges
allow). Downloads are cached under .cache/pip, so only the first run fetches them,
and the installed virtualenv is kept (in the system's temporary folder, outside the
repository) under a key of the wheel's content, the constraints and the interpreter.

The other tests here check the declared dependency ranges against the exact
versions this repository installs (constraints.txt) and the floors CI's
lowest-versions job installs (constraints-lowest.txt).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

EXAMPLE = ROOT / "examples" / "queue-worker"
PAYMENTS = ROOT / "examples" / "payments-api"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
VERSION = PYPROJECT["project"]["version"]
DEPENDENCIES = [Requirement(r) for r in PYPROJECT["project"]["dependencies"]]
# What a checkout holds besides the project's files (virtualenvs, caches, build output).
LOCAL_STATE = shutil.ignore_patterns(
    ".venv*",
    "node_modules",
    ".git",
    "build",
    ".cache",
    "*.egg-info",
    "__pycache__",
    ".*_cache",
    ".hypothesis",
    ".cdk8s.out",
)


def pins(path: Path) -> dict[str, Version]:
    """name -> version of every `name==version` line of a constraints file."""
    found: dict[str, Version] = {}
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, sep, version = line.partition("==")
            assert sep and version, f"{path.name}: {line!r} is not an exact pin"
            found[canonicalize_name(name)] = Version(version)
    return found


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sdist, and the wheel built from that sdist (as `python -m build` does by
    default), so a wheel here proves the sdist holds what a build needs."""
    out = tmp_path_factory.mktemp("dists")
    # Built from a copy of the project's files: setuptools writes its egg-info (and the
    # sdist's release tree) into the folder it builds, and under pytest-xdist other
    # tests copy the project folder at the same time.
    source = tmp_path_factory.mktemp("source") / "project"
    shutil.copytree(ROOT, source, symlinks=True, ignore=LOCAL_STATE)
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
        check=True, capture_output=True,
    )  # fmt: skip
    (sdist,) = out.glob("cdk8s_webservice-*.tar.gz")
    (wheel,) = out.glob("cdk8s_webservice-*.whl")
    return {"sdist": sdist, "wheel": wheel}


@pytest.fixture(scope="module")
def wheel(dists: dict[str, Path]) -> Path:
    return dists["wheel"]


@pytest.fixture(scope="module")
def venv(wheel: Path) -> Path:
    """A virtualenv outside the repository with the wheel installed from the index.
    Installing takes ~7 s, and its result depends only on the wheel's content, the
    constraints and the interpreter: the virtualenv is kept (outside the repository, as
    it must be) under a key of those, and made again when any of them changes."""
    key = hashlib.sha256()
    with zipfile.ZipFile(wheel) as archive:  # the content, not the zip's timestamps
        for name in sorted(archive.namelist()):
            key.update(name.encode() + b"\0" + archive.read(name) + b"\0")
    key.update(
        (ROOT / "constraints.txt").read_bytes() + sys.version.encode() + os.path.realpath(sys.executable).encode()
    )
    home = Path(tempfile.gettempdir()) / f"cdk8s-webservice-consumer-{os.getuid()}"
    home.mkdir(mode=0o700, exist_ok=True)
    env = home / key.hexdigest()[:32] / "venv"
    complete = env.parent / "complete"
    with open(home / "lock", "a") as lock:  # one installer at a time, across sessions
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not complete.is_file():
            shutil.rmtree(env.parent, ignore_errors=True)
            env.parent.mkdir()
            subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
            install = subprocess.run(
                [
                    sys.executable, "-m", "pip", "--python", str(env / "bin" / "python"), "install", "--quiet",
                    "--disable-pip-version-check", "--cache-dir", str(ROOT / ".cache" / "pip"),
                    "-c", str(ROOT / "constraints.txt"), str(wheel),
                ],
                capture_output=True, text=True,
            )  # fmt: skip
            assert install.returncode == 0, install.stderr
            # Marked complete only with the wheel itself installed (a run that ended
            # without it once left a virtualenv every later run trusted).
            assert list(env.glob("lib/python*/site-packages/cdk8s_webservice-*.dist-info")), install.stdout
            complete.write_text(f"{wheel.name}\n")
    return env


def consumer_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = "20"
    return env


def test_sdist_holds_what_a_build_needs(dists: dict[str, Path]) -> None:
    with tarfile.open(dists["sdist"]) as sdist:
        names = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
    assert {"setup.py", "pyproject.toml", "docs/library.md", "src/cdk8s_webservice/py.typed"} <= names
    assert {f"src/cdk8s_webservice/policies/{p}" for p in ("security.rego", "resource-limits.rego")} <= names
    assert "src/cdk8s_webservice/crds/flagger.app_all.yaml" in names
    assert "imports/io/argoproj/__init__.py" in names
    assert any(re.fullmatch(r"imports/com/coreos/monitoring/_jsii/.*\.jsii\.tgz", n) for n in names)
    assert not any(n.startswith(("dist/", "tests/", "charts/", "node_modules/", ".venv", "README.md")) for n in names)


def test_wheel_carries_the_bindings_crds_and_policies(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "cdk8s_webservice/py.typed" in names
    assert {
        f"cdk8s_webservice/policies/{p}" for p in ("security.rego", "resource-limits.rego", "kubernetes.rego")
    } <= names
    assert "cdk8s_webservice/crds/flagger.app_all.yaml" in names
    assert any(
        n.startswith("cdk8s_webservice_crds/com/coreos/monitoring/_jsii/") and n.endswith(".jsii.tgz") for n in names
    )
    assert not any(n.startswith(("tests/", "charts/", "constructs/", "imports/")) for n in names)
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA"))).decode()
    version = VERSION
    assert f"Version: {version}" in metadata
    # A good neighbour: ranges, not pins; the library's own README; where to find it.
    requires = [
        line.removeprefix("Requires-Dist: ") for line in metadata.splitlines() if line.startswith("Requires-Dist: ")
    ]
    runtime = [r for r in requires if "extra ==" not in r]
    assert len(runtime) == len(DEPENDENCIES) and not any("==" in r for r in runtime), runtime
    assert "Description-Content-Type: text/markdown" in metadata
    assert "pip install cdk8s-webservice" in metadata and "Node.js" in metadata
    assert "make synth   # writes dist/development" not in metadata  # the blacklist app's README is not the library's
    for label in ("Homepage", "Repository", "Documentation", "Changelog"):
        assert f"Project-URL: {label}, https://" in metadata
    assert "Classifier: Typing :: Typed" in metadata
    assert "Classifier: Programming Language :: Python :: 3.11" in metadata
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "cdk8s-webservice = cdk8s_webservice.cli.warm_client:run" in entry_points


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
    # Resolved from the index into the virtualenv itself, not borrowed from the project's .venv.
    cdk8s = subprocess.run(
        [venv / "bin" / "python", "-c", "import cdk8s, sys; print(cdk8s.__file__); print(sys.path)"],
        cwd=tmp_path, env=consumer_env(), capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert cdk8s.stdout.startswith(str(venv)) and str(ROOT) not in cdk8s.stdout


def test_every_runtime_dependency_is_a_range_pinned_within_it_in_the_constraints() -> None:
    pinned = pins(ROOT / "constraints.txt")
    for requirement in DEPENDENCIES:
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{requirement.name} has no exact pin in constraints.txt"
        assert requirement.specifier.contains(pinned[name]), (
            f"constraints.txt: {name}=={pinned[name]} is not {requirement}"
        )
        operators = {s.operator for s in requirement.specifier}
        assert operators == {">=", "<"}, f"{requirement}: a range with a floor and a ceiling, not a pin"
    for extra, requirements in PYPROJECT["project"]["optional-dependencies"].items():
        for requirement in map(Requirement, requirements):
            name = canonicalize_name(requirement.name)
            assert name in pinned and requirement.specifier.contains(pinned[name]), f"[{extra}] {requirement}"


def test_the_lowest_constraints_are_the_declared_floors() -> None:
    lowest = pins(ROOT / "constraints-lowest.txt")
    floors = {
        canonicalize_name(r.name): next(Version(s.version) for s in r.specifier if s.operator == ">=")
        for r in DEPENDENCIES
    }
    assert lowest == floors


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


def test_every_customization_example_synthesizes_from_the_wheel_labelled_and_gated(venv: Path, tmp_path: Path) -> None:
    """payments-api uses every customization through the public API only: built from the
    installed wheel outside the repository, every object carries the shared labels and
    the chart's annotations, and the gate passes."""
    project = tmp_path / "payments-api"
    shutil.copytree(PAYMENTS, project, ignore=shutil.ignore_patterns("dist", "__pycache__"))
    env = consumer_env()
    synth = subprocess.run([venv / "bin" / "python", "main.py"], cwd=project, env=env, capture_output=True, text=True)
    assert synth.returncode == 0, synth.stderr
    gate = subprocess.run(
        [venv / "bin" / "cdk8s-webservice", "--project", "main:project", "gate", "dist"], cwd=project, env=env, capture_output=True, text=True
    )  # fmt: skip
    assert gate.returncode == 0, gate.stderr
    objects = [
        yaml.safe_load(p.read_text())
        for env_ in ("staging", "production")
        for p in (project / "dist" / env_).glob("*.yaml")
    ]
    assert len(objects) > 30
    for obj in objects:
        meta = obj["metadata"]
        assert meta["labels"]["app.kubernetes.io/part-of"] == "payments", meta["name"]
        assert meta["labels"]["environment"] in ("staging", "production"), meta["name"]
        assert meta["annotations"]["example.com/owner"] == "team-payments", meta["name"]
    deployment = next(o for o in objects if o["kind"] == "Deployment" and o["metadata"]["namespace"] == "payments")
    pod = deployment["spec"]["template"]["spec"]
    assert [c["name"] for c in pod["containers"]] == ["payments-api", "audit-shipper"]
    assert [c["name"] for c in pod["initContainers"]] == ["migrate"]
    assert pod["priorityClassName"] == "payments-critical"
    assert pod["containers"][0]["livenessProbe"]["grpc"]["port"] == 9000
    ingress = next(o for o in objects if o["kind"] == "Ingress" and o["metadata"]["namespace"] == "payments-staging")
    assert sorted(r["host"] for r in ingress["spec"]["rules"]) == [
        "pay.staging.example.com",
        "webhooks.staging.example.com",
    ]
    apps = {p.name: yaml.safe_load(p.read_text()) for p in (project / "dist" / "argocd").glob("*.yaml")}
    assert apps["application-payments-api-production.yaml"]["spec"]["destination"]["name"] == "prod-eu"


@pytest.mark.parametrize(
    "module", ["queue-worker/main.py", "queue-worker/worker.py", "payments-api/main.py", "payments-api/service.py"]
)
def test_example_uses_only_the_public_api(module: str) -> None:
    """The top level's names, `cli`, and names the package documents at their module path
    (moved off the top level in 0.7.0): never the plumbing."""
    import ast

    import cdk8s_webservice

    package: Any = cdk8s_webservice  # its private table of moved names, which the stub leaves out
    public_at_module = {(f"cdk8s_webservice.{m}", n) for n, m in package._MOVED.items()}
    found = []
    for node in ast.walk(ast.parse((ROOT / "examples" / module).read_text())):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("cdk8s_webservice"):
            found += [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            assert not any(a.name.startswith("cdk8s_webservice") for a in node.names)
    assert found
    for source, name in found:
        allowed = (source == "cdk8s_webservice" and name in [*cdk8s_webservice.__all__, "cli"]) or (
            (source, name) in public_at_module
        )
        assert allowed, (source, name)


@pytest.fixture(scope="module")
def venv_with_test_tools(venv: Path) -> Path:
    """The consumer virtualenv with what a scaffolded project's requirements.txt adds
    (pytest, syrupy), at constraints.txt's versions: installed once, beside the wheel."""
    marker = venv.parent / "test-tools"
    with open(venv.parent.parent / "lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not marker.is_file():
            install = subprocess.run(
                [
                    sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--quiet",
                    "--disable-pip-version-check", "--cache-dir", str(ROOT / ".cache" / "pip"),
                    "-c", str(ROOT / "constraints.txt"), "pytest", "syrupy",
                ],
                capture_output=True, text=True,
            )  # fmt: skip
            assert install.returncode == 0, install.stderr
            marker.write_text("pytest syrupy\n")
    return venv


def test_init_scaffolds_a_service_that_synthesizes_tests_itself_and_passes_the_gate(
    venv_with_test_tools: Path, tmp_path: Path
) -> None:
    """Issue 25's acceptance: `cdk8s-webservice init` from the installed wheel, then the
    scaffold's own `make synth` and `make test` (twice: the snapshots the first run
    records hold on the next), and the gate on its dist/."""
    bin_dir = venv_with_test_tools / "bin"
    env = {k: v for k, v in consumer_env().items() if not k.startswith("PYTEST_")}

    def run(*argv: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True)

    init = run(bin_dir / "cdk8s-webservice", "init", "orders-api", cwd=tmp_path)
    assert init.returncode == 0, init.stderr
    project = tmp_path / "orders-api"
    python = f"PY={bin_dir / 'python'}"
    synth = run("make", "synth", python, cwd=project)
    assert synth.returncode == 0, synth.stdout + synth.stderr
    assert "staging      rolling   orders-api-staging" in synth.stdout
    assert {"staging", "production", "argocd"} <= {p.name for p in (project / "dist").iterdir()}
    first = run("make", "test", python, cwd=project)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "3 passed" in first.stdout and "snapshots generated" in first.stdout
    again = run("make", "test", python, cwd=project)
    assert again.returncode == 0 and "snapshots passed" in again.stdout, again.stdout
    gate = run(bin_dir / "cdk8s-webservice", "gate", "dist", cwd=project)
    assert gate.returncode == 0, gate.stderr
    # Switched to blue-green, a release is pending on the preview colour (the scaffold's
    # profiles pass each environment's blue-green state from the releases file).
    environments = project / "environments.py"
    environments.write_text(environments.read_text().replace("Strategy.ROLLING", "Strategy.BLUE_GREEN", 1))
    release = run(bin_dir / "cdk8s-webservice", "set-image", "-e", "staging", "v1.3.0", cwd=project)
    assert release.returncode == 0, release.stderr
    assert 'git commit -m "staging: v1.3.0 pending (revision 2)"' in release.stdout, release.stdout
    images = sorted(
        line.split("image: ", 1)[1]
        for path in (project / "dist" / "staging").glob("deployment-*.yaml")
        for line in path.read_text().splitlines()
        if line.strip().startswith("image: registry.example.com/")
    )
    assert images == ["registry.example.com/orders-api:v0.1.0", "registry.example.com/orders-api:v1.3.0"], images
    refused = run(bin_dir / "cdk8s-webservice", "init", "orders-api", cwd=tmp_path)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1, refused.stderr
    version = run(
        bin_dir / "python", "-c", "import cdk8s_webservice; print(cdk8s_webservice.__version__)", cwd=tmp_path
    )
    assert version.stdout.strip() == VERSION
