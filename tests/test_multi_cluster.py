"""Multi-cluster deployment and the AppProject per service (docs/multi-cluster.md):
`Cluster` values and their refusals; off by default; per-cluster folders; the
ApplicationSet expanded for the declared clusters against the folders on disk; the
AppProject valid under the full upstream CRD; the gate's AppProject rules, each with a
negative test (`MULTI_CLUSTER_CASES` counts in `test_every_rule_has_a_negative_test`)."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

import pytest
import yaml
from cdk8s import Chart
from conftest import ENVIRONMENTS, ROOT, find, find_all
from crd_strict import errors

from cdk8s_webservice import (
    ApplicationSpec,
    AppProject,
    ArgoApplications,
    ArgoApplicationSet,
    Cluster,
    ConfigError,
    GitOpsSettings,
    GitOpsTarget,
    testing,
)
from charts.environments import CLUSTERS

Objects = list[dict[str, Any]]
REPO = "https://git.example.com/shop/app-deploy.git"
EU = Cluster(name="prod-eu", server="https://eu.k8s.example.com:6443", region="eu-west-1")
US = Cluster(name="prod-us", region="us-east-1", replicas=2, ingress_host="us.app.example.com")
PRODUCTION = testing.profile(name="production", namespace="app", ingress_host="app.example.com")
STAGING = testing.profile(name="staging", namespace="app-staging")


# --- Cluster values ---------------------------------------------------------------


@pytest.mark.parametrize(
    "build, message",
    [
        (lambda: Cluster(name="Prod_EU"), "cluster.name: 'Prod_EU' is not allowed"),
        (lambda: Cluster(name="eu", server="http://eu.example.com"), "cluster.server: 'http://eu.example.com'"),
        (
            lambda: Cluster(name="eu", server="https://u:p@eu.example.com"),
            "cluster.server: 'https://u:p@eu.example.com'",
        ),
        (lambda: Cluster(name="eu", region="EU WEST"), "cluster.region: 'EU WEST' is not allowed"),
        (lambda: Cluster(name="eu", replicas=0), "cluster.replicas: 0 is not allowed"),
        (lambda: Cluster(name="eu", replicas=True), "cluster.replicas: True is not allowed"),
        (lambda: Cluster(name="eu", ingress_host="*.example.com"), "cluster.ingress_host: '*.example.com'"),
        (lambda: GitOpsTarget(clusters=(EU, EU)), "gitops.target.clusters.name: 'prod-eu' is not allowed"),
        (lambda: GitOpsTarget(clusters=("prod-eu",)), "gitops.target.clusters[0]: 'prod-eu' is not allowed"),
        (lambda: GitOpsTarget(clusters="prod-eu"), "gitops.target.clusters: 'prod-eu' is not allowed"),
        (lambda: GitOpsTarget(cluster="prod-eu", clusters=(EU,)), "gitops.target.cluster: 'prod-eu' is not allowed"),
        (lambda: GitOpsSettings(repo_url=REPO, app_project=True), "gitops.project: 'default' is not allowed"),
        (lambda: GitOpsSettings(repo_url=REPO, app_project="yes"), "gitops.app_project: 'yes' is not allowed"),
        (
            lambda: GitOpsSettings(
                repo_url=REPO, project="app", app_project=True, environments={"staging": GitOpsTarget(project="other")}
            ),
            "gitops.environments.staging.project: 'other' is not allowed",
        ),
        (
            lambda: Cluster(name="eu", replicas=99).apply(PRODUCTION),
            "production.clusters.eu.replicas: 99 is not allowed",
        ),
        (
            lambda: Cluster(name="eu", ingress_host="eu.example.com").apply(STAGING),
            "staging.clusters.eu.ingress_host: 'eu.example.com' is not allowed",
        ),
    ],
)
def test_refusals_name_field_and_value(build: Callable[[], object], message: str) -> None:
    with pytest.raises(ConfigError) as raised:
        build()
    assert str(raised.value).startswith(message), str(raised.value)


def test_a_cluster_applies_its_overrides_to_the_profile() -> None:
    built = US.apply(PRODUCTION)
    assert built.replicas == 2 and built.ingress_host == "us.app.example.com" and built.name == "production"
    assert EU.apply(PRODUCTION) is PRODUCTION  # no override: the profile itself
    assert EU.destination() == {"server": "https://eu.k8s.example.com:6443"}
    assert US.destination() == {"name": "prod-us"}


# --- Applications, ApplicationSet and AppProject as constructs ---------------------


def render(settings: GitOpsSettings, apps: list[ApplicationSpec]) -> tuple[dict[str, Any], dict[str, Any], list[Any]]:
    app = testing.app()
    applications, application_set = Chart(app, "argocd"), Chart(app, "argocd-applicationset")
    ArgoApplications(applications, "apps", settings=settings, apps=apps)
    ArgoApplicationSet(application_set, "set", settings=settings, service="app", part_of="shop", apps=apps)
    if settings.app_project:
        AppProject(
            applications,
            "project",
            settings=settings,
            service="app",
            part_of="shop",
            apps=apps,
            kinds=[("", "Namespace"), ("apps", "Deployment"), ("karpenter.sh", "NodePool")],
        )
    objects = testing.synth(applications)
    apps_by_name = {a["metadata"]["name"]: a for a in objects if a["kind"] == "Application"}
    (appset,) = testing.synth(application_set)
    projects = [o for o in objects if o["kind"] == "AppProject"]
    assert testing.check([*objects, appset]) == []
    return apps_by_name, appset, projects


def expand(appset: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """What ArgoCD makes of a list-generator ApplicationSet: per element, the template with
    its parameters substituted, patched with the matching templatePatch branch."""
    out = {}
    key = "instance" if "{{ .instance }}" in appset["spec"]["template"]["metadata"]["name"] else "environment"
    branches = re.split(rf'\{{\{{- (?:else )?if eq \.{key} "([a-z0-9-]+)" \}}\}}\n', appset["spec"]["templatePatch"])
    patches = dict(zip(branches[1::2], branches[2::2], strict=True))
    for element in appset["spec"]["generators"][0]["list"]["elements"]:
        text = yaml.safe_dump(appset["spec"]["template"])
        for name, value in element.items():
            text = text.replace(f"{{{{ .{name} }}}}", value)
        app = yaml.safe_load(text)
        patch = yaml.safe_load(patches[element[key]].replace("{{- end }}\n", ""))
        out[app["metadata"]["name"]] = merge(app, patch)
    return out


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    for k, v in extra.items():
        base[k] = merge(base.get(k, {}), v) if isinstance(v, dict) else v
    if not base.get("metadata", {}).get("finalizers", True):
        del base["metadata"]["finalizers"]
    return base


def test_off_by_default_one_application_per_environment_and_no_app_project() -> None:
    settings = GitOpsSettings(repo_url=REPO)
    assert settings.app_project is False and settings.clusters("production") == ()
    apps, _, projects = render(settings, [ApplicationSpec("app", "shop", p, []) for p in (STAGING, PRODUCTION)])
    assert sorted(apps) == ["app-production", "app-staging"] and projects == []
    assert apps["app-production"]["spec"]["project"] == "default"
    assert "cluster" not in apps["app-production"]["metadata"]["labels"]


def test_one_cluster_listed_keeps_the_environment_folder_and_name() -> None:
    settings = GitOpsSettings(repo_url=REPO, environments={"production": GitOpsTarget(clusters=(US,))})
    apps, _, _ = render(settings, [ApplicationSpec("app", "shop", PRODUCTION, [])])
    (app,) = apps.values()
    assert app["metadata"]["name"] == "app-production"
    assert app["spec"]["source"]["path"] == "dist/production"
    assert app["spec"]["destination"] == {"name": "prod-us", "namespace": "app"}


@pytest.mark.parametrize("overrides", [True, False], ids=["split", "shared-folder"])
def test_several_clusters_one_application_each_and_the_application_set_agrees(overrides: bool) -> None:
    us = US if overrides else Cluster(name="prod-us", region="us-east-1")
    settings = GitOpsSettings(
        repo_url=REPO,
        project="app",
        app_project=True,
        environments={"production": GitOpsTarget(clusters=(EU, us))},
    )
    assert settings.folder("production", us) == ("production/prod-us" if overrides else "production")
    apps = [ApplicationSpec("app", "shop", STAGING, [])] + [
        ApplicationSpec("app", "shop", PRODUCTION, [], c) for c in (EU, us)
    ]
    rendered, appset, (project,) = render(settings, apps)
    assert sorted(rendered) == ["app-production-prod-eu", "app-production-prod-us", "app-staging"]
    eu_app, us_app = rendered["app-production-prod-eu"], rendered["app-production-prod-us"]
    assert eu_app["spec"]["destination"] == {"server": EU.server, "namespace": "app"}
    assert us_app["spec"]["destination"] == {"name": "prod-us", "namespace": "app"}
    assert us_app["spec"]["source"]["path"] == ("dist/production/prod-us" if overrides else "dist/production")
    labels = us_app["metadata"]["labels"]
    assert {k: labels[k] for k in ("cluster", "region", "environment")} == {
        "cluster": "prod-us",
        "region": "us-east-1",
        "environment": "production",
    }
    assert {a["spec"]["project"] for a in rendered.values()} == {"app"}
    generated = expand(appset)
    assert generated.keys() == rendered.keys()
    for name, app in rendered.items():
        assert generated[name]["spec"] == app["spec"]
        assert {k: generated[name]["metadata"].get(k) for k in app["metadata"]} == app["metadata"]
    # The AppProject: the repository, each namespace on each cluster, the kinds shipped.
    assert project["metadata"] == {
        "name": "app",
        "namespace": "argocd",
        "labels": {"app.kubernetes.io/name": "app", "app.kubernetes.io/part-of": "shop"},
    }
    spec = project["spec"]
    assert spec["sourceRepos"] == [REPO]
    assert spec["destinations"] == [
        {"name": "prod-us", "namespace": "app"},
        {"namespace": "app", "server": EU.server},
        {"namespace": "app-staging", "server": "https://kubernetes.default.svc"},
    ]
    assert spec["clusterResourceWhitelist"] == [
        {"group": "", "kind": "Namespace"},
        {"group": "karpenter.sh", "kind": "NodePool"},
    ]
    assert spec["namespaceResourceWhitelist"] == [{"group": "apps", "kind": "Deployment"}]
    assert errors("argoproj.io_appprojects.yaml", project) == []


# --- blacklist ---------------------------------------------------------------------

PROD_CLUSTERS = {c.name: c for c in CLUSTERS["production"].clusters}


def test_blacklist_production_runs_on_two_clusters_each_folder_gated(manifest_gate, objects) -> None:
    assert sorted(PROD_CLUSTERS) == ["prod-eu-west-1", "prod-us-east-1"]
    assert not (ROOT / "dist" / "production" / "deployment-blacklist.yaml").exists()
    hosts = {}
    for name in PROD_CLUSTERS:
        folder = objects[f"production/{name}"]
        assert manifest_gate.check(f"production/{name}", folder) == []
        hosts[name] = find(folder, "Ingress", "blacklist")["spec"]["rules"][0]["host"]
    assert hosts == {"prod-eu-west-1": "blacklist.jclee.me", "prod-us-east-1": "us.blacklist.jclee.me"}
    # Nothing else differs between the two clusters.
    eu, us = (copy.deepcopy(objects[f"production/{n}"]) for n in PROD_CLUSTERS)
    for objs in (eu, us):
        objs.remove(find(objs, "Ingress", "blacklist"))
    assert eu == us
    # Staging and development keep their folders (one cluster each).
    for env in ("development", "staging"):
        assert (ROOT / "dist" / env / f"namespace-{ENVIRONMENTS.get(env).namespace}.yaml").is_file()


def test_the_application_set_expands_to_the_folders_on_disk_and_the_declared_clusters(objects) -> None:
    (appset,) = find_all(objects["argocd-applicationset"], "ApplicationSet")
    generated = expand(appset)
    committed = {a["metadata"]["name"]: a for a in find_all(objects["argocd"], "Application")}
    assert generated.keys() == committed.keys()
    for name, app in generated.items():
        spec = app["spec"]
        folder = ROOT / spec["source"]["path"]
        assert folder.is_dir() and any(folder.glob("*.yaml")), folder
        env = app["metadata"]["labels"]["environment"]
        assert spec["destination"]["namespace"] == ENVIRONMENTS.get(env).namespace
        cluster = app["metadata"]["labels"].get("cluster")
        if cluster is not None:
            assert spec["destination"] == {**PROD_CLUSTERS[cluster].destination(), "namespace": "blacklist"}
            assert spec["source"]["path"] == f"dist/production/{cluster}"
        assert spec["project"] == "blacklist"
        assert spec == committed[name]["spec"]


def test_blacklist_app_project_allows_its_own_and_validates_upstream(objects) -> None:
    for folder in ("argocd", "argocd-applicationset"):
        project = find(objects[folder], "AppProject", "blacklist")
        assert errors("argoproj.io_appprojects.yaml", project) == []
    spec = project["spec"]
    assert spec["sourceRepos"] == ["https://git.jclee.me/jclee/blacklist.git"]
    assert {(d.get("name") or d["server"], d["namespace"]) for d in spec["destinations"]} == {
        ("prod-eu-west-1", "blacklist"),
        ("prod-us-east-1", "blacklist"),
        ("https://kubernetes.default.svc", "blacklist-dev"),
        ("https://kubernetes.default.svc", "blacklist-staging"),
    }
    assert spec["clusterResourceWhitelist"] == [
        {"group": "", "kind": "Namespace"},
        {"group": "karpenter.k8s.aws", "kind": "EC2NodeClass"},
        {"group": "karpenter.sh", "kind": "NodePool"},
    ]
    shipped = {
        (o["apiVersion"].rpartition("/")[0], o["kind"])
        for folder, objs in objects.items()
        if not folder.startswith("argocd")
        for o in objs
    }
    allowed = {(k["group"], k["kind"]) for k in spec["namespaceResourceWhitelist"] + spec["clusterResourceWhitelist"]}
    assert allowed == shipped


# --- the gate's AppProject rules ---------------------------------------------------


def _app(o: Objects, name: str = "blacklist-production-prod-us-east-1") -> dict[str, Any]:
    return find(o, "Application", name)


def _appset(o: Objects) -> dict[str, Any]:
    return find(o, "ApplicationSet", "blacklist")


def _no_app_project(o: Objects) -> None:
    o.remove(find(o, "AppProject", "blacklist"))
    _app(o)["spec"]["project"] = "elsewhere"


# (rule, folder, how to break it, (kind, name, field) reported)
MULTI_CLUSTER_CASES: list[tuple[str, str, Callable[[Objects], None], tuple[str, str, str]]] = [
    ("argocd-app-project", "argocd", lambda o: _app(o)["spec"].update(project="default"), ("Application", "blacklist-production-prod-us-east-1", "spec.project")),
    ("argocd-app-project", "argocd", lambda o: _app(o, "blacklist-staging")["spec"].update(project="other"), ("Application", "blacklist-staging", "spec.project")),
    ("argocd-app-project", "argocd-applicationset", lambda o: _appset(o)["spec"]["template"]["spec"].update(project="default"), ("ApplicationSet", "blacklist", "spec.template.spec.project")),
    ("argocd-project-allows", "argocd", lambda o: _app(o)["spec"]["source"].update(repoURL="https://git.example.com/other.git"), ("Application", "blacklist-production-prod-us-east-1", "spec.source.repoURL")),
    ("argocd-project-allows", "argocd", lambda o: _app(o)["spec"]["destination"].update(name="prod-ap-south-1"), ("Application", "blacklist-production-prod-us-east-1", "spec.destination")),
    ("argocd-project-allows", "argocd", lambda o: _app(o)["spec"]["destination"].update(namespace="kube-system"), ("Application", "blacklist-production-prod-us-east-1", "spec.destination")),
]  # fmt: skip


@pytest.mark.parametrize(
    "rule, folder, breaks, where", MULTI_CLUSTER_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(MULTI_CLUSTER_CASES)]
)
def test_each_app_project_rule_catches_its_violation(manifest_gate, objects, rule, folder, breaks, where) -> None:
    broken = copy.deepcopy(objects[folder])
    breaks(broken)
    found = {(v.kind, v.name, v.field, v.rule) for v in manifest_gate.check(folder, broken)}
    assert (*where, rule) in found, sorted(found)


def test_without_an_app_project_the_rules_stay_quiet(manifest_gate, objects) -> None:
    """AppProjects are opt-in: a folder that ships none is not held to them."""
    broken = copy.deepcopy(objects["argocd"])
    _no_app_project(broken)
    for app in find_all(broken, "Application"):
        app["spec"]["project"] = "default"
    assert manifest_gate.check("argocd", broken) == []
    assert manifest_gate.check("argocd", objects["argocd"]) == []
