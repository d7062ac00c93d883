"""The Helm export, rendered by the real Helm engine (Helm v4's Go SDK, through PyPI's
`helm-python-sdk`: no helm binary installs from the registries these machines reach):
every environment's chart prints exactly its folder, and production's chart, with each
cluster's values file, exactly that cluster's folder; without a cluster Helm refuses,
naming them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast

import helm_python as helm
import pytest
import yaml
from conftest import ENVS

from cdk8s_webservice.gitops.helm import chart_files


def write(files: dict[str, str], folder: Path) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def helm_template(chart_folder: Path, values: dict[str, Any]) -> dict[str, str]:
    """File name -> what `helm template` prints for that template (as ArgoCD's Helm does)."""
    with helm.Chart.load(chart_folder) as chart:
        printed = chart.render(values, name="blacklist", namespace="default")
        prefix = f"{chart.name}/templates/"
    return {name.removeprefix(prefix): text for name, text in printed.items() if name.startswith(prefix)}


def folders_of(rendered: dict[str, dict[str, str]], env: str) -> dict[str | None, dict[str, str]]:
    """Cluster (None: the environment's one folder) -> the folder's files."""
    if env in rendered:
        return {None: rendered[env]}
    return {folder.split("/", 1)[1]: files for folder, files in rendered.items() if folder.startswith(f"{env}/")}


@pytest.mark.parametrize("env", ENVS)
def test_the_real_helm_engine_prints_each_folder_exactly(
    rendered: dict[str, dict[str, str]], env: str, tmp_path: Path
) -> None:
    chart = write(rendered[f"helm/{env}"], tmp_path / env)
    folders = folders_of(rendered, env)
    for cluster, files in folders.items():
        values = {} if cluster is None else yaml.safe_load((chart / f"values-{cluster}.yaml").read_text())
        printed = helm_template(chart, values)
        printed.pop("_cluster.tpl", None)  # a helper: prints nothing
        assert printed == files, cluster
    if env == "production":
        assert sorted(cast(Iterable[str], folders)) == ["prod-eu-west-1", "prod-us-east-1"]


def test_a_cluster_must_be_picked_where_the_clusters_differ(
    rendered: dict[str, dict[str, str]], tmp_path: Path
) -> None:
    chart = write(rendered["helm/production"], tmp_path / "production")
    for values in ({}, {"cluster": "prod-ap-south-1"}):
        with pytest.raises(helm.HelmRenderError, match="one of: prod-eu-west-1, prod-us-east-1"):
            helm_template(chart, values)


def test_a_chart_per_cluster_set_any_templates(tmp_path: Path) -> None:
    """Objects only one cluster has, text that looks like a template, and the same object
    everywhere: each cluster's values file prints that cluster's objects, nothing more."""
    clusters = {
        "a": {"cm-x.yaml": "---\nkind: ConfigMap\ndata:\n  legend: '{{pod}}'\n", "cm-a.yaml": "---\nkind: A\n"},
        "b": {"cm-x.yaml": "---\nkind: ConfigMap\ndata:\n  legend: '{{pod}}'\n", "cm-b.yaml": "---\nkind: B\n"},
    }
    files = chart_files(
        name="app", environment="prod", version="1.0.0", app_version="v1", manifests={}, clusters=clusters
    )
    assert files["templates/cm-x.yaml"].count("cluster") == 0  # the same everywhere: not branched
    chart = write(files, tmp_path / "app")
    for cluster, expected in clusters.items():
        printed = helm_template(chart, yaml.safe_load(files[f"values-{cluster}.yaml"]))
        assert {k: v for k, v in printed.items() if v.strip() and k != "_cluster.tpl"} == expected
