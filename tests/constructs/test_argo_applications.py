"""`ArgoApplications` and `ArgoApplicationSet` with per-environment repositories,
revisions, paths, projects and clusters: the ApplicationSet expands to exactly the
Applications."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

import pytest
from appset_expand import expand, omit_empty
from cdk8s import Chart

from cdk8s_webservice import ConfigError, GitOpsSettings, GitOpsTarget, testing
from cdk8s_webservice.gitops.application_set import ArgoApplicationSet
from cdk8s_webservice.gitops.applications import ApplicationSpec, ArgoApplications

STAGING = testing.profile(name="staging", namespace="app-staging", git_revision="develop")
PRODUCTION = testing.profile(name="production", namespace="app", git_revision="release/1.4", auto_sync=False)
APPS = [ApplicationSpec("app", "shop", p, [("apps", "Deployment", "app")]) for p in (STAGING, PRODUCTION)]
TWO_CLUSTERS = GitOpsSettings(
    repo_url="https://git.example.com/shop/app-deploy.git",
    environments={
        "staging": GitOpsTarget(cluster="https://staging.k8s.example.com:6443"),
        "production": GitOpsTarget(
            repo_url="git@git.example.com:shop/app-production.git",
            path="rendered/app",
            project="shop-production",
            cluster="prod-eu-1",
        ),
    },
)


def render(settings: GitOpsSettings) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    app = testing.app()
    applications, application_set = Chart(app, "argocd"), Chart(app, "argocd-applicationset")
    ArgoApplications(applications, "apps", settings=settings, apps=APPS)
    ArgoApplicationSet(application_set, "set", settings=settings, service="app", part_of="shop", apps=APPS)
    apps = {a["metadata"]["name"]: a for a in testing.synth(applications)}
    (appset,) = testing.synth(application_set)
    assert testing.check([*apps.values(), appset]) == []
    return apps, appset


def same_applications(apps: dict[str, dict[str, Any]], appset: dict[str, Any]) -> None:
    generated = expand(appset)
    assert sorted(generated) == sorted(apps)
    for name, app in apps.items():
        assert {"apiVersion": "argoproj.io/v1alpha1", "kind": "Application", **generated[name]} == omit_empty(app)
    # The upstream CRD requires both in the template itself.
    assert {"project", "destination"} <= appset["spec"]["template"]["spec"].keys()


def test_each_environment_its_repository_revision_path_project_and_cluster() -> None:
    apps, _ = render(TWO_CLUSTERS)
    staging, production = apps["app-staging"]["spec"], apps["app-production"]["spec"]
    assert staging["source"] == {
        "repoURL": "https://git.example.com/shop/app-deploy.git",
        "path": "dist/staging",
        "targetRevision": "develop",
    }
    assert staging["destination"] == {"server": "https://staging.k8s.example.com:6443", "namespace": "app-staging"}
    assert staging["project"] == "default"
    assert production["source"] == {
        "repoURL": "git@git.example.com:shop/app-production.git",
        "path": "rendered/app",
        "targetRevision": "release/1.4",
    }
    assert production["destination"] == {"name": "prod-eu-1", "namespace": "app"}
    assert production["project"] == "shop-production"


def test_application_set_expands_to_the_applications_across_clusters_and_repositories() -> None:
    apps, appset = render(TWO_CLUSTERS)
    (generator,) = appset["spec"]["generators"]
    assert [e["values"]["environment"] for e in generator["list"]["elements"]] == ["staging", "production"]
    # What differs comes from each element's values; the template holds the whole placement.
    assert appset["spec"]["template"]["spec"]["destination"] == {
        "name": "{{ .values.name }}",
        "namespace": "{{ .values.namespace }}",
        "server": "{{ .values.server }}",
    }
    assert appset["spec"]["template"]["spec"]["project"] == "{{ .values.project }}"
    same_applications(apps, appset)


def test_shared_values_stay_in_the_template() -> None:
    settings = GitOpsSettings(
        repo_url="ssh://git@git.example.com/shop/app-deploy.git",
        project="shop",
        environments={"production": GitOpsTarget(cluster="https://prod.k8s.example.com")},
    )
    apps, appset = render(settings)
    template = appset["spec"]["template"]["spec"]
    assert template["project"] == "shop"
    assert template["destination"] == {"namespace": "{{ .values.namespace }}", "server": "{{ .values.server }}"}
    assert template["source"] == {
        "repoURL": "ssh://git@git.example.com/shop/app-deploy.git",
        "path": "{{ .values.path }}",
        "targetRevision": "{{ .values.revision }}",
    }
    assert apps["app-staging"]["spec"]["destination"]["server"] == "https://kubernetes.default.svc"
    same_applications(apps, appset)


def test_defaults_are_todays_output() -> None:
    apps, appset = render(GitOpsSettings(repo_url="https://git.example.com/shop/app-deploy.git"))
    assert appset["spec"]["template"]["spec"] == {
        "destination": {"namespace": "{{ .values.namespace }}", "server": "https://kubernetes.default.svc"},
        "project": "default",
        "revisionHistoryLimit": 10,
        "source": {
            "path": "{{ .values.path }}",
            "repoURL": "https://git.example.com/shop/app-deploy.git",
            "targetRevision": "{{ .values.revision }}",
        },
    }
    same_applications(apps, appset)


def test_a_target_for_an_unknown_environment_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"gitops.environments key: 'prod' is not allowed; one of: staging"):
        GitOpsSettings(
            repo_url="https://g.example.com/a.git", environments={"prod": GitOpsTarget()}
        ).check_environments(["staging", "production"])


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: GitOpsTarget(repo_url="ftp://git.example.com/x.git"), "gitops.target.repo_url: 'ftp://git"),
        (lambda: GitOpsTarget(repo_url="https://"), "gitops.target.repo_url: 'https://' is not allowed; a https://"),
        (lambda: GitOpsTarget(path="/abs"), "gitops.target.path: '/abs' is not allowed; a folder path"),
        (lambda: GitOpsTarget(path="a/../b"), "gitops.target.path: 'a/../b' is not allowed"),
        (lambda: GitOpsTarget(project="Shop Prod"), "gitops.target.project: 'Shop Prod' is not allowed; an ArgoCD"),
        (lambda: GitOpsTarget(cluster="http://k8s.example.com"), "gitops.target.cluster: 'http://k8s.example.com'"),
        (lambda: GitOpsTarget(cluster="prod eu"), "gitops.target.cluster: 'prod eu' is not allowed; a cluster's API"),
        (
            lambda: GitOpsSettings(repo_url="https://g.example.com/a.git", environments={"x": cast(Any, "prod")}),
            "gitops.environments.x: 'prod' is not allowed; a GitOpsTarget",
        ),
        (
            lambda: GitOpsSettings(repo_url="https://g.example.com/a.git", destination_server="https://:6443"),
            "gitops.destination_server: 'https://:6443' is not allowed",
        ),
    ],
)
def test_refusals_name_field_and_value(build: Callable[[], object], message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        build()


def test_an_environment_never_syncs_another_environments_folder() -> None:
    """Found by trying: production pointed at dist/staging deployed staging's manifests."""
    from cdk8s_webservice import ConfigError, GitOpsSettings, GitOpsTarget

    settings = GitOpsSettings(
        repo_url="https://git.example.com/shop/d.git", environments={"production": GitOpsTarget(path="dist/staging")}
    )
    with pytest.raises(ConfigError, match=r"gitops.environments.production.path: 'dist/staging' is not allowed"):
        settings.check_environments(["staging", "production"])
    shared = GitOpsSettings(
        repo_url="https://git.example.com/shop/d.git",
        environments={"staging": GitOpsTarget(path="deploy/x"), "production": GitOpsTarget(path="deploy/x")},
    )
    with pytest.raises(ConfigError, match="staging syncs it too"):
        shared.check_environments(["staging", "production"])
