"""The public API: pinned, documented, and documented in docs/ (built offline).

The surface (every name in `cdk8s_webservice.__all__` with its signature, and every
field of the public dataclasses) is pinned in tests/api/public-api.txt, whose
first line names the version. Changing the API means regenerating the file
(`UPDATE_API_SURFACE=1 make test`), which records the version: bump it in
pyproject.toml first (major for a removal or a changed signature, minor for an
addition) and add a CHANGELOG entry.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import os
import re
import subprocess
import sys
import tomllib
from enum import Enum
from pathlib import Path
from typing import Any, cast

import griffe
import pytest
from conftest import ROOT

import cdk8s_webservice
from cdk8s_webservice import ConfigError

# The module itself, to read what its type stub leaves out (the private export table and
# stub writer, a name it does not have).
MODULE: Any = cdk8s_webservice

SURFACE_FILE = ROOT / "tests" / "api" / "public-api.txt"
STUB_FILE = ROOT / "src" / "cdk8s_webservice" / "__init__.pyi"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def surface() -> str:
    lines = []
    for name in sorted(cdk8s_webservice.__all__):
        obj = getattr(cdk8s_webservice, name)
        if inspect.ismodule(obj):
            lines.append(f"module {name}")
        elif dataclasses.is_dataclass(obj):
            lines.append(f"dataclass {name}")
            lines += [f"    {f.name}: {f.type}{_default(f)}" for f in dataclasses.fields(obj)]
        elif inspect.isclass(obj):
            kind = "enum" if issubclass(obj, __import__("enum").Enum) else "class"
            # jsii's metaclass hides a construct's signature behind __call__: read __init__.
            lines.append(f"{kind} {name}{_signature(obj.__init__) if kind == 'class' else ''}")
            if kind == "enum":
                lines += [f"    {member.name} = {member.value!r}" for member in cast(type[Enum], obj)]
            else:
                for attr, value in sorted(vars(obj).items()):
                    if not attr.startswith("_") and callable(value):
                        lines.append(f"    def {attr}{_signature(value)}")
        else:
            lines.append(f"def {name}{_signature(obj)}")
    return "\n".join(lines) + "\n"


def _signature(obj: object) -> str:
    try:
        return str(inspect.signature(obj))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "(...)"


def _default(f: dataclasses.Field) -> str:  # type: ignore[type-arg]
    if f.default is not dataclasses.MISSING:
        return f" = {f.default!r}"
    if f.default_factory is not dataclasses.MISSING:
        return " = <factory>"
    return ""


def test_public_api_is_pinned() -> None:
    current = f"# cdk8s-webservice {VERSION}\n{surface()}"
    if os.environ.get("UPDATE_API_SURFACE") == "1":
        SURFACE_FILE.write_text(current)
    pinned = SURFACE_FILE.read_text()
    assert pinned.splitlines()[0] == f"# cdk8s-webservice {VERSION}", "regenerate the surface after a version bump"
    assert pinned == current, (
        "the public API changed: bump the version in pyproject.toml (major for a removal or a changed "
        "signature, minor for an addition), add a CHANGELOG entry, then UPDATE_API_SURFACE=1 make test"
    )


def test_type_stub_is_generated_from_the_one_export_table() -> None:
    """`__init__.pyi` (what mypy and IDEs read) lists exactly `_PUBLIC`'s names."""
    if os.environ.get("UPDATE_API_SURFACE") == "1":
        STUB_FILE.write_text(MODULE._stub())
    assert STUB_FILE.read_text() == MODULE._stub(), "regenerate it: UPDATE_API_SURFACE=1 make test"


def test_plumbing_is_not_top_level() -> None:
    plumbing = {"cli", "render_files", "to_yaml", "replace_directory", "write_environments", "check_output_folder",
                "annotate_sync_waves", "replica_owners", "chart_files", "diff_objects", "format_changes",
                "refuse_plain_secrets", "check_ciphertext", "slo_alerts", "Gate"}  # fmt: skip
    assert not plumbing & set(cdk8s_webservice.__all__)
    from cdk8s_webservice.synthesis.output import replace_directory

    assert callable(replace_directory)


def test_importing_the_package_and_testing_starts_no_node() -> None:
    code = "import sys, cdk8s_webservice, cdk8s_webservice.testing; cdk8s_webservice.ConfigError; print('jsii' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_changelog_has_the_current_version() -> None:
    assert f"\n## {VERSION}\n" in (ROOT / "CHANGELOG.md").read_text()


