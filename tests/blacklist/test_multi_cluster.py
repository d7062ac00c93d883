"""Multi-cluster deployment and the AppProject per service (docs/multi-cluster.md):
`Cluster` values and their refusals; off by default; per-cluster folders; the
ApplicationSet expanded for the declared clusters against the folders on disk; the
AppProject valid under the full upstream CRD; the gate's AppProject rules, each with a
negative test (`MULTI_CLUSTER_CASES` counts in `test_every_rule_has_a_negative_test`)."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from typing import Any, cast

import pytest
import yaml
from appset_expand import expand, omit_empty, registered
from cdk8s import Chart
from conftest import ENVIRONMENTS, ROOT, find, find_all
from crd_strict import errors

from cdk8s_webservice import Cluster, ConfigError, GitOpsSettings, GitOpsTarget, NodePoolOptions, testing
from cdk8s_webservice.addons.karpenter import EC2NodeClassOptions
from cdk8s_webservice.gate import Gate
from cdk8s_webservice.gitops.app_project import AppProject
from cdk8s_webservice.gitops.application_set import ArgoApplicationSet
from cdk8s_webservice.gitops.applications import ApplicationSpec, ArgoApplications
from cdk8s_webservice.gitops.clusters import check_cluster_values
from charts.environments import CLUSTERS

Objects = list[dict[str, Any]]
REPO = "https://git.example.com/shop/app-deploy.git"
EU = Cluster(name="prod-eu", server="https://eu.k8s.example.com:6443", region="eu-west-1")
US = Cluster(name="prod-us", region="us-east-1", replicas=2, regional_host="us.app.example.com")
PRODUCTION = testing.profile(name="production", namespace="app", ingress_host="app.example.com")
STAGING = testing.profile(name="staging", namespace="app-staging")
POOL = NodePoolOptions(
    node_class=EC2NodeClassOptions(cluster_name="prod", role="KarpenterNodeRole-prod", ami_alias="al2023@v20240807"),
    architectures=("amd64", "arm64"),
)
POOLED = dataclasses.replace(PRODUCTION, node_pool=POOL)


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
        (lambda: Cluster(name="eu", regional_host="*.example.com"), "cluster.regional_host: '*.example.com'"),
        (lambda: Cluster(name="eu", node_role="Karpenter Role"), "cluster.node_role: 'Karpenter Role' is not allowed"),
        (lambda: Cluster(name="eu", discovery_tag="eu/1"), "cluster.discovery_tag: 'eu/1' is not allowed"),
        (lambda: Cluster(name="eu", architectures=("x86",)), "cluster.architectures: 'x86' is not allowed"),
        (lambda: Cluster(name="eu", architectures=cast(Any, "arm64")), "cluster.architectures: 'arm64' is not allowed"),
        (lambda: GitOpsTarget(clusters=(EU, EU)), "gitops.target.clusters.name: 'prod-eu' is not allowed"),
        (
            lambda: GitOpsTarget(clusters=(US, Cluster(name="prod-us-2", regional_host="us.app.example.com"))),
            "gitops.target.clusters.regional_host: 'us.app.example.com' is not allowed; a host of one cluster alone",
        ),
        (lambda: GitOpsTarget(clusters=cast(Any, ("prod-eu",))), "gitops.target.clusters[0]: 'prod-eu' is not allowed"),
        (lambda: GitOpsTarget(clusters=cast(Any, "prod-eu")), "gitops.target.clusters: 'prod-eu' is not allowed"),
        (lambda: GitOpsTarget(cluster="prod-eu", clusters=(EU,)), "gitops.target.cluster: 'prod-eu' is not allowed"),
        (lambda: GitOpsSettings(repo_url=REPO, app_project=True), "gitops.project: 'default' is not allowed"),
        (
            lambda: GitOpsSettings(repo_url=REPO, app_project=cast(Any, "yes")),
            "gitops.app_project: 'yes' is not allowed",
        ),
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
            lambda: Cluster(name="eu", regional_host="eu.example.com").apply(STAGING),
            "staging.clusters.eu.regional_host: 'eu.example.com' is not allowed",
        ),
        (
            lambda: Cluster(name="eu", regional_host="app.example.com").apply(PRODUCTION),
            "production.clusters.eu.regional_host: 'app.example.com' is not allowed; a host the environment",
        ),
        (
            lambda: Cluster(name="eu", node_role="KarpenterNodeRole-eu").apply(PRODUCTION),
            "production.clusters.eu.node_role: 'KarpenterNodeRole-eu' is not allowed; None where the environment has no node_pool",
        ),
        (
            lambda: check_cluster_values(POOLED, (Cluster(name="eu", node_role="R-eu", discovery_tag="eu"), EU)),
            "production.clusters.prod-eu.node_role: None is not allowed; this cluster's own value where production "
            "has a node pool on 2 clusters",
        ),
    ],
)
def test_refusals_name_field_and_value(build: Callable[[], object], message: str) -> None:
    with pytest.raises(ConfigError) as raised:
        build()
    assert str(raised.value).startswith(message), str(raised.value)


def test_a_cluster_applies_its_overrides_to_the_profile() -> None:
    built = US.apply(PRODUCTION)
    assert built.replicas == 2 and built.name == "production"
    # The environment's host first, the regional one beside it, one certificate for both.
    routes = built.ingress
    assert routes is not None and [h.host for h in routes.hosts] == ["app.example.com", "us.app.example.com"]
    assert routes.tls_sections("app") == [(("app.example.com", "us.app.example.com"), "app-tls")]
    pool = Cluster(name="eu", node_role="R-eu", discovery_tag="eu", architectures=("arm64",)).apply(POOLED).node_pool
    assert pool is not None and pool.architectures == ("arm64",)
    assert (pool.node_class.role, pool.node_class.cluster_name) == ("R-eu", "eu")
    assert pool.node_class.ami_alias == POOL.node_class.ami_alias and pool.cpu_limit == POOL.cpu_limit
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
    # Argo CD finds both clusters by their labels; a third in another region, or one of
    # another environment, gets nothing.
    clusters = [
        registered("prod-eu", {"environment": "production", "region": "eu-west-1"}, server=EU.server),
        registered("prod-us", {"environment": "production", "region": "us-east-1"}),
        registered("prod-ap", {"environment": "production", "region": "ap-south-1"}),
        registered("stage-eu", {"environment": "staging", "region": "eu-west-1"}),
    ]
    generated = expand(appset, clusters)
    assert generated.keys() == rendered.keys()
    servers = {c["name"]: c["server"] for c in clusters}
    for name, app in rendered.items():
        # destination.name is the registered cluster of that name: the same server.
        app = omit_empty(app)
        for spec in (generated[name]["spec"], app["spec"]):
            if "name" in spec["destination"]:
                spec["destination"]["server"] = servers[spec["destination"].pop("name")]
        assert generated[name]["spec"] == app["spec"]
        assert generated[name]["metadata"] == app["metadata"]
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


def test_blacklist_production_runs_on_two_clusters_each_folder_gated(
    manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]]
) -> None:
    assert sorted(PROD_CLUSTERS) == ["prod-eu-west-1", "prod-us-east-1"]
    assert not (ROOT / "dist" / "production" / "deployment-blacklist.yaml").exists()
    hosts, node_classes, architectures = {}, {}, {}
    for name in PROD_CLUSTERS:
        folder = objects[f"production/{name}"]
        assert manifest_gate.check(f"production/{name}", folder) == []
        ingress = find(folder, "Ingress", "blacklist")["spec"]
        hosts[name] = [rule["host"] for rule in ingress["rules"]]
        assert ingress["tls"] == [{"hosts": hosts[name], "secretName": "blacklist-tls"}]
        node_class = find(folder, "EC2NodeClass", "blacklist-production")["spec"]
        node_classes[name] = (
            node_class["role"],
            node_class["subnetSelectorTerms"][0]["tags"]["karpenter.sh/discovery"],
            node_class["securityGroupSelectorTerms"][0]["tags"]["karpenter.sh/discovery"],
        )
        (arch,) = (
            r["values"]
            for r in find(folder, "NodePool", "blacklist-production")["spec"]["template"]["spec"]["requirements"]
            if r["key"] == "kubernetes.io/arch"
        )
        architectures[name] = arch
    # Every cluster serves the public host (a failover for the other), its regional host beside it.
    assert hosts == {
        "prod-eu-west-1": ["blacklist.jclee.me", "eu.blacklist.jclee.me"],
        "prod-us-east-1": ["blacklist.jclee.me", "us.blacklist.jclee.me"],
    }
    # Each cluster's own Karpenter node role and discovery tag.
    assert node_classes == {
        "prod-eu-west-1": ("KarpenterNodeRole-prod-eu-west-1", "prod-eu-west-1", "prod-eu-west-1"),
        "prod-us-east-1": ("KarpenterNodeRole-prod-us-east-1", "prod-us-east-1", "prod-us-east-1"),
    }
    # The image is built for amd64 and arm64 (release-image.yml): the pool offers both.
    release = yaml.safe_load((ROOT / ".github" / "workflows" / "release-image.yml").read_text())
    (build,) = (s for s in release["jobs"]["build"]["steps"] if "build-push-action" in s.get("uses", ""))
    built = sorted(p.removeprefix("linux/") for p in build["with"]["platforms"].split(","))
    assert architectures == {name: built for name in PROD_CLUSTERS} and built == ["amd64", "arm64"]
    # Nothing else differs between the two clusters.
    eu, us = (copy.deepcopy(objects[f"production/{n}"]) for n in PROD_CLUSTERS)
    for objs in (eu, us):
        objs.remove(find(objs, "Ingress", "blacklist"))
        objs.remove(find(objs, "EC2NodeClass", "blacklist-production"))
    assert eu == us
    # Staging and development keep their folders (one cluster each).
    for env in ("development", "staging"):
        assert (ROOT / "dist" / env / f"namespace-{ENVIRONMENTS.get(env).namespace}.yaml").is_file()


REGISTERED = [
    registered(c.name, {"environment": "production", "region": c.region or ""}) for c in PROD_CLUSTERS.values()
]
"""production's clusters as docs/multi-cluster.md registers them in Argo CD."""


