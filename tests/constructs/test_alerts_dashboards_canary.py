"""`PrometheusRule`, `GrafanaDashboards` and `FlaggerCanary` alone."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import cast

import pytest

from cdk8s_webservice import BusinessPanel, CanaryOptions, ConfigError, ServiceLevelObjectives, testing
from cdk8s_webservice.delivery.canary import FlaggerCanary
from cdk8s_webservice.observability.alerts import Alert, PrometheusRule
from cdk8s_webservice.observability.dashboards import GrafanaDashboards

SLO = ServiceLevelObjectives()


def test_prometheus_rule_alerts_on_the_slo() -> None:
    chart = testing.chart()
    construct = PrometheusRule(chart, "rule", identity=testing.identity(), slo=SLO, release_label="prom")
    obj = testing.find(testing.synth(chart), "PrometheusRule", "app")
    assert obj["metadata"]["labels"]["release"] == "prom"
    alerts = [rule["alert"] for group in obj["spec"]["groups"] for rule in group["rules"]]
    assert alerts == [alert.name for group in construct.groups.values() for alert in cast(list[Alert], group)]
    assert all(rule["annotations"]["runbook_url"].startswith("https://runbooks.example.com/app/")
               for group in obj["spec"]["groups"] for rule in group["rules"])  # fmt: skip
    assert construct.api_object.kind == "PrometheusRule"


def test_dashboards_one_config_map_each() -> None:
    chart = testing.chart()
    construct = GrafanaDashboards(
        chart, "dash", identity=testing.identity(), slo=SLO, business_panels=(BusinessPanel("Jobs", "sum(jobs)"),)
    )
    maps = testing.find_all(testing.synth(chart), "ConfigMap")
    assert len(maps) == len(construct.config_maps) == 3
    for config_map in maps:
        (text,) = config_map["data"].values()
        assert json.loads(text)["uid"].startswith("app-")


def test_canary_analysis_uses_the_slo_metric_templates() -> None:
    chart = testing.chart()
    construct = FlaggerCanary(
        chart, "canary", identity=testing.identity(), slo=SLO, options=CanaryOptions(), service_port=80, ingress=None
    )
    objects = testing.synth(chart)
    canary = testing.find(objects, "Canary", "app")
    assert canary["spec"]["provider"] == "kubernetes"  # no Ingress: blue/green iterations
    assert [m["templateRef"]["name"] for m in canary["spec"]["analysis"]["metrics"]] == [
        "app-success-rate",
        "app-latency",
    ]
    assert sorted(construct.metric_templates) == ["latency", "success-rate"]
    assert {t["metadata"]["name"] for t in testing.find_all(objects, "MetricTemplate")} == {
        "app-success-rate",
        "app-latency",
    }
    assert construct.api_object.kind == "Canary"


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: ServiceLevelObjectives(error_rate=float("nan")), r"slo.error_rate: nan is not allowed"),
        (lambda: CanaryOptions(threshold=0), r"canary.threshold: 0 is not allowed"),
    ],
)
def test_bad_props_are_refused(build: Callable[[], object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        build()
