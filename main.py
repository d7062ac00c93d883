"""The blacklist deployment project: the cdk8s app entry point.

    python main.py                      # every environment into dist/ (what `make synth` runs)
    python main.py -e staging -s canary --out /tmp/preview

Under `cdk8s synth` ($CDK8S_OUTDIR set) dist/ is still written here, atomically,
and the cdk8s CLI's scratch folder gets one stream per environment. The same
project drives the `cdk8s-webservice` command (diff, validate, promote, ...),
which finds it through pyproject.toml (`main:project`).

Nothing here imports cdk8s at import time: `cli.run_app` prepares the process
(jsii settings, the gate worker) first, then calls `project()`.
"""

from __future__ import annotations

from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from cdk8s_webservice import cli
from cdk8s_webservice.core.yaml_limits import read_mapping

if TYPE_CHECKING:
    from cdk8s_webservice import ServiceProject

ROOT = Path(__file__).resolve().parent
RELEASES_FILE = ROOT / "releases.yaml"
SEALED_SECRETS = ROOT / "charts" / "sealed-secrets"


def read_sealed_values(folder: Path) -> dict[str, dict[str, str]]:
    """Environment -> sealed key -> ciphertext, from `<folder>/<environment>.yaml`
    (read once, here: the chart gets them as an argument)."""
    return {path.stem: read_mapping(path, "sealed values") for path in sorted(folder.glob("*.yaml"))}


@cache
def project() -> ServiceProject:
    """blacklist as a ServiceProject; the app's inputs (sealed values) are read here, once."""
    from cdk8s_webservice import GitOpsSettings, ServiceProject
    from charts.blacklist import BlacklistChart
    from charts.environments import CLUSTERS, environments

    return ServiceProject(
        name="blacklist",
        environments=environments,
        chart=partial(BlacklistChart, sealed=read_sealed_values(SEALED_SECRETS)),
        releases_file=RELEASES_FILE,
        gitops=GitOpsSettings(
            repo_url="https://git.jclee.me/jclee/blacklist.git",
            # blacklist's own AppProject (docs/multi-cluster.md); its clusters per environment.
            project="blacklist",
            app_project=True,
            environments=CLUSTERS,
        ),
        helm_chart_version="1.0.0",
    )


if __name__ == "__main__":
    cli.run_app(project, ROOT)
