"""The SPEC's environment table, held by the profiles and visible in the output."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import ENVIRONMENTS, find, live_deployment

from cdk8s_webservice import TagPolicy
from cdk8s_webservice.core.names import CLUSTER_SCOPED

# environment: namespace, replicas, cpu req/limit, memory req/limit, HPA min/max, VPA, host, tag policy
TABLE = {
    "development": ("blacklist-dev", 1, ("50m", "200m"), ("128Mi", "256Mi"), (1, 3), False, None, TagPolicy.FLOATING),
    "staging": (
        "blacklist-staging",
        2,
        ("100m", "500m"),
        ("256Mi", "512Mi"),
        (2, 5),
        False,
        "staging.blacklist.jclee.me",
        TagPolicy.PINNED,
    ),
    "production": (
        "blacklist",
        3,
        ("500m", "2000m"),
        ("512Mi", "2Gi"),
        (3, 20),
        True,
        "blacklist.jclee.me",
        TagPolicy.PINNED,
    ),
}


def test_the_three_environments_in_order() -> None:
    assert ENVIRONMENTS.names == ("development", "staging", "production")


@pytest.mark.parametrize("env", TABLE)
def test_profile_holds_the_table(env: str) -> None:
    namespace, replicas, cpu, memory, hpa, vpa, host, policy = TABLE[env]
    profile = ENVIRONMENTS.get(env)
    assert profile.namespace == namespace
    assert profile.replicas == replicas
    assert (profile.resources.cpu_request, profile.resources.cpu_limit) == cpu
    assert (profile.resources.memory_request, profile.resources.memory_limit) == memory
    assert (profile.autoscaling.min_replicas, profile.autoscaling.max_replicas) == hpa
    assert profile.vpa is vpa
    assert profile.ingress_host == host
    assert profile.tag_policy is policy


@pytest.mark.parametrize("env", TABLE)
def test_rendered_values_follow_the_table(objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    namespace, replicas, cpu, memory, hpa, _, _, _ = TABLE[env]
    objs = objects[env]
    deployment = live_deployment(objs)
    assert deployment["spec"]["replicas"] == replicas
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    assert container["resources"] == {
        "requests": {"cpu": cpu[0], "memory": memory[0]},
        "limits": {"cpu": cpu[1], "memory": memory[1]},
    }
    profile = ENVIRONMENTS.get(env)
    assert (
        container["image"]
        == f"registry.jclee.me/blacklist:{profile.blue_green.tag(profile.blue_green.active, profile.image_tag)}"
    )
    hpa_spec = find(objs, "HorizontalPodAutoscaler", "blacklist")["spec"]
    assert (hpa_spec["minReplicas"], hpa_spec["maxReplicas"]) == hpa
    find(objs, "Namespace", namespace)
    for obj in objs:
        if obj["kind"] not in CLUSTER_SCOPED:  # the Namespace, Karpenter's NodePool and EC2NodeClass
            assert obj["metadata"]["namespace"] == namespace, f"{obj['kind']}/{obj['metadata']['name']}"
        assert obj["metadata"]["labels"]["environment"] == env


def test_production_never_runs_a_moving_tag(objects: dict[str, list[dict[str, Any]]]) -> None:
    for deployment in [o for o in objects["production"] if o["kind"] == "Deployment"]:
        image = deployment["spec"]["template"]["spec"]["containers"][0]["image"]
        repository, _, tag = image.rpartition(":")
        assert repository == "registry.jclee.me/blacklist"
        assert tag and tag != "latest"


@pytest.mark.parametrize("env", TABLE)
def test_environment_config_overrides_the_service_defaults(objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    data = find(objects[env], "ConfigMap", "blacklist-config")["data"]
    assert data["ENVIRONMENT"] == env
    assert data["LOG_FORMAT"] == "json"
    assert data["LOG_LEVEL"] == ("debug" if env == "development" else "info")
    assert data["WORKERS"] == {"development": "1", "staging": "2", "production": "4"}[env]
