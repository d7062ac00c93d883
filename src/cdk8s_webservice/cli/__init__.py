"""The command line (`cdk8s-webservice`): synth, diff, validate, render, watch and the release commands.

An app's `main.py` hands its project to `run_app`; the console script starts in
`warm_client.run` (the standard library only: a running `watch` may answer), which runs
`command_line.run` cold otherwise; tests call `main(argv)`. The parser is `arguments.py`,
each command's run `command_line.py`, loaded on first use so the console script starts light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .command_line import main, run, run_app

__all__ = ["main", "run", "run_app"]
# The rest of cli.py before 0.7.0 -> the module it is in now.
_MOVED = {"EPILOG": "arguments", "parser": "arguments", "summary": "command_line"}


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module(f"{__name__}.command_line"), name)
    # The rest of the module this path was before 0.7.0, with a warning. Named, not looked
    # up: `from cdk8s_webservice.cli import warm_client` asks for a submodule here first,
    # and must not load the command line (the console script starts light).
    if name not in _MOVED:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f"{__name__}.{_MOVED[name]}")
    import warnings

    warnings.warn(
        f"{__name__}.{name} is deprecated since 0.7.0: import it from {module.__name__}",
        DeprecationWarning,
        stacklevel=2,
    )
    return getattr(module, name)
