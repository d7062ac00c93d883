"""Finding the project a command works on.

`[tool.cdk8s-webservice] project = "module:ATTR"` in the pyproject.toml of the
current folder (or the nearest parent that has the table), or `--project`.
`ATTR` is a `ServiceProject`, or a function without arguments that returns one
(so a project module can avoid importing cdk8s before the process is prepared).
"""

from __future__ import annotations

import importlib
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from cdk8s_webservice.core.errors import ConfigError

if TYPE_CHECKING:
    from .project import ServiceProject

_T = TypeVar("_T")


def project_spec(spec: str | None, cwd: Path | None = None) -> tuple[str, Path]:
    """`module:ATTR` and the folder it is imported from."""
    root = cwd or Path.cwd()
    if spec is None:
        for folder in (root, *root.parents):
            pyproject = folder / "pyproject.toml"
            if pyproject.is_file():
                try:
                    config = tomllib.loads(pyproject.read_text(encoding="utf-8"))
                except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
                    raise ConfigError(str(pyproject), None, f"valid TOML ({error})") from None
                table = config.get("tool", {}).get("cdk8s-webservice", {})
                if "project" in table:
                    spec, root = table["project"], folder
                    break
    if not isinstance(spec, str) or ":" not in spec:
        raise ConfigError(
            "--project", spec, "module:ATTRIBUTE, or [tool.cdk8s-webservice] project in a pyproject.toml here or above"
        )
    return spec, root


def load_project(spec: str, root: Path, args: tuple[object, ...] = ()) -> ServiceProject:
    """Import `module:ATTR` from `root` (call the process's `runtime.start` first);
    with `args`, ATTR is a function called with them."""
    from .project import ServiceProject

    module_name, _, attribute = spec.partition(":")
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    if not module_name or not attribute or module_name.startswith("."):
        raise ConfigError("--project", spec, "module:ATTRIBUTE with an absolute module name, e.g. main:project")
    try:
        module = importlib.import_module(module_name)
    except (ImportError, ValueError) as error:
        raise ConfigError("--project", spec, f"an importable module from {root} ({error})") from None
    except SystemExit:
        raise ConfigError("--project", spec, f"a module that can be imported; {module_name} exited") from None
    project = getattr(module, attribute, None)
    if args and not callable(project):
        raise ConfigError("--project", spec, f"a function (it is given arguments); it is {type(project).__name__}")
    if callable(project) and not isinstance(project, ServiceProject):
        project = project(*args)
    if not isinstance(project, ServiceProject):
        raise ConfigError("--project", spec, f"a ServiceProject; {module_name}.{attribute} is {type(project).__name__}")
    return project


def project_code(call: Callable[[], _T], project: str, command: str) -> _T:
    """`call()`, which runs the project's code: a `SystemExit` there (`sys.exit(0)`,
    `exit()`, `--project builtins:exit`) would end the command with the project's status,
    0 with nothing done; it is an error instead."""
    try:
        return call()
    except SystemExit as stop:
        raise ConfigError(
            "--project",
            project,
            f"a project whose code returns; it exited (SystemExit({stop.code!r})) during {command}, "
            "so nothing was done",
        ) from None
