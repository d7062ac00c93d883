"""The command line (`cdk8s-webservice`): synth, diff, validate, render, watch and the release commands.

An app's `main.py` hands its project to `run_app`; the console script starts in
`warm_client.run` (the standard library only: a running `watch` may answer), which runs
`command_line.run` cold otherwise; tests call `main(argv)`. The parser is `parser.py`,
each command's run `command_line.py`, loaded on first use so the console script starts light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .command_line import main, run, run_app

__all__ = ["main", "run", "run_app"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module(f"{__name__}.command_line"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
