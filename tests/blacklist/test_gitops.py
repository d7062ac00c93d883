"""ArgoCD Applications, the ApplicationSet that yields the same ones, sync waves, Helm export."""

from __future__ import annotations

import re
from typing import Any, cast

import pytest
import yaml
from conftest import ENVIRONMENTS, ENVS, FOLDERS, find_all

from cdk8s_webservice import ConfigError, GitOpsSettings
from cdk8s_webservice.gitops.helm import unescape
from cdk8s_webservice.gitops.sync_waves import SYNC_WAVE

REVISIONS = {"development": "develop", "staging": "develop", "production": "main"}
# Application -> (environment, folder under dist/, destination cluster): production runs on two clusters.
PLACES = {
    "blacklist-development": ("development", "development", {"server": "https://kubernetes.default.svc"}),
    "blacklist-staging": ("staging", "staging", {"server": "https://kubernetes.default.svc"}),
    "blacklist-production-prod-eu-west-1": ("production", "production/prod-eu-west-1", {"name": "prod-eu-west-1"}),
    "blacklist-production-prod-us-east-1": ("production", "production/prod-us-east-1", {"name": "prod-us-east-1"}),
}


def applications(objects: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    return {a["metadata"]["name"]: a for a in find_all(objects["argocd"], "Application")}


def test_one_application_per_environment_and_cluster(objects: dict[str, list[dict[str, Any]]]) -> None:
    apps = applications(objects)
    assert sorted(apps) == sorted(PLACES)
    for name, (env, folder, cluster) in PLACES.items():
        app = apps[name]
        assert app["metadata"]["namespace"] == "argocd"
        spec = app["spec"]
        assert spec["project"] == "blacklist"
        assert spec["source"]["path"] == f"dist/{folder}"
        assert spec["source"]["targetRevision"] == REVISIONS[env]
        assert spec["source"]["repoURL"] == "https://git.jclee.me/jclee/blacklist.git"
        assert spec["destination"] == {"namespace": ENVIRONMENTS.get(env).namespace, **cluster}
        assert "ServerSideApply=true" in spec["syncPolicy"]["syncOptions"]
        assert "RespectIgnoreDifferences=true" in spec["syncPolicy"]["syncOptions"]


def test_automated_sync_where_the_profile_says_so(objects: dict[str, list[dict[str, Any]]]) -> None:
    apps = applications(objects)
    for env in ("development", "staging"):
        assert apps[f"blacklist-{env}"]["spec"]["syncPolicy"]["automated"] == {"prune": True, "selfHeal": True}
        assert apps[f"blacklist-{env}"]["metadata"]["finalizers"] == ["resources-finalizer.argocd.argoproj.io"]
    for cluster in ("prod-eu-west-1", "prod-us-east-1"):
        production = apps[f"blacklist-production-{cluster}"]
        assert "automated" not in production["spec"]["syncPolicy"]
        # Deleting a production Application must never cascade to the workloads.
        assert "finalizers" not in production["metadata"]


@pytest.mark.parametrize("name", PLACES)
def test_replicas_owned_by_controllers_are_ignored(objects: dict[str, list[dict[str, Any]]], name: str) -> None:
    folder = PLACES[name][1]
    ignored = {(d["kind"], d["name"]) for d in applications(objects)[name]["spec"]["ignoreDifferences"]}
    owners = {
        ("Deployment", h["spec"]["scaleTargetRef"]["name"])
        for h in find_all(objects[folder], "HorizontalPodAutoscaler")
    }
    owners |= {("Deployment", c["spec"]["targetRef"]["name"]) for c in find_all(objects[folder], "Canary")}
    assert ignored == owners
    for entry in applications(objects)[name]["spec"]["ignoreDifferences"]:
        assert entry["jsonPointers"] == ["/spec/replicas"] and entry["group"] == "apps"


def test_application_set_yields_the_same_applications(objects: dict[str, list[dict[str, Any]]]) -> None:
    """Expanded as Argo CD would, with production's clusters registered under the labels
    docs/multi-cluster.md gives (environment, region)."""
    from appset_expand import expand, omit_empty, registered

    from charts.environments import CLUSTERS

    (appset,) = find_all(objects["argocd-applicationset"], "ApplicationSet")
    assert appset["spec"]["goTemplate"] is True
    clusters = [
        registered(c.name, {"environment": "production", "region": cast(str, c.region)})
        for c in CLUSTERS["production"].clusters
    ]
    generated = expand(appset, clusters)
    apps = applications(objects)
    assert sorted(generated) == sorted(apps)
    for name, app in apps.items():
        assert {"apiVersion": "argoproj.io/v1alpha1", "kind": "Application", **generated[name]} == omit_empty(app)


def test_gitops_settings_are_validated() -> None:
    with pytest.raises(ConfigError, match=re.escape("gitops.repo_url: 'git.example.com/x' is not allowed")):
        GitOpsSettings(repo_url="git.example.com/x")


@pytest.mark.parametrize("env", ENVS)
def test_sync_waves_order_namespace_prerequisites_workload_then_custom_resources(
    objects: dict[str, list[dict[str, Any]]], env: str
) -> None:
    wave = {(o["kind"], o["metadata"]["name"]): int(o["metadata"]["annotations"][SYNC_WAVE]) for o in objects[env]}
    namespace = ENVIRONMENTS.get(env).namespace
    deployments = [w for (kind, _), w in wave.items() if kind == "Deployment"]
    assert wave[("Namespace", namespace)] < wave[("ServiceAccount", "blacklist")] < min(deployments)
    assert wave[("ConfigMap", "blacklist-config")] < min(deployments)
    if ("SealedSecret", "blacklist-secrets") in wave:
        assert wave[("SealedSecret", "blacklist-secrets")] < min(deployments)
    assert wave[("ServiceMonitor", "blacklist")] > max(deployments)
    for mesh_policy in (("PeerAuthentication", "blacklist"), ("AuthorizationPolicy", "blacklist")):
        if mesh_policy in wave:  # meshed environments: in force before the pods start
            assert wave[mesh_policy] < min(deployments)
    for kind in ("EC2NodeClass", "NodePool"):  # Karpenter's pool is there before its pods
        if (kind, f"blacklist-{env}") in wave:
            assert wave[(kind, f"blacklist-{env}")] < min(deployments)
    # The OpenFeature webhook reads the FeatureFlagSource when it admits the pods.
    assert wave[("FeatureFlagSource", "blacklist-flagd")] < min(deployments)
    assert all(w > max(deployments) for (kind, _), w in wave.items() if kind == "Schedule")
    # The load test's verdict (a PostSync hook) runs one wave after its TestRun ends.
    if ("TestRun", "blacklist-load-test") in wave:
        assert wave[("Job", "blacklist-load-test-verdict")] > wave[("TestRun", "blacklist-load-test")]
    for obj in objects[env]:
        group = obj["apiVersion"].rpartition("/")[0]
        custom = group in (
            "monitoring.coreos.com",
            "bitnami.com",
            "autoscaling.k8s.io",
            "flagger.app",
            "security.istio.io",
            "k6.io",
            "karpenter.sh",
            "karpenter.k8s.aws",
            "core.openfeature.dev",
            "chaos-mesh.org",
        )
        skip = obj["metadata"]["annotations"].get("argocd.argoproj.io/sync-options")
        assert (skip == "SkipDryRunOnMissingResource=true") == custom, obj["kind"]


@pytest.mark.parametrize("env", ENVS)
def test_helm_chart_renders_the_environment_unchanged(rendered: dict[str, dict[str, str]], env: str) -> None:
    chart = rendered[f"helm/{env}"]
    meta = yaml.safe_load(chart["Chart.yaml"])
    assert meta["apiVersion"] == "v2" and meta["name"] == "blacklist" and meta["type"] == "application"
    assert re.fullmatch(r"1\.0\.0\+[0-9a-f]{12}", meta["version"])
    assert meta["appVersion"] == ENVIRONMENTS.get(env).image_tag
    templates = {name.removeprefix("templates/"): text for name, text in chart.items() if name.startswith("templates/")}
    if env != "production":
        assert {name: unescape(text) for name, text in templates.items()} == rendered[FOLDERS[env]]
        assert set(chart) == {"Chart.yaml", "values.yaml"} | {f"templates/{n}" for n in rendered[FOLDERS[env]]}
        return
    # Production differs per cluster: a values file each (the real Helm engine renders
    # each cluster's folder from it: tests/blacklist/test_helm.py).
    clusters = ("prod-eu-west-1", "prod-us-east-1")
    assert {f: yaml.safe_load(chart[f]) for f in chart if f.startswith("values")} == {
        "values.yaml": {"cluster": ""},
        **{f"values-{c}.yaml": {"cluster": c} for c in clusters},
    }
    assert set(templates) == {"_cluster.tpl"} | {n for c in clusters for n in rendered[f"production/{c}"]}


def test_helm_escapes_go_template_text(rendered: dict[str, dict[str, str]]) -> None:
    template = rendered["helm/production"]["templates/prometheusrule-blacklist.yaml"]
    assert '{{ "{{" }} $labels.namespace {{ "}}" }}' in template
    # Outside the escapes, no template action is left for Helm to evaluate.
    bare = template.replace('{{ "{{" }}', "").replace('{{ "}}" }}', "")
    assert "{{" not in bare and "}}" not in bare


def test_chart_versions_differ_with_content(rendered: dict[str, dict[str, str]]) -> None:
    versions = {yaml.safe_load(rendered[f"helm/{env}"]["Chart.yaml"])["version"] for env in ENVS}
    assert len(versions) == 3


def test_no_chart_or_kustomization_where_argocd_syncs(rendered: dict[str, dict[str, str]]) -> None:
    for folder in [*FOLDERS.values(), "production/prod-us-east-1"]:
        assert not {"Chart.yaml", "kustomization.yaml", "kustomization.yml", "Kustomization"} & set(rendered[folder])