def test_every_public_name_and_field_is_documented() -> None:
    package = griffe.load("cdk8s_webservice", search_paths=[str(ROOT / "src")], resolve_aliases=True)
    undocumented = []
    for name in cdk8s_webservice.__all__:
        target = package.members[name]
        target = cast(griffe.Alias, target).final_target if target.is_alias else target
        if not target.docstring:
            undocumented.append(name)
        if target.is_class and dataclasses.is_dataclass(getattr(cdk8s_webservice, name)):
            for field in dataclasses.fields(getattr(cdk8s_webservice, name)):
                attribute = target.all_members.get(field.name)  # inherited fields: documented in the base
                if attribute is None or not attribute.docstring:
                    undocumented.append(f"{name}.{field.name}")
    assert undocumented == []


def test_the_top_level_is_small() -> None:
    """What a service definition needs, no more (issue 24): the rest is imported from its module."""
    assert len(cdk8s_webservice.__all__) <= 45


def test_names_moved_off_the_top_level_warn_with_their_module() -> None:
    for name, module in MODULE._MOVED.items():
        with pytest.warns(DeprecationWarning, match=rf"cdk8s_webservice\.{name} is deprecated since 0\.7\.0: "
                          rf"import it from cdk8s_webservice\.{re.escape(module)}$"):  # fmt: skip
            value = getattr(cdk8s_webservice, name)
        assert value is getattr(importlib.import_module(f"cdk8s_webservice.{module}"), name)
        assert name not in cdk8s_webservice.__all__


def test_module_paths_before_0_7_import_the_new_module_with_a_warning() -> None:
    """Every old path, each in a fresh interpreter (a module imports once per process)."""
    code = (
        "import importlib, warnings, cdk8s_webservice as c\n"
        "for old, new in sorted(c._MOVED_MODULES.items()):\n"
        "    with warnings.catch_warnings(record=True) as seen:\n"
        "        warnings.simplefilter('always')\n"
        "        module = importlib.import_module(f'cdk8s_webservice.{old}')\n"
        "    target = importlib.import_module(f'cdk8s_webservice.{new}')\n"
        "    assert module is target or (old in c._SPLIT_MODULES and module.Deployment is target.Deployment), old\n"
        "    assert [str(w.message) for w in seen if w.category is DeprecationWarning] == [\n"
        "        f'cdk8s_webservice.{old} is deprecated since 0.7.0: import cdk8s_webservice.{new}'], (old, seen)\n"
        "print(len(c._MOVED_MODULES))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.split()[-1]) == len(MODULE._MOVED_MODULES) > 60


def test_every_public_dataclass_checks_its_keywords_however_it_is_imported() -> None:
    """`@public` where the class is defined: the module path gives the same ConfigError as the top level."""
    checked = 0
    for name, module in {**MODULE._MOVED, **MODULE._EXPORTS}.items():
        value = getattr(importlib.import_module(f"cdk8s_webservice.{module}"), name)
        if isinstance(value, type) and dataclasses.is_dataclass(value):
            assert getattr(value.__init__, "_cdk8s_webservice_strict", False), name
            checked += 1
    assert checked > 40
    from cdk8s_webservice.kinds.scheduling import Toleration

    with pytest.raises(ConfigError, match="did you mean 'effect'"):
        Toleration(key="dedicated", efect="NoSchedule")  # type: ignore[call-arg]


def test_every_exported_name_resolves_lazily() -> None:
    """`__all__` names load on first use, from the module `_EXPORTS` says."""
    assert len(cdk8s_webservice.__all__) == len(set(cdk8s_webservice.__all__))
    assert set(cdk8s_webservice.__all__) == set(MODULE._EXPORTS)
    for name in cdk8s_webservice.__all__:
        value = getattr(cdk8s_webservice, name)
        module = f"cdk8s_webservice.{MODULE._EXPORTS[name]}"
        defined_in = value.__name__ if inspect.ismodule(value) else value.__module__
        assert defined_in == module or defined_in.startswith(f"{module}."), (name, defined_in)
        assert name in dir(cdk8s_webservice)
    with pytest.raises(AttributeError, match="has no attribute 'NoSuchConstruct'"):
        MODULE.NoSuchConstruct  # noqa: B018


@pytest.mark.skipif(sys.platform == "win32", reason="mkdocs build paths")
def test_docs_build_offline(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    reference = (tmp_path / "site" / "reference" / "index.html").read_text()
    for name in ("WebServiceProps", "EnvironmentProfile", "GateSettings", "ServiceLevelObjectives"):
        assert f'id="cdk8s_webservice.{name}"' in reference
    assert "Image repository without tag" in reference  # field docstrings are rendered
    assert (tmp_path / "site" / "migration-from-kustomize" / "index.html").exists()


def _top_level_imports(text: str) -> set[str]:
    """Names of every `from cdk8s_webservice import ...` in `text` (one line or parenthesized)."""
    names: set[str] = set()
    for match in re.finditer(r"^\s*from cdk8s_webservice import (\([^)]*\)|[^\n]*)", text, re.MULTILINE):
        names |= {n.split(" as ")[0].strip() for n in match.group(1).strip("()").replace("\n", ",").split(",")}
    return names - {"", "#"}


def test_the_docs_import_only_current_top_level_names() -> None:
    """The documentation's (and the docstrings') examples import from the top level only
    what `__all__` holds, or a subpackage: a name moved off it in 0.7.0 warns when read
    there (and fails under `-W error::DeprecationWarning`)."""
    subpackages = {p.name for p in (ROOT / "src" / "cdk8s_webservice").iterdir() if (p / "__init__.py").exists()}
    sources = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    sources += sorted((ROOT / "src" / "cdk8s_webservice").rglob("*.py"))
    stale = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in sources
        if path.name != "changelog.md"
        for name in _top_level_imports(path.read_text())
        if name not in cdk8s_webservice.__all__ and name not in subpackages
    }
    assert not stale, sorted(stale)


def test_the_testing_example_of_the_docs_passes(tmp_path: Path) -> None:
    """docs/using-the-library.md's *Testing constructs* example runs as written (pytest)."""
    text = (ROOT / "docs" / "using-the-library.md").read_text()
    section = text.split("## Testing constructs", 1)[1]
    example = section.split("```python\n", 1)[1].split("```", 1)[0]
    (tmp_path / "test_example.py").write_text(example)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", "test_example.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-2000:]


