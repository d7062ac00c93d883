"""`deploy -e ENV TAG -s helm`: the old deploy script's Helm strategy. After the release is
recorded and `dist/` written, each of the environment's exported charts is installed or
upgraded with Helm, as `--sync` drives argocd: one release per cluster where the
environment's clusters differ (`values-<cluster>.yaml`, Helm's `--kube-context <cluster>`),
bounded in time, and stopped with the command."""

from __future__ import annotations

import shutil
from pathlib import Path

from cdk8s_webservice.core.errors import NotFound
from cdk8s_webservice.core.processes import run_step

HELM_STRATEGY = "helm"
#: Seconds Helm may run past its own --timeout (connecting, reporting).
GRACE = 30


def find_helm() -> str:
    """The helm CLI, found before anything changes."""
    found = shutil.which("helm")
    if found is None:
        raise NotFound(
            "--strategy",
            "helm",
            "not found on PATH",
            "install Helm 3 or 4 (https://helm.sh/docs/intro/install/) and a kube context for the "
            "environment, or deploy through Argo CD (leave out -s helm)",
        )
    return found


def releases(chart: Path, release: str, namespace: str) -> list[tuple[str, list[str]]]:
    """(what, helm arguments) of each install: the chart as it is, or once per cluster with
    that cluster's values file and kube context."""
    per_cluster = sorted(chart.glob("values-*.yaml"))
    base = ["upgrade", "--install", release, str(chart), "--namespace", namespace, "--wait"]
    if not per_cluster:
        return [(release, base)]
    installs = []
    for values in per_cluster:
        cluster = values.stem.removeprefix("values-")
        installs.append((f"{release} on {cluster}", [*base, "--values", str(values), "--kube-context", cluster]))
    return installs


def install(helm: str, chart: Path, release: str, namespace: str, timeout: int) -> int:
    """Install or upgrade each release of the chart in turn; 1 at the first that fails."""
    for what, arguments in releases(chart, release, namespace):
        command = [helm, *arguments, "--timeout", f"{timeout}s"]
        running = f"helm {' '.join(arguments)} --timeout {timeout}s"
        if run_step(
            command, "--strategy", running=running, what=f"helm upgrade of {what}", timeout=timeout, grace=GRACE
        ):
            return 1
    return 0
