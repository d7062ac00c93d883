"""Every delivery strategy in every environment: the objects, and what selects or
targets what. A topology snapshot per combination pins the wiring readably."""

from __future__ import annotations

from typing import Any, cast

import pytest
import yaml
from conftest import ENVIRONMENTS, ENVS, FOLDERS, PROJECT, find, find_all, selects, with_environments
from syrupy.assertion import SnapshotAssertion

from cdk8s_webservice import Strategy
from charts.blacklist import SLO

STRATEGIES = [s for s in Strategy]


@pytest.fixture(scope="module")
def by_strategy() -> dict[Strategy, dict[str, list[dict[str, Any]]]]:
    """Strategy -> folder -> objects: every environment synthesized with each strategy."""
    result = {}
    for strategy in STRATEGIES:
        rendered = PROJECT.synthesize(None, strategy)
        result[strategy] = with_environments(
            {
                folder: [yaml.safe_load(t) for t in files.values()]
                for folder, files in rendered.items()
                if not folder.startswith(("helm/", "loadtest/"))
            }
        )
    return result


def pods(objs: list[dict[str, Any]], deployment_name: str) -> dict[str, str]:
    return cast(dict[str, str], find(objs, "Deployment", deployment_name)["spec"]["template"]["metadata"]["labels"])


def topology(objs: list[dict[str, Any]]) -> str:
    """One line per object that selects or targets something."""
    lines = []
    for o in sorted(objs, key=lambda o: (o["kind"], o["metadata"]["name"])):
        kind, name, spec = o["kind"], o["metadata"]["name"], o.get("spec", {})
        if kind == "Deployment":
            container = spec["template"]["spec"]["containers"][0]
            lines.append(
                f"Deployment/{name} selector={spec['selector']['matchLabels']} replicas={spec['replicas']} image={container['image']}"
            )
        elif kind == "Service":
            lines.append(
                f"Service/{name} selector={spec['selector']} job={o['metadata']['labels'].get('prometheus.io/job')}"
            )
        elif kind == "HorizontalPodAutoscaler":
            lines.append(
                f"HPA/{name} -> {spec['scaleTargetRef']['kind']}/{spec['scaleTargetRef']['name']} {spec['minReplicas']}-{spec['maxReplicas']}"
            )
        elif kind == "VerticalPodAutoscaler":
            lines.append(f"VPA/{name} -> Deployment/{spec['targetRef']['name']}")
        elif kind == "PodDisruptionBudget":
            lines.append(f"PDB/{name} selector={spec['selector']['matchLabels']}")
        elif kind == "ServiceMonitor":
            lines.append(f"ServiceMonitor/{name} jobs={spec['selector']['matchExpressions'][0]['values']}")
        elif kind == "Canary":
            lines.append(
                f"Canary/{name} -> Deployment/{spec['targetRef']['name']} provider={spec['provider']} "
                f"ingress={spec.get('ingressRef', {}).get('name')} metrics={[m['templateRef']['name'] for m in spec['analysis']['metrics']]}"
            )
        elif kind == "Ingress":
            backend = spec["rules"][0]["http"]["paths"][0]["backend"]["service"]
            lines.append(
                f"Ingress/{name} {spec['rules'][0]['host']} -> Service/{backend['name']}:{backend['port']['name']}"
            )
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("strategy", STRATEGIES, ids=lambda s: s.value)
@pytest.mark.parametrize("env", ENVS)
def test_topology(
    by_strategy: dict[Strategy, dict[str, list[dict[str, Any]]]],
    snapshot: SnapshotAssertion,
    env: str,
    strategy: Strategy,
) -> None:
    assert topology(by_strategy[strategy][env]) == snapshot


@pytest.mark.parametrize("env", ENVS)
def test_rolling(by_strategy: dict[Strategy, dict[str, list[dict[str, Any]]]], env: str) -> None:
    objs = by_strategy[Strategy.ROLLING][env]
    (deployment,) = find_all(objs, "Deployment")
    assert deployment["metadata"]["name"] == "blacklist"
    assert selects(find(objs, "Service", "blacklist")["spec"]["selector"], pods(objs, "blacklist"))
    assert find(objs, "HorizontalPodAutoscaler", "blacklist")["spec"]["scaleTargetRef"]["name"] == "blacklist"
    assert not find_all(objs, "Canary")
    for vpa in find_all(objs, "VerticalPodAutoscaler"):
        assert vpa["spec"]["targetRef"]["name"] == "blacklist"


