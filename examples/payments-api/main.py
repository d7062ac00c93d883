"""The payments-api app: `python main.py` synthesizes dist/ (see service.py).

python main.py
cdk8s-webservice --project main:project validate
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cdk8s_webservice import cli

if TYPE_CHECKING:
    from cdk8s_webservice import ServiceProject

ROOT = Path(__file__).resolve().parent


def project() -> ServiceProject:
    from service import PROJECT  # after cli.run_app has prepared the process

    return PROJECT


if __name__ == "__main__":
    cli.run_app(project, ROOT)
