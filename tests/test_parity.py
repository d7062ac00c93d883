"""Parity with the Kustomize tree this project replaced (tests/baseline/).

For the objects both designs ship, the values that matter are the same. The
deliberate differences are listed in the README ("Differences from the
Kustomize baseline") and are excluded here by name, not by loosening the checks.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import find

BASELINE = Path(__file__).resolve().parent / "baseline"
ENVS = ["development", "staging", "production"]


def baseline(env: str) -> list[dict]:
    return [doc for doc in yaml.safe_load_all((BASELINE / f"{env}.yaml").read_text()) if doc]


def container(deployment: dict) -> dict:
    return deployment["spec"]["template"]["spec"]["containers"][0]


@pytest.mark.parametrize("env", ENVS)
def test_deployment(objects, env) -> None:
    ours, theirs = find(objects[env], "Deployment", "blacklist"), find(baseline(env), "Deployment", "blacklist")
    for key in ("replicas", "selector", "strategy", "revisionHistoryLimit", "progressDeadlineSeconds"):
        assert ours["spec"][key] == theirs["spec"][key], key
    our_pod, their_pod = ours["spec"]["template"]["spec"], theirs["spec"]["template"]["spec"]
    for key in ("securityContext", "topologySpreadConstraints", "enableServiceLinks", "terminationGracePeriodSeconds"):
        assert our_pod[key] == their_pod[key], key
    assert our_pod["automountServiceAccountToken"] is False
    ours_c, theirs_c = container(ours), container(theirs)
    for key in ("image", "ports", "resources", "startupProbe", "livenessProbe", "readinessProbe", "securityContext", "imagePullPolicy"):
        assert ours_c[key] == theirs_c[key], key
    # Same variables; the config map is referenced by its stable name (no hash suffix).
    assert ours_c["env"] == theirs_c["env"]
    assert ours_c["envFrom"][0] == {"configMapRef": {"name": "blacklist-config"}}
    assert {"mountPath": "/tmp", "name": "tmp"} in theirs_c["volumeMounts"]
    assert ours_c["volumeMounts"] == [{"mountPath": "/tmp", "name": "tmp"}]
    # Difference: the 1.30 `sleep` handler becomes an exec sleep of the same length (1.27 API).
    assert theirs_c["lifecycle"]["preStop"]["sleep"]["seconds"] == 5
    assert ours_c["lifecycle"]["preStop"]["exec"]["command"] == ["sleep", "5"]


@pytest.mark.parametrize("env", ENVS)
def test_config_values(objects, env) -> None:
    ours = find(objects[env], "ConfigMap", "blacklist-config")["data"]
    (theirs,) = [o["data"] for o in baseline(env) if o["kind"] == "ConfigMap" and o["metadata"]["name"].startswith("blacklist-config-")]
    assert ours == theirs


@pytest.mark.parametrize("env", ["development", "staging"])
def test_service(objects, env) -> None:
    # Production's baseline hands its Services to Flagger (canary delivery, a later issue).
    ours, theirs = find(objects[env], "Service", "blacklist"), find(baseline(env), "Service", "blacklist")
    assert ours["spec"] == theirs["spec"]


@pytest.mark.parametrize("env", ENVS)
@pytest.mark.parametrize("kind", ["HorizontalPodAutoscaler", "PodDisruptionBudget", "ServiceMonitor"])
def test_same_spec(objects, env, kind) -> None:
    assert find(objects[env], kind, "blacklist")["spec"] == find(baseline(env), kind, "blacklist")["spec"]


@pytest.mark.parametrize("env", ENVS)
def test_network_policies(objects, env) -> None:
    """The baseline's two allow policies are one policy here, with the same rules."""
    theirs = baseline(env)
    ours = find(objects[env], "NetworkPolicy", "blacklist")["spec"]
    assert ours["ingress"] == find(theirs, "NetworkPolicy", "blacklist-allow-ingress")["spec"]["ingress"]
    assert ours["egress"] == find(theirs, "NetworkPolicy", "blacklist-allow-egress")["spec"]["egress"]
    assert ours["podSelector"] == find(theirs, "NetworkPolicy", "blacklist-allow-ingress")["spec"]["podSelector"]
    assert find(objects[env], "NetworkPolicy", "default-deny-all")["spec"] == find(theirs, "NetworkPolicy", "default-deny-all")["spec"]


@pytest.mark.parametrize("env", ["staging", "production"])
def test_pod_security_labels(objects, env) -> None:
    # The baseline labels only the environments that use its security component;
    # here every environment's namespace is labelled.
    ours = next(o for o in objects[env] if o["kind"] == "Namespace")["metadata"]["labels"]
    theirs = next(o for o in baseline(env) if o["kind"] == "Namespace")["metadata"]["labels"]
    psa = {k: v for k, v in theirs.items() if k.startswith("pod-security.kubernetes.io/")}
    assert psa and psa.items() <= ours.items()
