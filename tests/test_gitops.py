"""ArgoCD Applications, the ApplicationSet that yields the same ones, sync waves, Helm export."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from conftest import ENVIRONMENTS, ENVS, FOLDERS, find_all

from cdk8s_webservice import ConfigError, GitOpsSettings
from cdk8s_webservice.gitops import SYNC_WAVE
from cdk8s_webservice.helm import unescape

REVISIONS = {"development": "develop", "staging": "develop", "production": "main"}
# Application -> (environment, folder under dist/, destination cluster): production runs on two clusters.
PLACES = {
    "blacklist-development": ("development", "development", {"server": "https://kubernetes.default.svc"}),
    "blacklist-staging": ("staging", "staging", {"server": "https://kubernetes.default.svc"}),
    "blacklist-production-prod-eu-west-1": ("production", "production/prod-eu-west-1", {"name": "prod-eu-west-1"}),
    "blacklist-production-prod-us-east-1": ("production", "production/prod-us-east-1", {"name": "prod-us-east-1"}),
}


def applications(objects) -> dict[str, dict[str, Any]]:
    return {a["metadata"]["name"]: a for a in find_all(objects["argocd"], "Application")}


def test_one_application_per_environment_and_cluster(objects) -> None:
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


def test_automated_sync_where_the_profile_says_so(objects) -> None:
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
def test_replicas_owned_by_controllers_are_ignored(objects, name) -> None:
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


def expand_application_set(appset: dict[str, Any], element: dict[str, str]) -> dict[str, Any]:
    """What ArgoCD makes of the ApplicationSet for one list element: the template with
    the element's parameters, patched with the matching templatePatch branch.
    (Enough Go-template for the constructs this project emits.)"""
    text = yaml.safe_dump(appset["spec"]["template"])
    for key, value in element.items():
        text = text.replace(f"{{{{ .{key} }}}}", value)
    app = yaml.safe_load(text)
    branches = re.split(r'\{\{- (?:else )?if eq \.instance "([a-z0-9-]+)" \}\}\n', appset["spec"]["templatePatch"])
    patches = dict(zip(branches[1::2], branches[2::2], strict=True))
    patch = yaml.safe_load(patches[element["instance"]].replace("{{- end }}\n", ""))

    def merge(base, extra):
        for key, value in extra.items():
            base[key] = merge(base.get(key, {}), value) if isinstance(value, dict) else value
        return base

    return merge(app, patch)


def test_application_set_yields_the_same_applications(objects) -> None:
    (appset,) = find_all(objects["argocd-applicationset"], "ApplicationSet")
    elements = appset["spec"]["generators"][0]["list"]["elements"]
    assert [e["environment"] for e in elements] == ["development", "staging", "production", "production"]
    assert appset["spec"]["goTemplate"] is True
    for element in elements:
        generated = expand_application_set(appset, element)
        app = applications(objects)[generated["metadata"]["name"]]
        if not generated["metadata"]["finalizers"]:
            del generated["metadata"]["finalizers"]
        assert generated["spec"] == app["spec"]
        assert {k: generated["metadata"].get(k) for k in app["metadata"]} == app["metadata"]


def test_gitops_settings_are_validated() -> None:
    with pytest.raises(ConfigError, match=re.escape("gitops.repo_url: 'git.example.com/x' is not allowed")):
        GitOpsSettings(repo_url="git.example.com/x")


@pytest.mark.parametrize("env", ENVS)
def test_sync_waves_order_namespace_prerequisites_workload_then_custom_resources(objects, env) -> None:
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
def test_helm_chart_renders_the_environment_unchanged(rendered, env) -> None:
    chart = rendered[f"helm/{env}"]
    meta = yaml.safe_load(chart["Chart.yaml"])
    assert meta["apiVersion"] == "v2" and meta["name"] == "blacklist" and meta["type"] == "application"
    assert re.fullmatch(r"1\.0\.0\+[0-9a-f]{12}", meta["version"])
    assert meta["appVersion"] == ENVIRONMENTS.get(env).image_tag
    templates = {name.removeprefix("templates/"): text for name, text in chart.items() if name.startswith("templates/")}
    assert {name: unescape(text) for name, text in templates.items()} == rendered[FOLDERS[env]]
    assert set(chart) == {"Chart.yaml", "values.yaml"} | {f"templates/{n}" for n in rendered[FOLDERS[env]]}


def test_helm_escapes_go_template_text(rendered) -> None:
    template = rendered["helm/production"]["templates/prometheusrule-blacklist.yaml"]
    assert '{{ "{{" }} $labels.namespace {{ "}}" }}' in template
    # Outside the escapes, no template action is left for Helm to evaluate.
    bare = template.replace('{{ "{{" }}', "").replace('{{ "}}" }}', "")
    assert "{{" not in bare and "}}" not in bare


def test_chart_versions_differ_with_content(rendered) -> None:
    versions = {yaml.safe_load(rendered[f"helm/{env}"]["Chart.yaml"])["version"] for env in ENVS}
    assert len(versions) == 3


def test_no_chart_or_kustomization_where_argocd_syncs(rendered) -> None:
    for folder in [*FOLDERS.values(), "production/prod-us-east-1"]:
        assert not {"Chart.yaml", "kustomization.yaml", "kustomization.yml", "Kustomization"} & set(rendered[folder])