def test_a_construct_module_imported_by_its_path_chooses_nodejs_first(tmp_path: Path) -> None:
    """A name moved off the top level is imported from its module (`kinds.availability`,
    `kinds.harden`, ...): jsii then runs the Node.js the library chooses (22 or newer, else
    the one pip installed), as a top-level name does, never an older `node` on PATH."""
    old = tmp_path / "node"
    old.write_text("#!/bin/sh\necho v20.1.0\n")
    old.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("JSII_NODE", "CDK8S_WEBSERVICE_CACHE")}
    env["PATH"] = f"{tmp_path}{os.pathsep}{env.get('PATH', '')}"
    code = (
        "import os, sys\n"
        "from cdk8s_webservice.kinds.availability import PodDisruptionBudget\n"
        "print('jsii' in sys.modules, os.environ.get('JSII_NODE'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    loaded, chosen = result.stdout.split()
    assert loaded == "True" and chosen not in ("None", str(old))
    assert "end-of-life" not in result.stderr


def test_the_names_of_0_6_modules_still_read_from_their_old_paths() -> None:
    """Every public name of a 0.6 module reads from its old path until 0.8.0, also where the
    module was split (`workload`: its props and ConfigMap went to modules of their own) or
    its path is now a package (`gitops`, `runtime`, `cli`), with a warning where it moved."""
    code = (
        "import warnings\n"
        "warnings.simplefilter('error', DeprecationWarning)\n"
        "with warnings.catch_warnings():\n"
        "    warnings.simplefilter('ignore', DeprecationWarning)\n"
        "    from cdk8s_webservice.workload import ConfigMap, Deployment, DeploymentProps, HealthChecks\n"
        "    from cdk8s_webservice.workload import POD_TEMPLATE_ANNOTATIONS, check_pod_parts\n"
        "from cdk8s_webservice.kinds import config_map, deployment_props, workload\n"
        "assert (ConfigMap, HealthChecks) == (config_map.ConfigMap, deployment_props.HealthChecks)\n"
        "assert Deployment is workload.Deployment and DeploymentProps is deployment_props.DeploymentProps\n"
        "for path, name in [('gitops', 'annotate_sync_waves'), ('gitops', 'SYNC_WAVE'), ('runtime', 'check_node'),\n"
        "                   ('runtime', 'NODE_MAJOR_MIN'), ('cli', 'parser'), ('cli', 'summary')]:\n"
        "    module = __import__(f'cdk8s_webservice.{path}', fromlist=['_'])\n"
        "    try:\n"
        "        getattr(module, name)\n"
        "    except DeprecationWarning as warning:\n"
        "        assert f'cdk8s_webservice.{path}.{name} is deprecated since 0.7.0' in str(warning), warning\n"
        "    else:\n"
        "        raise AssertionError(f'{path}.{name}: no warning')\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-3000:]
