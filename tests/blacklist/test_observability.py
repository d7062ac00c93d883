"""Alerts and dashboards from one SLO object; OpenTelemetry wiring."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from cdk8s import App
from conftest import DEVELOPMENT, find, live_deployment

from cdk8s_webservice import (
    ConfigError,
    EnvironmentChart,
    ObservabilityOptions,
    OpenTelemetry,
    ServiceLevelObjectives,
    WebService,
    WebServiceProps,
)
from cdk8s_webservice.core.identity import ServiceIdentity
from cdk8s_webservice.observability.alerts import slo_alerts
from cdk8s_webservice.observability.scraping import Scraping
from charts.blacklist import SLO


def alerts(objs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    spec = find(objs, "PrometheusRule", "blacklist")["spec"]
    return {r["alert"]: r for g in spec["groups"] for r in g["rules"] if "alert" in r}


def test_alerting_in_staging_and_production_only(objects: dict[str, list[dict[str, Any]]]) -> None:
    assert not [
        o
        for o in objects["development"]
        if o["kind"] in ("PrometheusRule", "ConfigMap") and o["metadata"]["name"] != "blacklist-config"
    ]
    for env in ("staging", "production"):
        assert set(alerts(objects[env])) == {
            "BlacklistHighErrorRate",
            "BlacklistHighLatencyP95",
            "BlacklistPodRestarting",
            "BlacklistHighCPUUsage",
            "BlacklistHighMemoryUsage",
            "BlacklistAvailabilityBudgetBurnFast",
            "BlacklistAvailabilityBudgetBurnSlow",
            "BlacklistLatencyBudgetBurnFast",
            "BlacklistLatencyBudgetBurnSlow",
        }


@pytest.mark.parametrize("env", ["staging", "production"])
def test_every_alert_is_actionable(objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    for name, rule in alerts(objects[env]).items():
        assert re.fullmatch(r"[0-9]+m", rule["for"]), name
        assert rule["labels"]["severity"] in ("critical", "warning"), name
        assert rule["annotations"]["summary"] and rule["annotations"]["description"], name
        assert rule["annotations"]["runbook_url"].startswith("https://runbooks.jclee.me/blacklist/"), name


def test_thresholds_come_from_the_slo(objects: dict[str, list[dict[str, Any]]]) -> None:
    rules = alerts(objects["production"])
    assert rules["BlacklistHighErrorRate"]["expr"].rstrip().endswith("> 0.05")
    assert 'status=~"5.."' in rules["BlacklistHighErrorRate"]["expr"]
    assert rules["BlacklistHighLatencyP95"]["expr"].startswith("histogram_quantile(0.95,")
    assert rules["BlacklistHighLatencyP95"]["expr"].rstrip().endswith("> 1")
    assert rules["BlacklistPodRestarting"]["expr"].rstrip().endswith("[15m])\n) > 2")
    assert rules["BlacklistHighCPUUsage"]["expr"].rstrip().endswith("> 0.9")
    assert rules["BlacklistHighMemoryUsage"]["expr"].rstrip().endswith("> 0.9")


def test_a_different_slo_changes_every_derived_threshold() -> None:
    slo = ServiceLevelObjectives(
        error_rate=0.01, latency_quantile=0.99, latency_seconds=0.25, runbook_base_url="https://rb.example.com"
    )
    groups = slo_alerts(ServiceIdentity(name="shop", namespace="shop", environment="staging"), slo)
    rules = {a.name: a for group in groups.values() for a in group}
    assert rules["ShopHighErrorRate"].expr.rstrip().endswith("> 0.01")
    assert rules["ShopHighLatencyP99"].expr.startswith("histogram_quantile(0.99,")
    assert rules["ShopHighLatencyP99"].expr.rstrip().endswith("> 0.25")
    assert slo.success_rate_percent == 99.0 and slo.latency_milliseconds == 250


def test_slo_values_are_validated() -> None:
    with pytest.raises(
        ConfigError, match=re.escape("slo.error_rate: 5 is not allowed; a ratio strictly between 0 and 1")
    ):
        ServiceLevelObjectives(error_rate=5)
    with pytest.raises(ConfigError, match=re.escape("slo.window: '5 minutes' is not allowed")):
        ServiceLevelObjectives(window="5 minutes")


def dashboards(objs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    result = {}
    for obj in objs:
        if obj["kind"] == "ConfigMap" and obj["metadata"].get("labels", {}).get("grafana_dashboard") == "1":
            ((_, text),) = obj["data"].items()
            result[obj["metadata"]["name"]] = json.loads(text)
    return result


@pytest.mark.parametrize("env", ["staging", "production"])
def test_dashboards_parse_with_stable_ids(objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    boards = dashboards(objects[env])
    assert set(boards) == {
        "blacklist-dashboard-performance",
        "blacklist-dashboard-infrastructure",
        "blacklist-dashboard-business",
    }
    uids = [b["uid"] for b in boards.values()]
    assert len(set(uids)) == 3 and all(len(u) <= 40 for u in uids)
    for board in boards.values():
        assert [p["id"] for p in board["panels"]] == list(range(1, len(board["panels"]) + 1))
        for panel in board["panels"]:
            assert panel["targets"] and all(t["expr"] for t in panel["targets"])


def test_dashboards_use_the_alerts_metrics_and_thresholds(objects: dict[str, list[dict[str, Any]]]) -> None:
    board = dashboards(objects["production"])["blacklist-dashboard-performance"]
    exprs = " ".join(t["expr"] for p in board["panels"] for t in p["targets"])
    assert SLO.metrics.requests_total in exprs and SLO.metrics.duration_histogram + "_bucket" in exprs
    error_panel = next(p for p in board["panels"] if p["title"].startswith("Error rate"))
    assert error_panel["fieldConfig"]["defaults"]["thresholds"]["steps"][1]["value"] == SLO.error_rate
    latency_panel = next(p for p in board["panels"] if p["title"].startswith("Latency"))
    assert latency_panel["fieldConfig"]["defaults"]["thresholds"]["steps"][1]["value"] == SLO.latency_seconds
    business = dashboards(objects["production"])["blacklist-dashboard-business"]
    assert all('namespace="$namespace"' in t["expr"] for p in business["panels"] for t in p["targets"])


def test_dashboards_differ_across_environments_only_in_the_live_workload(
    objects: dict[str, list[dict[str, Any]]],
) -> None:
    """Staging's blue-green pods are `blacklist-blue`/`-green`; production's canary runs
    the live pods in Flagger's `blacklist-primary`, scaled by the HPA of that name."""
    staging, production = dashboards(objects["staging"]), dashboards(objects["production"])
    renamed = {
        "(blacklist-blue|blacklist-green)": "(blacklist|blacklist-primary)",
        'deployment=\\"blacklist-blue\\"': 'deployment=\\"blacklist-primary\\"',
        'horizontalpodautoscaler=\\"blacklist\\"': 'horizontalpodautoscaler=\\"blacklist-primary\\"',
        "available (blacklist-blue)": "available (blacklist-primary)",
        "desired (blacklist)": "desired (blacklist-primary)",
    }
    text = json.dumps(staging)
    for old, new in renamed.items():
        assert old in text, old
        text = text.replace(old, new)
    assert json.loads(text) == production
    replicas = next(
        p for p in production["blacklist-dashboard-infrastructure"]["panels"] if p["title"].startswith("Replicas")
    )
    assert [t["legendFormat"] for t in replicas["targets"]] == [
        "desired (blacklist-primary)",
        "available (blacklist-primary)",
    ]