def test_the_application_set_expands_to_the_folders_on_disk_and_the_declared_clusters(
    objects: dict[str, list[dict[str, Any]]],
) -> None:
    (appset,) = find_all(objects["argocd-applicationset"], "ApplicationSet")
    # The upstream CRD's required fields are in the template itself (not only in templatePatch).
    assert {"project", "destination"} <= appset["spec"]["template"]["spec"].keys()
    generated = expand(appset, REGISTERED)
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


def test_blacklist_app_project_allows_its_own_and_validates_upstream(objects: dict[str, list[dict[str, Any]]]) -> None:
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
def test_each_app_project_rule_catches_its_violation(
    manifest_gate: Gate,
    objects: dict[str, list[dict[str, Any]]],
    rule: str,
    folder: str,
    breaks: Callable[[Objects], None],
    where: tuple[str, str, str],
) -> None:
    broken = copy.deepcopy(objects[folder])
    breaks(broken)
    found = {(v.kind, v.name, v.field, v.rule) for v in manifest_gate.check(folder, broken)}
    assert (*where, rule) in found, sorted(found)


def test_without_an_app_project_the_rules_stay_quiet(
    manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]]
) -> None:
    """AppProjects are opt-in: a folder that ships none is not held to them."""
    broken = copy.deepcopy(objects["argocd"])
    _no_app_project(broken)
    for app in find_all(broken, "Application"):
        app["spec"]["project"] = "default"
    assert manifest_gate.check("argocd", broken) == []
    assert manifest_gate.check("argocd", objects["argocd"]) == []
