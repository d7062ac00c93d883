"""Identity, RBAC, secrets, ingress and VPA: the security constructs in every environment."""

from __future__ import annotations

import base64
import re
from typing import Any

import pytest
from cdk8s import App
from conftest import DEVELOPMENT, ENVIRONMENTS, ENVS, STAGING, find, find_all, live_deployment

from cdk8s_webservice import ApiAccess, ApiRule, ConfigError, EnvironmentChart, WebService, WebServiceProps
from cdk8s_webservice.core.identity import ServiceIdentity
from cdk8s_webservice.gate.metadata import refuse_plain_secrets
from cdk8s_webservice.kinds.secrets import SealedSecret, check_ciphertext
from charts.blacklist import SLO


def synth(props: WebServiceProps) -> list[dict[str, Any]]:
    chart = EnvironmentChart(App(), "test", profile=props.profile)
    WebService(chart, props.name, props=props)
    return chart.to_json()


@pytest.mark.parametrize("env", ENVS)
def test_service_account_never_automounts(objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    account = find(objects[env], "ServiceAccount", "blacklist")
    assert account["automountServiceAccountToken"] is False
    for deployment in find_all(objects[env], "Deployment"):
        pod = deployment["spec"]["template"]["spec"]
        assert pod["serviceAccountName"] == "blacklist"
        assert pod["automountServiceAccountToken"] is False


@pytest.mark.parametrize("env", ENVS)
def test_role_is_least_privilege(objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    namespace = ENVIRONMENTS.get(env).namespace
    (rule,) = find(objects[env], "Role", "blacklist")["rules"]
    assert rule == {
        "apiGroups": [""],
        "resources": ["configmaps"],
        "resourceNames": ["blacklist-config"],
        "verbs": ["get", "list", "watch"],
    }
    binding = find(objects[env], "RoleBinding", "blacklist")
    assert binding["roleRef"] == {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "blacklist"}
    assert binding["subjects"] == [{"kind": "ServiceAccount", "name": "blacklist", "namespace": namespace}]
    assert not [o for o in objects[env] if o["kind"] in ("ClusterRole", "ClusterRoleBinding")]


@pytest.mark.parametrize("env", ENVS)
def test_token_is_projected_short_lived_and_read_only(objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    pod = live_deployment(objects[env])["spec"]["template"]["spec"]
    (volume,) = [v for v in pod["volumes"] if v["name"] == "kube-api-access"]
    token = volume["projected"]["sources"][0]["serviceAccountToken"]
    assert token == {"expirationSeconds": 3600, "path": "token"}
    (mount,) = [m for m in pod["containers"][0]["volumeMounts"] if m["name"] == "kube-api-access"]
    assert mount == {
        "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount",
        "name": "kube-api-access",
        "readOnly": True,
    }
    egress_ports = [
        p["port"] for rule in find(objects[env], "NetworkPolicy", "blacklist")["spec"]["egress"] for p in rule["ports"]
    ]
    assert 6443 in egress_ports


def test_without_api_access_there_is_no_token_role_or_api_egress() -> None:
    objs = synth(WebServiceProps(name="worker", image="registry.example.com/worker", profile=DEVELOPMENT, slo=SLO))
    kinds = {o["kind"] for o in objs}
    assert "ServiceAccount" in kinds
    assert not kinds & {"Role", "RoleBinding"}
    pod = find(objs, "Deployment", "worker")["spec"]["template"]["spec"]
    assert [v["name"] for v in pod["volumes"]] == ["tmp"]
    egress_ports = [
        p["port"] for rule in find(objs, "NetworkPolicy", "worker")["spec"]["egress"] for p in rule["ports"]
    ]
    assert egress_ports == [53, 53]


@pytest.mark.parametrize(
    "rule, message",
    [
        (
            dict(resource="configmaps", names=("a",), verbs=("get", "update")),
            "api_access[configmaps].verbs: ('get', 'update') is not allowed; a non-empty subset of get, list, watch",
        ),
        (
            dict(resource="secrets", names=()),
            "api_access[secrets].names: () is not allowed; one or more object names; no wildcards: a Role names each",
        ),
        (dict(resource="configmaps", names=("*",)), "api_access[configmaps].names: ('*',) is not allowed"),
        (dict(resource="*", names=("a",)), "api_access.resource: '*' is not allowed"),
    ],
)
def test_rbac_beyond_least_privilege_is_refused(rule: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        ApiRule(**rule)


@pytest.mark.parametrize("env", ENVS)
def test_no_plain_secret_in_any_environment(objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    for obj in objects[env]:
        assert obj["kind"] != "Secret", obj["metadata"]["name"]
        if obj["kind"] == "ConfigMap":
            assert not {"SECRET_KEY", "JWT_SECRET_KEY", "API_KEY"} & set(obj["data"])


@pytest.mark.parametrize("env", ["staging", "production"])
def test_secret_is_sealed_and_required(objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    sealed = find(objects[env], "SealedSecret", "blacklist-secrets")["spec"]
    assert set(sealed["encryptedData"]) == {"API_KEY", "JWT_SECRET_KEY", "SECRET_KEY"}
    assert sealed["template"]["metadata"]["name"] == "blacklist-secrets"
    for deployment in find_all(objects[env], "Deployment"):
        env_from = deployment["spec"]["template"]["spec"]["containers"][0]["envFrom"]
        assert {"secretRef": {"name": "blacklist-secrets"}} in env_from


def test_development_seals_nothing_and_starts_without_the_secret(objects: dict[str, list[dict[str, Any]]]) -> None:
    assert not [o for o in objects["development"] if o["kind"] == "SealedSecret"]
    env_from = find(objects["development"], "Deployment", "blacklist")["spec"]["template"]["spec"]["containers"][0][
        "envFrom"
    ]
    assert {"secretRef": {"name": "blacklist-secrets", "optional": True}} in env_from


@pytest.mark.parametrize(
    "value",
    ["dev-insecure-secret-key", base64.b64encode(b"dev-insecure-secret-key" * 4).decode(), "AgB" + "!" * 100],
)
def test_plain_values_are_refused_without_being_echoed(value: str) -> None:
    identity = ServiceIdentity(name="app", namespace="app", environment="staging")
    with pytest.raises(
        ConfigError,
        match=r"sealed_secret\[app-secrets\]\.TOKEN: '<\d+ characters>' is not allowed; kubeseal ciphertext",
    ) as error:
        SealedSecret(
            EnvironmentChart(App(), "c", profile=STAGING),
            "s",
            identity=identity,
            name="app-secrets",
            encrypted_data={"TOKEN": value},
        )
    assert value not in str(error.value)


def test_kubeseal_shaped_ciphertext_is_accepted() -> None:
    ciphertext = base64.b64encode((512).to_bytes(2, "big") + bytes(range(256)) * 3).decode()
    assert check_ciphertext("x", ciphertext) == ciphertext


def test_a_plain_secret_object_never_renders() -> None:
    secret = {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "leak"}, "stringData": {"k": "v"}}
    with pytest.raises(
        ConfigError,
        match=re.escape(
            "staging: Secret/leak: '<data>' is not allowed; a Secret with data or stringData is never rendered"
        ),
    ):
        refuse_plain_secrets("staging", [secret])


@pytest.mark.parametrize("env, host", [("staging", "staging.blacklist.jclee.me"), ("production", "blacklist.jclee.me")])
def test_ingress_serves_the_profile_host_over_tls(
    objects: dict[str, list[dict[str, Any]]], env: str, host: str
) -> None:
    ingress = find(objects[env], "Ingress", "blacklist")
    assert ingress["metadata"]["annotations"]["cert-manager.io/cluster-issuer"] == "letsencrypt-prod"
    assert ingress["spec"]["ingressClassName"] == "nginx"
    # Production's first cluster (the folder `objects` gives) also serves its regional host.
    regional = ["eu.blacklist.jclee.me"] if env == "production" else []
    assert ingress["spec"]["tls"] == [{"hosts": [host, *regional], "secretName": "blacklist-tls"}]
    rule, *others = ingress["spec"]["rules"]
    assert rule["host"] == host and [o["host"] for o in others] == regional
    assert all(o["http"] == rule["http"] for o in others)
    backend = rule["http"]["paths"][0]["backend"]["service"]
    assert backend == {"name": "blacklist", "port": {"name": "http"}}
    if find_all(objects[env], "Canary"):
        # Flagger generates the `blacklist` Service (apex) and routes through this Ingress,
        # or, in the mesh, through Istio (the Ingress then sends to the Service).
        canary = find(objects[env], "Canary", "blacklist")["spec"]
        if canary["provider"] == "istio":
            assert ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/service-upstream"] == "true"
        else:
            assert canary["ingressRef"]["name"] == ingress["metadata"]["name"]
        assert canary["service"]["targetPort"] == "http"
    else:
        service = find(objects[env], "Service", "blacklist")
        assert backend["port"]["name"] in {p["name"] for p in service["spec"]["ports"]}
    # The controller's namespace is admitted to that port.
    ingress_rules = find(objects[env], "NetworkPolicy", "blacklist")["spec"]["ingress"]
    assert {
        "from": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "ingress-nginx"}}}],
        "ports": [{"port": "http", "protocol": "TCP"}],
    } in ingress_rules


def test_development_has_no_ingress(objects: dict[str, list[dict[str, Any]]]) -> None:
    assert not [o for o in objects["development"] if o["kind"] == "Ingress"]


def test_vpa_only_in_production_and_never_evicts(objects: dict[str, list[dict[str, Any]]]) -> None:
    assert not [o for o in objects["development"] + objects["staging"] if o["kind"] == "VerticalPodAutoscaler"]
    vpa = find(objects["production"], "VerticalPodAutoscaler", "blacklist")["spec"]
    # "Off": recommendations only. Rewriting requests would move the HPA's
    # utilization baseline (usage / request) under it: the two would fight.
    assert vpa["updatePolicy"] == {"updateMode": "Off"}
    # Production runs a canary: the live pods belong to Flagger's `blacklist-primary`.
    assert vpa["targetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "blacklist-primary"}
    (policy,) = vpa["resourcePolicy"]["containerPolicies"]
    assert policy["minAllowed"] == {"cpu": "250m", "memory": "256Mi"}
    assert policy["maxAllowed"] == {"cpu": "4", "memory": "4Gi"}


def test_api_access_token_lifetime_is_bounded() -> None:
    with pytest.raises(
        ConfigError, match=re.escape("api_access.token_expiration_seconds: 60 is not allowed; 600 to 86400")
    ):
        ApiAccess(rules=(ApiRule(resource="configmaps", names=("a",)),), token_expiration_seconds=60)