@pytest.mark.parametrize("env", ["development", "staging", "production"])
def test_opentelemetry_exporter_wired_with_the_environment(objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    container = live_deployment(objects[env])["spec"]["template"]["spec"]["containers"][0]
    variables = {v["name"]: v.get("value") for v in container["env"]}
    names = [v["name"] for v in container["env"]]
    assert variables["OTEL_SERVICE_NAME"] == "blacklist"
    assert variables["OTEL_EXPORTER_OTLP_ENDPOINT"] == "http://otel-collector.observability:4317"
    assert f"deployment.environment={env}" in variables["OTEL_RESOURCE_ATTRIBUTES"]
    # $(POD_NAME) only expands when POD_NAME is defined earlier in the list.
    assert names.index("POD_NAME") < names.index("OTEL_RESOURCE_ATTRIBUTES")
    egress = find(objects[env], "NetworkPolicy", "blacklist")["spec"]["egress"]
    assert {
        "ports": [{"port": 4317, "protocol": "TCP"}],
        "to": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "observability"}}}],
    } in egress


def test_without_telemetry_no_otel_variables() -> None:
    chart = EnvironmentChart(App(), "t", profile=DEVELOPMENT)
    WebService(
        chart, "w", props=WebServiceProps(name="worker", image="r.example.com/worker", profile=DEVELOPMENT, slo=SLO)
    )
    container = find(chart.to_json(), "Deployment", "worker")["spec"]["template"]["spec"]["containers"][0]
    assert not [v for v in container["env"] if v["name"].startswith("OTEL_")]


def test_telemetry_settings_are_validated() -> None:
    with pytest.raises(
        ConfigError, match=re.escape("telemetry.protocol: 'thrift' is not allowed; 'grpc' or 'http/protobuf'")
    ):
        OpenTelemetry(protocol="thrift")


@pytest.mark.parametrize(
    ("slo", "message"),
    [
        (ServiceLevelObjectives(window="1m"), "slo.window: '1m' is not allowed; a range of at least 4m: 4 scrapes"),
        (
            ServiceLevelObjectives(window="10m", availability_target=0.99),
            "slo burn-rate windows: '5m' is not allowed; a range of at least 8m",
        ),
    ],
)
def test_rate_windows_span_four_scrapes(slo: ServiceLevelObjectives, message: str) -> None:
    """With fewer samples, rate() is empty or jumps (promtool: a [1m] rate over a 30 s scrape)."""
    interval = "2m" if slo.availability_target else "1m"
    with pytest.raises(ConfigError, match=re.escape(message)):
        WebServiceProps(
            name="worker",
            image="r.example.com/worker",
            profile=DEVELOPMENT,
            slo=slo,
            observability=ObservabilityOptions(scraping=Scraping(interval=interval)),
        )
