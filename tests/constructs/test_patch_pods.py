"""`WebService.patch_pods`: one patch for every Deployment of a service, so it survives a
blue-green promote (the cookbook's escape hatch)."""

from __future__ import annotations

import dataclasses
from typing import cast

import pytest
from cdk8s import App, JsonPatch
from conftest import PROJECT, STAGING

from cdk8s_webservice import ConfigError, WebService, testing
from cdk8s_webservice.delivery.strategy import BlueGreenState
from charts.blacklist import BlacklistChart


def _staging(active: str) -> tuple[BlacklistChart, WebService]:
    profile = dataclasses.replace(STAGING, blue_green=BlueGreenState(active=active))
    chart = cast(BlacklistChart, PROJECT.chart(App(), profile))
    return chart, chart.web_service


@pytest.mark.parametrize("active", ["blue", "green"])
def test_a_patch_of_every_colour_survives_a_promote(active: str) -> None:
    chart, service = _staging(active)
    service.patch_pods(JsonPatch.add("/spec/template/spec/priorityClassName", "critical"))
    deployments = testing.find_all(testing.synth(chart), "Deployment")
    assert sorted(d["metadata"]["name"] for d in deployments) == ["blacklist-blue", "blacklist-green"]
    assert {d["spec"]["template"]["spec"]["priorityClassName"] for d in deployments} == {"critical"}


def test_patching_deployment_alone_patches_the_live_colour_only() -> None:
    chart, service = _staging("blue")
    service.deployment.api_object.add_json_patch(JsonPatch.add("/spec/template/spec/priorityClassName", "critical"))
    classes = {
        d["metadata"]["name"]: d["spec"]["template"]["spec"].get("priorityClassName")
        for d in testing.find_all(testing.synth(chart), "Deployment")
    }
    assert classes == {"blacklist-blue": "critical", "blacklist-green": None}


def test_a_patch_the_typed_object_would_drop_is_refused_for_every_colour() -> None:
    chart, service = _staging("blue")
    with pytest.raises(ConfigError, match="resources"):
        service.patch_pods(JsonPatch.add("/spec/template/spec/containers/0/resources", {"limits": {"cpu": "100m"}}))
        testing.synth(chart)
