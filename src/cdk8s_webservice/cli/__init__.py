"""The command line (`cdk8s-webservice`): synth, diff, validate, render, watch and the release commands.

An app's `main.py` hands its project to `run_app`; the console script starts in
`warm_client.run` (the standard library only: a running `watch` may answer), which runs
`command_line.run` cold otherwise; tests call `main(argv)`. The parser is `arguments.py`,
each command's run `command_line.py`, loaded on first use so the console script starts light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from cdk8s_webservice.core.deprecation import moved_attributes

if TYPE_CHECKING:
    from .command_line import main, run, run_app

__all__ = ["main", "run", "run_app"]


def _entry_point(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module(f"{__name__}.command_line"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# The rest of cli.py before 0.7.0, read with a warning from where it is now. Named, not
# looked up: `from cdk8s_webservice.cli import warm_client` asks for a submodule here first,
# and must not load the command line (the console script starts light).
__getattr__ = moved_attributes(
    __name__,
    {"EPILOG": f"{__name__}.arguments", "parser": f"{__name__}.arguments", "summary": f"{__name__}.command_line"},
    since="0.7.0",
    otherwise=_entry_point,
)
