"""Shared fixtures: the blacklist app is synthesized once per test session."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from hypothesis import settings as hypothesis_settings
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

import main
from cdk8s_webservice import Environments, Releases, runtime
from cdk8s_webservice.testing import find, find_all, pod_labels, read_tree, selects

if TYPE_CHECKING:
    from syrupy.assertion import SnapshotAssertion

    from cdk8s_webservice import EnvironmentProfile, ServiceProject

ROOT = Path(__file__).resolve().parent.parent
runtime.start(ROOT)  # jsii's settings, before anything imports cdk8s

# In CI the property tests run a fixed set of examples (a red build is reproducible, never
# a coin toss); on a developer's machine they explore new ones every run.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "default")

RELEASES_FILE = main.RELEASES_FILE


def load_environments(releases_file: Path = RELEASES_FILE) -> Environments:
    """blacklist's environments from a releases file (the committed one by default)."""
    from charts.environments import environments

    return environments(Releases.load(releases_file))


# Declared for the type checker only: `__getattr__` below makes them on first use.
PROJECT: ServiceProject
ENVIRONMENTS: Environments
DEVELOPMENT: EnvironmentProfile
STAGING: EnvironmentProfile
PRODUCTION: EnvironmentProfile


def __getattr__(name: str) -> Any:
    """PROJECT, ENVIRONMENTS and its three (DEVELOPMENT, STAGING, PRODUCTION), made on
    first use: they load cdk8s and start Node.js (~1 s), which pytest-xdist's controller
    process (it loads this file too, but runs no test) never needs."""
    if name not in ("PROJECT", "ENVIRONMENTS", "DEVELOPMENT", "STAGING", "PRODUCTION"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    environments = load_environments()
    globals().update(PROJECT=main.project(), ENVIRONMENTS=environments)
    globals().update(zip(("DEVELOPMENT", "STAGING", "PRODUCTION"), environments, strict=True))
    return globals()[name]


ENVS = ("development", "staging", "production")
FOLDERS = {"development": "development", "staging": "staging", "production": "production/prod-eu-west-1"}
"""Each environment's folder under dist/ (production's first cluster: it is split per cluster)."""

__all__ = [
    "ENVS",
    "FOLDERS",
    "ROOT",
    "find",
    "find_all",
    "group_running",
    "live_deployment",
    "pod_labels",
    "read_tree",
    "selects",
    "with_environments",
]


# Under pytest-xdist (`make test`: --dist loadfile --no-loadscope-reorder) each module
# runs whole on one worker (its module-scoped fixtures are built once), and modules are
# handed out in collection order. The modules that start processes (apps, Node.js, k6,
# scanners, pip) take most of the time: they go first, so the cheap in-process modules
# fill the gaps at the end and no worker is left alone with a long one. The order is a
# schedule only: every test still runs.
#
# Longest first: seconds on one worker beside the other (2 cores), and what a module
# can take when its cache is cold, which is when it must not be the one left running.
# A module left off runs after these, in file order: keep one that takes seconds here.
SLOW_FIRST = (
    "test_cli.py",  # ~22: a synth per release command, a fresh console script per error line
    "test_promtool.py",  # ~25: promtool runs every PromQL expression, per folder (tests/promql/)
    "test_output_atomic.py",  # ~11: writers and the app killed at random points
    # ~5, ~12 when the wheel changed: builds the sdist and the wheel, installs the wheel into a fresh virtualenv
    "test_packaging.py",
    "test_loadtest.py",  # ~10: real k6 runs of 2 s each (the worker mostly waits)
    "test_yaml_emitter.py",  # ~6: property tests
    "test_watch.py",  # ~5: the watch process, its edits and signals
    # ~0.5, ~5 when dist/ changed: checkov and trivy on dist/ (cached by content), actionlint, zizmor
    "test_scanners.py",
    "test_cdk8s_cli.py",  # ~5: the cdk8s CLI (Node.js) running the app
    "test_cluster_commands.py",  # ~8: a synth per command
    "test_fleet.py",  # ~5: fleet worker processes, each with its Node.js
    "test_cache_healing.py",  # ~8: three apps on their own caches (damaged, full)
    "test_bounded_inputs.py",  # ~6: a console script, an argocd stopped after 4 s
    "test_no_silent_success.py",  # ~5: every command with project code that exits
    "test_output.py",
    "test_api.py",  # mkdocs
    "test_gate.py",
    "test_strategies.py",
    "test_schema.py",
    "test_gate_flags_chaos.py",
    "test_gate_inputs.py",
    "test_readme.py",
    "test_cold_start.py",
    "test_parity.py",
    "test_gate_worker.py",
)


def pytest_sessionstart(session: pytest.Session) -> None:
    """On a fresh clone, the apps the tests start would each unpack jsii's packages and
    compile Python's bytecode of the bindings (with and without -O) until one of them had
    cached it: synthesize once in each mode first (~3 s, once)."""
    if hasattr(session.config, "workerinput") or (ROOT / ".cache" / "jsii").is_dir():
        return
    (ROOT / "build").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=ROOT / "build") as out:
        for flags in (["-O"], []):
            subprocess.run(
                [sys.executable, *flags, "main.py", "--out", f"{out}/dist"], cwd=ROOT, capture_output=True, timeout=300
            )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        name = item.path.name
        return SLOW_FIRST.index(name) if name in SLOW_FIRST else len(SLOW_FIRST)

    items.sort(key=rank)  # stable: each module keeps its own order


