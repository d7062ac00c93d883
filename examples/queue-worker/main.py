"""The queue-worker app: `python main.py` synthesizes dist/ (see worker.py).

    python main.py                       # dist/staging, dist/production, dist/argocd
    cdk8s-webservice --project main:project diff

The service's constructs live in worker.py, imported by `project()` only after
`cli.run_app` has prepared the process (jsii's settings must come before cdk8s
is imported).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cdk8s_webservice import cli

if TYPE_CHECKING:
    from cdk8s_webservice import ServiceProject

ROOT = Path(__file__).resolve().parent


def project() -> ServiceProject:
    from worker import PROJECT

    return PROJECT


if __name__ == "__main__":
    cli.run_app(project, ROOT)