@pytest.mark.parametrize("env", ENVS)
def test_blue_green(by_strategy: dict[Strategy, dict[str, list[dict[str, Any]]]], env: str) -> None:
    objs = by_strategy[Strategy.BLUE_GREEN][env]
    profile = ENVIRONMENTS.get(env)
    live, preview = profile.blue_green.active, profile.blue_green.preview
    assert sorted(d["metadata"]["name"] for d in find_all(objs, "Deployment")) == ["blacklist-blue", "blacklist-green"]
    live_pods, preview_pods = pods(objs, f"blacklist-{live}"), pods(objs, f"blacklist-{preview}")
    service, preview_service = (
        find(objs, "Service", "blacklist")["spec"],
        find(objs, "Service", "blacklist-preview")["spec"],
    )
    assert selects(service["selector"], live_pods) and not selects(service["selector"], preview_pods)
    assert selects(preview_service["selector"], preview_pods) and not selects(preview_service["selector"], live_pods)
    # HPA, PDB and VPA follow the live colour.
    assert find(objs, "HorizontalPodAutoscaler", "blacklist")["spec"]["scaleTargetRef"]["name"] == f"blacklist-{live}"
    pdb = find(objs, "PodDisruptionBudget", "blacklist")["spec"]["selector"]["matchLabels"]
    assert selects(pdb, live_pods) and not selects(pdb, preview_pods)
    for vpa in find_all(objs, "VerticalPodAutoscaler"):
        assert vpa["spec"]["targetRef"]["name"] == f"blacklist-{live}"
    # The preview runs at the autoscaler's minimum until it is promoted.
    assert find(objs, "Deployment", f"blacklist-{preview}")["spec"]["replicas"] == profile.autoscaling.min_replicas
    # Monitoring: live series keep job "blacklist"; the preview is scraped apart.
    monitor = find(objs, "ServiceMonitor", "blacklist")["spec"]
    assert monitor["selector"]["matchExpressions"][0]["values"] == ["blacklist", "blacklist-preview"]
    for ingress in find_all(objs, "Ingress"):
        assert ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]["name"] == "blacklist"
    # ArgoCD leaves the live Deployment's replicas to the HPA, and only that one.
    application = f"blacklist-{FOLDERS[env].replace('/', '-')}"  # production: its first cluster's
    app = find(by_strategy[Strategy.BLUE_GREEN]["argocd"], "Application", application)
    assert [d["name"] for d in app["spec"]["ignoreDifferences"]] == [f"blacklist-{live}"]


@pytest.mark.parametrize("env", ENVS)
def test_canary(by_strategy: dict[Strategy, dict[str, list[dict[str, Any]]]], env: str) -> None:
    objs = by_strategy[Strategy.CANARY][env]
    # Flagger generates blacklist, blacklist-primary and blacklist-canary: none is shipped.
    assert not find_all(objs, "Service")
    canary = find(objs, "Canary", "blacklist")["spec"]
    assert canary["targetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "blacklist"}
    hpa = find(objs, "HorizontalPodAutoscaler", canary["autoscalerRef"]["name"])
    assert hpa["spec"]["scaleTargetRef"]["name"] == canary["targetRef"]["name"]
    has_ingress = bool(find_all(objs, "Ingress"))
    meshed = bool(find_all(objs, "PeerAuthentication"))  # staging and production run Istio
    assert canary["provider"] == ("istio" if meshed else "nginx" if has_ingress else "kubernetes")
    assert ("ingressRef" in canary) == (has_ingress and not meshed)
    if has_ingress and not meshed:
        find(objs, "Ingress", canary["ingressRef"]["name"])
    if has_ingress or meshed:
        assert {"maxWeight", "stepWeight"} <= canary["analysis"].keys()
    else:
        assert canary["analysis"]["iterations"] == 10
    for metric in canary["analysis"]["metrics"]:
        find(objs, "MetricTemplate", metric["templateRef"]["name"])
    thresholds = {m["name"]: m["thresholdRange"] for m in canary["analysis"]["metrics"]}
    assert thresholds == {"success-rate": {"min": SLO.success_rate_percent}, "latency": {"max": SLO.latency_seconds}}
    # Primary pods keep the workload labels (Flagger rewrites only app.kubernetes.io/name).
    primary_pods = {**pods(objs, "blacklist"), "app.kubernetes.io/name": "blacklist-primary"}
    assert selects(find(objs, "PodDisruptionBudget", "blacklist")["spec"]["selector"]["matchLabels"], primary_pods)
    assert selects(find(objs, "NetworkPolicy", "blacklist")["spec"]["podSelector"]["matchLabels"], primary_pods)
    for vpa in find_all(objs, "VerticalPodAutoscaler"):
        assert vpa["spec"]["targetRef"]["name"] == "blacklist-primary"
    # Scrape primary and canary once each, under their own jobs; the apex is left out.
    assert find(objs, "ServiceMonitor", "blacklist")["spec"]["selector"]["matchExpressions"][0]["values"] == [
        "blacklist",
        "blacklist-canary",
    ]
    assert canary["service"]["primary"]["labels"] == {"prometheus.io/job": "blacklist"}
    assert canary["service"]["canary"]["labels"] == {"prometheus.io/job": "blacklist-canary"}
    assert "prometheus.io/job" not in canary["service"]["apex"]["labels"]
    # The load test reaches the canary: blacklist's k6 script (CanaryOptions.k6_webhook_url)
    # targets the canary Service.
    webhook = canary["analysis"]["webhooks"][0]
    assert webhook["name"] == "k6-load-test"
    assert f'"http://blacklist-canary.{ENVIRONMENTS.get(env).namespace}:80"' in webhook["metadata"]["script"]
    clients = [
        r["from"][0]["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"]
        for r in find(objs, "NetworkPolicy", "blacklist")["spec"]["ingress"]
    ]
    assert "flagger-system" in clients


def test_canary_queries_measure_the_slo() -> None:
    from cdk8s_webservice.delivery.canary import latency_query, success_rate_query

    success = success_rate_query(SLO)
    assert success.startswith("100 * (1 - (") and 'status=~"5.."' in success
    assert 'job="{{ target }}-canary"' in success and "[{{ interval }}]" in success
    assert latency_query(SLO).startswith("histogram_quantile(0.95,")
