"""The core service construct's security, probes, spread and wiring, in every environment."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from conftest import ENVS, find, find_all, live_deployment, selects

WORKLOAD = {"app.kubernetes.io/part-of": "blacklist", "app.kubernetes.io/component": "api"}


def deployments(objects: dict[str, list[dict[str, Any]]], env: str) -> list[dict[str, Any]]:
    """Every Deployment (two colours in a blue-green environment)."""
    return find_all(objects[env], "Deployment")


@pytest.mark.parametrize("env", ENVS)
def test_pod_runs_hardened(objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    for deployment in deployments(objects, env):
        spec = deployment["spec"]["template"]["spec"]
        assert spec["automountServiceAccountToken"] is False
        assert spec["securityContext"]["runAsNonRoot"] is True
        assert spec["securityContext"]["runAsUser"] == 10001
        assert spec["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
        (container,) = spec["containers"]
        assert container["securityContext"] == {
            "allowPrivilegeEscalation": False,
            "capabilities": {"drop": ["ALL"]},
            "privileged": False,
            "readOnlyRootFilesystem": True,
            "runAsNonRoot": True,
        }
        # The read-only root filesystem leaves a bounded, writable /tmp; the only other
        # mount is the explicitly projected, read-only API token.
        assert container["volumeMounts"][0] == {"mountPath": "/tmp", "name": "tmp"}
        assert spec["volumes"][0] == {"emptyDir": {"sizeLimit": "64Mi"}, "name": "tmp"}
        assert all(m.get("readOnly") for m in container["volumeMounts"][1:])


@pytest.mark.parametrize("env", ENVS)
def test_three_probes_on_the_http_port(objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    for deployment in deployments(objects, env):
        (container,) = deployment["spec"]["template"]["spec"]["containers"]
        assert container["ports"] == [
            {"containerPort": 8080, "name": "http", "protocol": "TCP"},
            {"containerPort": 9090, "name": "metrics", "protocol": "TCP"},
        ]
        assert container["startupProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
        assert container["startupProbe"]["failureThreshold"] * container["startupProbe"]["periodSeconds"] == 120
        assert container["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
        assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}


@pytest.mark.parametrize("env", ENVS)
def test_graceful_shutdown_and_zero_downtime_rollout(objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    for deployment in deployments(objects, env):
        assert deployment["spec"]["strategy"]["rollingUpdate"] == {"maxSurge": "25%", "maxUnavailable": 0}
        spec = deployment["spec"]["template"]["spec"]
        assert spec["terminationGracePeriodSeconds"] == 30
        assert spec["containers"][0]["lifecycle"]["preStop"]["exec"]["command"] == ["sleep", "5"]


@pytest.mark.parametrize("env", ENVS)
def test_spread_over_zones_and_nodes(objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    for deployment in deployments(objects, env):
        constraints = deployment["spec"]["template"]["spec"]["topologySpreadConstraints"]
        assert [(c["topologyKey"], c["whenUnsatisfiable"]) for c in constraints] == [
            ("topology.kubernetes.io/zone", "ScheduleAnyway"),
            ("kubernetes.io/hostname", "DoNotSchedule"),
        ]
        for constraint in constraints:
            assert constraint["labelSelector"] == {"matchLabels": WORKLOAD}


@pytest.mark.parametrize("env", ENVS)
def test_every_selector_matches_the_pods_it_should(objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    objs = objects[env]
    live = live_deployment(objs)
    live_labels = live["spec"]["template"]["metadata"]["labels"]
    assert selects(live["spec"]["selector"]["matchLabels"], live_labels)
    pdb = find(objs, "PodDisruptionBudget", "blacklist")["spec"]["selector"]["matchLabels"]
    policy = find(objs, "NetworkPolicy", "blacklist")["spec"]["podSelector"]["matchLabels"]
    assert selects(pdb, live_labels) and selects(policy, live_labels)
    for deployment in deployments(objects, env):
        # Every pod is covered by the NetworkPolicy, whichever colour or role it has.
        assert selects(policy, deployment["spec"]["template"]["metadata"]["labels"])
    services = find_all(objs, "Service")
    if services:
        live_service = find(objs, "Service", "blacklist")
        assert selects(live_service["spec"]["selector"], live_labels)
        for deployment in deployments(objects, env):
            if deployment is not live:
                assert not selects(
                    live_service["spec"]["selector"], deployment["spec"]["template"]["metadata"]["labels"]
                )
    monitor = find(objs, "ServiceMonitor", "blacklist")["spec"]
    assert monitor["jobLabel"] == "prometheus.io/job"
    (expression,) = monitor["selector"]["matchExpressions"]
    for service in services:
        assert service["metadata"]["labels"]["prometheus.io/job"] in expression["values"]
        assert "metrics" in {p["name"] for p in service["spec"]["ports"]}


@pytest.mark.parametrize("env", ENVS)
def test_config_change_rolls_the_pods(objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    data = find(objects[env], "ConfigMap", "blacklist-config")["data"]
    for deployment in deployments(objects, env):
        annotations = deployment["spec"]["template"]["metadata"]["annotations"]
        assert annotations["checksum/config"] == hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def test_checksums_differ_between_environments(objects: dict[str, list[dict[str, Any]]]) -> None:
    sums = {
        live_deployment(objects[env])["spec"]["template"]["metadata"]["annotations"]["checksum/config"] for env in ENVS
    }
    assert len(sums) == 3


@pytest.mark.parametrize("env", ENVS)
def test_hpa_scales_on_cpu_memory_and_request_rate(objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    spec = find(objects[env], "HorizontalPodAutoscaler", "blacklist")["spec"]
    assert spec["scaleTargetRef"]["kind"] == "Deployment"
    assert spec["metrics"] == [
        {"resource": {"name": "cpu", "target": {"averageUtilization": 70, "type": "Utilization"}}, "type": "Resource"},
        {
            "resource": {"name": "memory", "target": {"averageUtilization": 80, "type": "Utilization"}},
            "type": "Resource",
        },
        {
            "pods": {
                "metric": {"name": "http_requests_per_second"},
                "target": {"averageValue": "100", "type": "AverageValue"},
            },
            "type": "Pods",
        },
    ]
    assert spec["behavior"]["scaleDown"]["stabilizationWindowSeconds"] == 300
    assert spec["behavior"]["scaleUp"]["stabilizationWindowSeconds"] == 0


@pytest.mark.parametrize("env", ENVS)
def test_network_policy_admits_only_what_must_reach_the_pods(
    objects: dict[str, list[dict[str, Any]]], env: str
) -> None:
    objs = objects[env]
    deny = find(objs, "NetworkPolicy", "default-deny-all")["spec"]
    assert deny == {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}
    spec = find(objs, "NetworkPolicy", "blacklist")["spec"]
    assert spec["policyTypes"] == ["Ingress", "Egress"]
    admitted = {
        (rule["from"][0]["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"], rule["ports"][0]["port"])
        for rule in spec["ingress"]
    }
    expected: set[tuple[str, str | int]] = {("ingress-nginx", "http"), ("monitoring", "metrics")}
    if find_all(objs, "Canary"):  # Flagger's load tester drives traffic at the canary
        expected.add(("flagger-system", "http"))
    if find_all(objs, "PeerAuthentication"):  # Istio: its ingress gateway, the sidecar's metrics
        expected |= {("istio-system", "http"), ("monitoring", 15090)}
    assert admitted == expected
    dns = spec["egress"][0]
    assert {(p["port"], p["protocol"]) for p in dns["ports"]} == {(53, "UDP"), (53, "TCP")}
    assert dns["to"][0]["podSelector"] == {"matchLabels": {"k8s-app": "kube-dns"}}


@pytest.mark.parametrize("env", ENVS)
def test_namespace_enforces_restricted_pod_security(objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    namespace = next(o for o in objects[env] if o["kind"] == "Namespace")
    labels = namespace["metadata"]["labels"]
    for mode in ("enforce", "audit", "warn"):
        assert labels[f"pod-security.kubernetes.io/{mode}"] == "restricted"
