"""`WebService` with minimal props: its parts under the names of their kinds."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

import pytest

from cdk8s_webservice import (
    ConfigError,
    NetworkOptions,
    PodOptions,
    ServiceLevelObjectives,
    Strategy,
    WebService,
    WebServiceProps,
    testing,
)


def service(**profile: Any) -> tuple[WebService, list[dict[str, Any]]]:
    chart = testing.chart(testing.profile(**profile))
    web = WebService(
        chart,
        "app",
        props=WebServiceProps(
            name="app", image="registry.example.com/app", profile=chart.profile, slo=ServiceLevelObjectives()
        ),
    )
    return web, testing.synth(chart)


def test_rolling_parts_and_escape_hatches() -> None:
    web, objects = service()
    assert list(web.deployments) == [None] and web.deployment is web.deployments[None]
    assert web.service is not None and list(web.services) == ["app"]
    assert web.horizontal_pod_autoscaler.api_object.kind == "HorizontalPodAutoscaler"
    assert web.pod_disruption_budget.api_object.kind == "PodDisruptionBudget"
    assert web.service_monitor.api_object.kind == "ServiceMonitor"
    assert web.network_policy.api_object.kind == "NetworkPolicy"
    assert web.default_deny_network_policy is not None and web.namespace is not None
    assert web.config_map.api_object.kind == "ConfigMap"
    assert web.service_account.api_object.kind == "ServiceAccount"
    assert web.sealed_secret is None and web.ingress is None and web.canary is None
    assert web.vertical_pod_autoscaler is None
    assert web.prometheus_rule is not None and web.grafana_dashboards is not None
    live = testing.find(objects, "Deployment", "app")
    assert testing.selects(testing.find(objects, "Service", "app")["spec"]["selector"], testing.pod_labels(live))
    assert testing.check(objects) == []


def test_blue_green_deployments_by_colour() -> None:
    web, objects = service(strategy=Strategy.BLUE_GREEN)
    assert sorted(cast(Iterable[str], web.deployments)) == ["blue", "green"]
    assert web.deployment is web.deployments["blue"] and web.deployment.name == "app-blue"
    assert sorted(web.services) == ["app", "app-preview"] and web.service is web.services["app"]
    target = testing.find(objects, "HorizontalPodAutoscaler", "app")["spec"]["scaleTargetRef"]["name"]
    assert target == "app-blue"


def test_canary_leaves_the_services_to_flagger() -> None:
    web, objects = service(strategy=Strategy.CANARY, vpa=True)
    assert web.services == {} and web.service is None and web.canary is not None
    assert web.vertical_pod_autoscaler is not None
    assert testing.find(objects, "VerticalPodAutoscaler", "app")["spec"]["targetRef"]["name"] == "app-primary"
    assert testing.find_all(objects, "Service") == []


def test_an_escape_hatch_patch_reaches_the_output() -> None:
    from cdk8s import JsonPatch

    web, _ = service()
    web.deployment.api_object.add_json_patch(JsonPatch.add("/spec/template/spec/priorityClassName", "critical"))
    objects = testing.synth(web)
    assert testing.find(objects, "Deployment", "app")["spec"]["template"]["spec"]["priorityClassName"] == "critical"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"image": "registry.example.com/app:v1"}, r"image: 'registry.example.com/app:v1' is not allowed"),
        (
            {"network": NetworkOptions(service_port=9090)},
            r"service_port: 9090 is not allowed; a port other than metrics_port",
        ),
        (
            {"pod": PodOptions(secret_name="app-tls")},
            r"secret_name: 'app-tls' is not allowed; a name other than 'app-tls'",
        ),
    ],
)
def test_bad_props_are_refused(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        WebServiceProps(
            **{"name": "app", "image": "registry.example.com/app", "profile": testing.profile(), **overrides}
        )
