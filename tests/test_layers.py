"""The layering holds: constructs never import the gate, the writer or the CLI, and the
gate never pulls in cdk8s (it runs in a worker process without Node.js)."""

from __future__ import annotations

import ast
import subprocess
import sys

from conftest import ROOT

PACKAGE = ROOT / "constructs" / "cdk8s_webservice"
UPPER = (
    "gate", "output", "cli", "project", "release_workflow", "cdk8s_app", "runtime", "testing", "discovery", "watch",
)  # fmt: skip


def imports(path) -> set[str]:
    """Modules a file imports at run time (not under `if TYPE_CHECKING:`)."""
    tree = ast.parse(path.read_text())
    found: set[str] = set()
    type_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and getattr(block.test, "id", None) == "TYPE_CHECKING"
        for node in ast.walk(block)
    }
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.ImportFrom):
            found.add(("." * node.level) + (node.module or ""))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_constructs_never_import_the_gate_the_writer_or_the_cli() -> None:
    offenders = []
    for path in sorted(PACKAGE.glob("*.py")):
        found = imports(path)
        is_construct = any(
            m in ("cdk8s", "constructs", "cdk8s_plus_27") or m.startswith("cdk8s_webservice_crds") for m in found
        )
        if not is_construct or path.stem in UPPER:
            continue
        for module in found:
            if module.startswith(".") and module.lstrip(".").split(".")[0] in UPPER:
                offenders.append(f"{path.name} imports {module}")
    assert offenders == []


def test_the_gate_starts_no_node() -> None:
    code = (
        "import sys, pkgutil, importlib, cdk8s_webservice.gate as g\n"
        "for m in pkgutil.iter_modules(g.__path__): importlib.import_module(f'cdk8s_webservice.gate.{m.name}')\n"
        "print(sorted(m for m in ('jsii', 'cdk8s', 'constructs') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
