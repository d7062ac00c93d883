"""The package's layers hold: each subpackage imports only its own modules and the
subpackages below it, no modules import each other in a circle, library imports sit at
the top of modules (except where a start-up reason is written down below), no module
grows past 400 lines, and the gate never pulls in cdk8s (it runs without Node.js)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import cast

import pytest
from conftest import ROOT

PACKAGE = ROOT / "src" / "cdk8s_webservice"
NAME = "cdk8s_webservice"

# Bottom to top; a subpackage may import its own modules and those of any row below it.
# Subpackages on one row do not import each other.
LAYERS: list[tuple[str, ...]] = [
    ("core",),  # values, names, errors, bounded YAML, processes
    ("observability",),  # SLOs, PromQL, alerts, dashboards, scraping
    ("delivery",),  # strategies, Flagger's canary
    ("kinds",),  # one construct per Kubernetes kind
    ("addons",),  # mesh, feature flags, chaos, Karpenter
    ("profiles",),  # an environment's profile
    ("loadtest",),  # k6 scripts, the in-cluster test, reports
    ("service",),  # WebService and its chart
    ("gitops", "releases"),  # Argo CD and Helm; the releases file
    ("gate",),  # the manifest gate (no cdk8s)
    ("runtime",),  # the process: Node.js for jsii, signals, exit
    ("synthesis",),  # every environment rendered, diffed, written
    ("cli", "testing"),  # the command line; helpers for tests
]
LEVEL = {name: row for row, names in enumerate(LAYERS) for name in names}

# Modules that import library modules inside functions, and why: importing cdk8s-plus-27
# starts Node.js (0.59 s here), so what answers without a construct defers it (measured:
# `cdk8s-webservice --help` 0.12 s; `import cdk8s_webservice.cli.command_line` 86 ms).
DEFERRED = {
    "": "(the package's face) names load on first use, so `import cdk8s_webservice` starts no Node.js",
    "addons.mesh": "profiles import the Istio value without cdk8s; its constructs load when built",
    "cli.argocd_plugin": "the plugin's refusals answer before jsii starts Node.js (the project imports cdk8s)",
    "cli.command_line": "the CLI's help and refusals answer before jsii starts Node.js",
    "cli.warm_client": "the console script imports the standard library only until it knows no watch answers",
    "cli.warm_server": "the project's class (cdk8s) loads only once a request is served",
    "cli.watch": "watch chooses Node.js (runtime.start) before anything imports cdk8s",
    "gate": "the gate's checks load when first run: its import stays cheap for the worker's fork",
    "gate.worker": "the worker's process helpers load only in a process that forks one",
    "runtime.node": "the gate's worker is imported only by processes that start one",
    "synthesis.discovery": "a project is found (and refused) before its module imports cdk8s",
    "synthesis.fleet": "each member's Node.js is chosen before its project is imported",
    "testing": "helpers import cdk8s only when a test builds a chart",
    "testing.pytest_plugin": "a pytest plugin loads in every test run of a project: its fixtures import on use",
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {
    module_name(path): path for path in sorted(PACKAGE.rglob("*.py")) if path.relative_to(PACKAGE).parts[0] != "crds"
}


def library_imports(name: str) -> list[tuple[str, int, bool]]:
    """(imported module, line, inside a function) for each import of the library in a
    module, `if TYPE_CHECKING:` blocks included (a reader follows those too)."""
    path = MODULES[name]
    tree = ast.parse(path.read_text())
    in_function = {
        id(node)
        for function in ast.walk(tree)
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
        for node in ast.walk(function)
    }
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            elif node.module == NAME or (node.module or "").startswith(f"{NAME}."):
                target = cast(str, node.module)[len(NAME) + 1 :]
            else:
                continue
            # `from package import module` imports the module
            targets = [f"{target}.{alias.name}".strip(".") for alias in node.names]
            targets = [t if t in MODULES else target for t in targets]
        elif isinstance(node, ast.Import):
            targets = [a.name[len(NAME) + 1 :] for a in node.names if a.name.startswith(f"{NAME}.")]
        else:
            continue
        found += [(target, node.lineno, id(node) in in_function) for target in dict.fromkeys(targets)]
    return found


def subpackage(name: str) -> str:
    return name.split(".")[0] if name else ""


def test_every_subpackage_has_a_layer() -> None:
    subpackages = {subpackage(name) for name in MODULES if "." in name or MODULES[name].name == "__init__.py"}
    assert subpackages - {""} == set(LEVEL)
    # and nothing but the package's face sits at the top
    assert {name for name in MODULES if "." not in name and MODULES[name].name != "__init__.py"} == set()


@pytest.mark.parametrize("layer", sorted(LEVEL))
def test_a_subpackage_imports_only_itself_and_the_layers_below(layer: str) -> None:
    offenders = []
    for name in MODULES:
        if subpackage(name) != layer:
            continue
        for target, line, _ in library_imports(name):
            other = subpackage(target)
            if other == layer:
                continue
            if other == "" or LEVEL[other] >= LEVEL[layer]:
                offenders.append(f"{name}:{line} imports {target or NAME}")
    assert offenders == []


def test_no_modules_import_each_other_in_a_circle() -> None:
    graph = {name: {t for t, _, _ in library_imports(name) if t in MODULES and t != name} for name in MODULES}
    # the package's face imports lazily from everything; nothing below imports it back
    graph[""] = set()
    circles: list[list[str]] = []
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    assert circles == []


def test_library_imports_sit_at_the_top_unless_a_reason_is_written_down() -> None:
    inside = sorted({name for name in MODULES for _, _, deferred in library_imports(name) if deferred})
    assert [name for name in inside if name not in DEFERRED] == []
    assert sorted(set(DEFERRED) - set(inside)) == []  # no stale reasons


# Still to split (issue 24): the list only shrinks.
OVER_400_LINES: set[str] = set()


def test_no_module_is_over_400_lines() -> None:
    long = {name for name, path in MODULES.items() if len(path.read_text().splitlines()) > 400}
    assert long == OVER_400_LINES


def test_the_gate_starts_no_node() -> None:
    code = (
        "import sys, pkgutil, importlib, cdk8s_webservice.gate as g\n"
        "for m in pkgutil.iter_modules(g.__path__): importlib.import_module(f'cdk8s_webservice.gate.{m.name}')\n"
        "print(sorted(m for m in ('jsii', 'cdk8s', 'constructs') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_profiles_and_releases_start_no_node() -> None:
    """A project's profiles and its releases file load without Node.js (the CLI's release
    commands and refusals answer before jsii starts)."""
    code = (
        "import sys, cdk8s_webservice.profiles.environment, cdk8s_webservice.releases.file, "
        "cdk8s_webservice.releases.history, cdk8s_webservice.addons.mesh\n"
        "print(sorted(m for m in ('jsii', 'cdk8s', 'constructs') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
