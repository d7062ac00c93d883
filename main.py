"""The blacklist deployment project: the cdk8s app entry point.

    python main.py                      # every environment into dist/ (what `make synth` runs)
    python main.py -e staging -s canary --out /tmp/preview

Under `cdk8s synth` ($CDK8S_OUTDIR set) dist/ is still written here, atomically,
and the cdk8s CLI's scratch folder gets one stream per environment. The same
project drives the `cdk8s-webservice` command (diff, validate, promote, ...),
which finds it through pyproject.toml.
"""

from __future__ import annotations

import os
from pathlib import Path

from cdk8s_webservice import cli

ROOT = Path(__file__).resolve().parent
if __name__ == "__main__":
    # Before jsii starts: see prepare_process (banner, gate warm-up, ...).
    cli.prepare_process()
# jsii's unpacked-package cache belongs to the project, not to /tmp.
os.environ.setdefault("JSII_RUNTIME_PACKAGE_CACHE_ROOT", str(ROOT / ".cache" / "jsii"))
os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")

from cdk8s_webservice import GitOpsSettings, ServiceProject  # noqa: E402
from charts.blacklist import BlacklistChart  # noqa: E402
from charts.environments import RELEASES_FILE, load_environments  # noqa: E402

PROJECT = ServiceProject(
    name="blacklist",
    environments=load_environments,
    chart=BlacklistChart,
    releases_file=RELEASES_FILE,
    gitops=GitOpsSettings(repo_url="https://git.jclee.me/jclee/blacklist.git"),
    helm_chart_version="1.0.0",
)

if __name__ == "__main__":
    cli.run_app(PROJECT, ROOT)
