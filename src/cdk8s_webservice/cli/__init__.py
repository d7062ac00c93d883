"""The command line (`cdk8s-webservice`): synth, diff, validate, render, watch and the release commands.

An app's `main.py` hands its project to `run_app`; the console script runs `run`; tests call
`main(argv)`. The parser and each command live in `command_line.py`.
"""

from .command_line import main, run, run_app

__all__ = ["main", "run", "run_app"]