@pytest.fixture(scope="session")
def rendered() -> dict[str, dict[str, str]]:
    """Folder -> file name -> text, exactly as `make synth` writes dist/."""
    return main.project().synthesize()


@pytest.fixture(scope="session")
def objects(rendered: dict[str, dict[str, str]]) -> dict[str, list[dict[str, Any]]]:
    """Folder (environments, argocd, ...) -> the objects parsed back from the YAML."""
    objects = {
        folder: [yaml.safe_load(text) for text in files.values()]
        for folder, files in rendered.items()
        if not folder.startswith(("helm/", "loadtest/"))
    }
    return with_environments(objects)


def with_environments(objects: dict[str, Any]) -> dict[str, Any]:
    """An environment split per cluster (production) also answers to its name, with its
    first cluster's folder (tests/blacklist/test_multi_cluster.py covers every cluster)."""
    for env in ENVS:
        objects.setdefault(env, objects[FOLDERS[env]])
    return objects


def group_running(pgid: int) -> bool:
    """Whether a process of process group `pgid` still runs. A zombie does not: it has
    exited and holds nothing, and waits only for its parent to collect its status (an
    orphan's parent is init, which on some machines does that every 2 s only)."""
    proc = Path("/proc")
    if not (proc / "self" / "stat").is_file():  # no procfs: any process, zombie or not
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return False
        return True
    for stat in proc.glob("[0-9]*/stat"):
        try:
            # "pid (command) state ppid pgrp ...": the command may hold spaces and ")"
            state, _, pgrp = stat.read_text().rsplit(")", 1)[1].split()[:3]
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            continue  # gone while listed
        if int(pgrp) == pgid and state not in ("Z", "X"):
            return True
    return False


def live_deployment(objects: list[dict[str, Any]]) -> dict[str, Any]:
    """The Deployment serving live traffic: the one the HPA scales."""
    target = find(objects, "HorizontalPodAutoscaler", "blacklist")["spec"]["scaleTargetRef"]["name"]
    return find(objects, "Deployment", target)


class YamlSnapshot(SingleFileSnapshotExtension):
    """One readable .yaml file per snapshot, so a change reads as a YAML diff."""

    _write_mode = WriteMode.TEXT
    file_extension = "yaml"


@pytest.fixture
def yaml_snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(YamlSnapshot)
