"""The service mesh, opt in: `Istio` (values), `PeerAuthentication` and
`AuthorizationPolicy` alone, and `WebService` with the mesh off and on. Every Istio
object rendered here validates against the full upstream CRD vendored in the library
(`crds/security.istio.io.yaml`), strictly: a field the CRD does not declare is an error."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from cdk8s_webservice import (
    ConfigError,
    Istio,
    NamespaceOptions,
    NetworkAccess,
    NetworkOptions,
    PodOptions,
    ServiceLevelObjectives,
    Strategy,
    WebService,
    WebServiceProps,
    testing,
)
from cdk8s_webservice.addons.authorization import AllowRule
from cdk8s_webservice.addons.istio import AuthorizationPolicy, PeerAuthentication
from cdk8s_webservice.addons.mesh import MeshTraffic, ServiceMesh

ISTIO_CRDS = Path(__file__).resolve().parents[2] / "src/cdk8s_webservice/crds/security.istio.io.yaml"
ISTIO_KINDS = ("PeerAuthentication", "AuthorizationPolicy")


def _strict(schema: Any) -> Any:
    """No undeclared field anywhere the schema declares properties (the API server's
    strict field validation); apiVersion, kind and metadata are every object's."""
    if isinstance(schema, dict):
        closed = {k: _strict(v) for k, v in schema.items()}
        if "properties" in schema and not schema.get("x-kubernetes-preserve-unknown-fields"):
            closed.setdefault("additionalProperties", False)
        return closed
    if isinstance(schema, list):
        return [_strict(v) for v in schema]
    return schema


@cache
def _upstream(api_version: str, kind: str) -> jsonschema.Draft202012Validator:
    for crd in yaml.safe_load_all(ISTIO_CRDS.read_text(encoding="utf-8")):
        if crd and crd["spec"]["names"]["kind"] == kind:
            for version in crd["spec"]["versions"]:
                if f"{crd['spec']['group']}/{version['name']}" == api_version:
                    schema = dict(version["schema"]["openAPIV3Schema"])
                    meta = {
                        "apiVersion": {"type": "string"},
                        "kind": {"type": "string"},
                        "metadata": {"type": "object"},
                    }
                    schema["properties"] = {**meta, **schema["properties"]}
                    return jsonschema.Draft202012Validator(_strict(schema))
    raise LookupError(f"{api_version} {kind} is not in {ISTIO_CRDS.name}")


def assert_valid_upstream(obj: Mapping[str, Any]) -> None:
    errors = [e.message for e in _upstream(obj["apiVersion"], obj["kind"]).iter_errors(obj)]
    assert errors == [], errors


def test_the_strict_upstream_check_refuses_an_undeclared_field() -> None:
    """The check itself bites (so the passes below mean something)."""
    chart = testing.chart()
    PeerAuthentication(chart, "mtls", identity=testing.identity())
    obj = testing.find(testing.synth(chart), "PeerAuthentication")
    obj["spec"]["mtls"]["strict"] = True
    with pytest.raises(AssertionError, match="'strict' was unexpected"):
        assert_valid_upstream(obj)


# Istio: the values


def test_istio_defaults() -> None:
    istio = Istio()
    assert isinstance(istio, ServiceMesh)
    assert istio.namespace_labels() == {"istio-injection": "enabled"}
    assert istio.flagger_provider == "istio"
    assert istio.gateway_principal == "cluster.local/ns/istio-system/sa/istio-ingressgateway"
    assert istio.http_clients() == ("istio-system",)
    assert [(p.namespace, p.port) for p in istio.egress_ports()] == [("istio-system", 15012)]
    assert [(p.namespace, p.port) for p in istio.ingress_ports("monitoring")] == [("monitoring", 15090)]
    assert istio.scrape_tls()["caFile"] == "/etc/prom-certs/root-cert.pem"


def test_istio_revision_replaces_the_injection_label() -> None:
    assert Istio(revision="1-24").namespace_labels() == {"istio.io/rev": "1-24"}


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Istio(revision="Canary_1"), r"mesh.revision: 'Canary_1' is not allowed; a DNS-1123 label"),
        (lambda: Istio(gateway_namespace=""), r"mesh.gateway_namespace: '' is not allowed"),
        (
            lambda: Istio(gateway_service_account="Gateway/SA"),
            r"mesh.gateway_service_account: 'Gateway/SA' is not allowed; a service account name",
        ),
        (lambda: Istio(control_plane_namespace="istio system"), r"mesh.control_plane_namespace: 'istio system'"),
        (lambda: Istio(trust_domain="spiffe://x"), r"mesh.trust_domain: 'spiffe://x' is not allowed; a DNS name"),
        (
            lambda: Istio(prometheus_certs_dir="certs"),
            r"mesh.prometheus_certs_dir: 'certs' is not allowed; an absolute",
        ),
        (lambda: Istio(prometheus_certs_dir="/"), r"mesh.prometheus_certs_dir: '/' is not allowed"),
        (lambda: Istio(prometheus_certs_dir=7), r"mesh.prometheus_certs_dir: 7 is not allowed"),  # type: ignore[arg-type]
        (
            lambda: MeshTraffic(port=0, metrics_port=9090, monitoring_namespace="monitoring"),
            r"mesh.port: 0 is not allowed",
        ),
        (
            lambda: MeshTraffic(port=8080, metrics_port=9090, monitoring_namespace="monitoring", clients=("A",)),
            r"mesh.clients: 'A' is not allowed",
        ),
        (lambda: testing.profile(mesh="istio"), r"test.mesh: 'istio' is not allowed; a ServiceMesh such as Istio\(\)"),
        (lambda: AllowRule(ports=()), r"authorization.ports: \(\) is not allowed; at least one port"),
        (lambda: AllowRule(ports=(70000,), namespaces=("x",)), r"authorization.ports: 70000 is not allowed"),
        (lambda: AllowRule(ports=(8080,)), r"authorization.from: \(\) is not allowed; at least one principal"),
    ],
)
def test_bad_values_are_refused_naming_field_and_value(build: Callable[[], object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        build()


# The constructs alone


def test_peer_authentication_requires_mutual_tls_for_the_service_pods() -> None:
    ident = testing.identity()
    chart = testing.chart()
    construct = PeerAuthentication(chart, "mtls", identity=ident)
    obj = testing.find(testing.synth(chart), "PeerAuthentication", "app")
    assert obj["apiVersion"] == "security.istio.io/v1"
    assert obj["spec"]["mtls"] == {"mode": "STRICT"}
    assert testing.selects(obj["spec"]["selector"], ident.pod_labels)
    assert construct.api_object.kind == "PeerAuthentication"
    assert_valid_upstream(obj)


def test_authorization_policy_allows_only_its_rules() -> None:
    ident = testing.identity()
    chart = testing.chart()
    rules = [
        AllowRule(ports=(8080,), principals=("cluster.local/ns/edge/sa/gw",)),
        AllowRule(ports=(9090,), namespaces=("monitoring",)),
    ]
    construct = AuthorizationPolicy(chart, "authz", identity=ident, rules=rules)
    obj = testing.find(testing.synth(chart), "AuthorizationPolicy", "app")
    assert obj["spec"]["action"] == "ALLOW"
    assert testing.selects(obj["spec"]["selector"], ident.pod_labels)
    assert obj["spec"]["rules"] == [
        {
            "from": [{"source": {"principals": ["cluster.local/ns/edge/sa/gw"]}}],
            "to": [{"operation": {"ports": ["8080"]}}],
        },
        {"from": [{"source": {"namespaces": ["monitoring"]}}], "to": [{"operation": {"ports": ["9090"]}}]},
    ]
    assert construct.api_object.kind == "AuthorizationPolicy"
    assert_valid_upstream(obj)


def test_authorization_policy_without_rules_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"authorization.rules: \[\] is not allowed; at least one AllowRule"):
        AuthorizationPolicy(testing.chart(), "authz", identity=testing.identity(), rules=[])


# WebService, mesh off and on


def service(
    mesh: ServiceMesh | None = None, props: dict[str, Any] | None = None, **profile: Any
) -> tuple[WebService, list[dict[str, Any]]]:
    chart = testing.chart(testing.profile(mesh=mesh, **profile))
    web = WebService(
        chart,
        "app",
        props=WebServiceProps(
            name="app",
            image="registry.example.com/app",
            profile=chart.profile,
            slo=ServiceLevelObjectives(),
            **(props or {}),
        ),
    )
    return web, testing.synth(chart)


def test_off_by_default() -> None:
    assert testing.profile().mesh is None
    web, objects = service(strategy=Strategy.CANARY, ingress_host="app.example.com")
    assert web.mesh_policies is None and web.peer_authentication is None and web.authorization_policy is None
    assert not testing.find_all(objects, "PeerAuthentication") and not testing.find_all(objects, "AuthorizationPolicy")
    assert "istio-injection" not in testing.find(objects, "Namespace")["metadata"]["labels"]
    assert testing.find(objects, "Canary")["spec"]["provider"] == "nginx"
    assert "tlsConfig" not in testing.find(objects, "ServiceMonitor")["spec"]["endpoints"][0]
    assert (
        "nginx.ingress.kubernetes.io/service-upstream"
        not in testing.find(objects, "Ingress")["metadata"]["annotations"]
    )
    assert testing.check(objects) == []


@pytest.mark.parametrize("strategy", list(Strategy))
def test_on_in_every_strategy(strategy: Strategy) -> None:
    web, objects = service(Istio(), strategy=strategy, ingress_host="app.example.com")
    assert web.peer_authentication is not None and web.authorization_policy is not None
    assert web.mesh_policies.peer_authentication is web.peer_authentication
    assert testing.find(objects, "Namespace")["metadata"]["labels"]["istio-injection"] == "enabled"
    for workload in testing.find_all(objects, "Deployment"):
        for kind in ISTIO_KINDS:
            assert testing.selects(testing.find(objects, kind)["spec"]["selector"], testing.pod_labels(workload))
    for kind in ISTIO_KINDS:
        assert_valid_upstream(testing.find(objects, kind))
    assert testing.check(objects) == []


def test_on_the_policy_allows_the_gateway_the_clients_and_prometheus() -> None:
    _, objects = service(Istio(), strategy=Strategy.CANARY)
    rules = testing.find(objects, "AuthorizationPolicy")["spec"]["rules"]
    assert [(r["from"][0]["source"], r["to"][0]["operation"]["ports"]) for r in rules] == [
        ({"principals": ["cluster.local/ns/istio-system/sa/istio-ingressgateway"]}, ["8080"]),
        ({"namespaces": ["flagger-system", "ingress-nginx"]}, ["8080"]),
        ({"namespaces": ["monitoring"]}, ["9090"]),
    ]


def test_on_the_network_policy_admits_the_mesh() -> None:
    _, objects = service(Istio(gateway_namespace="edge", control_plane_namespace="mesh-system"))
    spec = testing.find(objects, "NetworkPolicy", "app")["spec"]

    def namespace(peer: dict[str, Any]) -> str:
        return str(peer["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"])

    admitted = {(namespace(r["from"][0]), r["ports"][0]["port"]) for r in spec["ingress"]}
    assert {("edge", "http"), ("monitoring", 15090), ("monitoring", "metrics")} <= admitted
    sent = {(namespace(r["to"][0]), r["ports"][0]["port"]) for r in spec["egress"] if "namespaceSelector" in r["to"][0]}
    assert ("mesh-system", 15012) in sent


def test_on_prometheus_scrapes_over_istio_certificates() -> None:
    _, objects = service(Istio(prometheus_certs_dir="/etc/istio-certs/"))
    endpoint = testing.find(objects, "ServiceMonitor")["spec"]["endpoints"][0]
    assert endpoint["scheme"] == "https"
    assert endpoint["tlsConfig"] == {
        "caFile": "/etc/istio-certs/root-cert.pem",
        "certFile": "/etc/istio-certs/cert-chain.pem",
        "keyFile": "/etc/istio-certs/key.pem",
        "insecureSkipVerify": True,
    }


def test_on_every_scraped_port_is_scraped_over_the_mesh_tls() -> None:
    """STRICT mutual TLS covers all of the pod's ports: a second scraped port is
    scraped over TLS too, not in plain HTTP (which the sidecar would refuse)."""
    from cdk8s_webservice import Port

    _, objects = service(Istio(), props={"pod": PodOptions(ports=(Port(name="admin", number=9091, scrape=True),))})
    endpoints = testing.find(objects, "ServiceMonitor")["spec"]["endpoints"]
    assert [e["port"] for e in endpoints] == ["metrics", "admin"]
    assert {e["scheme"] for e in endpoints} == {"https"} and all("tlsConfig" in e for e in endpoints)


def test_on_flagger_routes_in_the_mesh() -> None:
    _, objects = service(Istio(), strategy=Strategy.CANARY, ingress_host="app.example.com")
    spec = testing.find(objects, "Canary")["spec"]
    assert spec["provider"] == "istio" and "ingressRef" not in spec
    assert spec["analysis"]["stepWeight"] > 0 and "iterations" not in spec["analysis"]
    annotations = testing.find(objects, "Ingress")["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/service-upstream"] == "true"
    assert annotations["nginx.ingress.kubernetes.io/upstream-vhost"] == "app.test.svc"


def test_on_with_a_revision_and_a_custom_gateway() -> None:
    _, objects = service(Istio(revision="stable", gateway_namespace="edge", gateway_service_account="edge-gw"))
    assert testing.find(objects, "Namespace")["metadata"]["labels"]["istio.io/rev"] == "stable"
    rules = testing.find(objects, "AuthorizationPolicy")["spec"]["rules"]
    assert rules[0]["from"][0]["source"] == {"principals": ["cluster.local/ns/edge/sa/edge-gw"]}
    assert testing.check(objects) == []


def test_on_without_an_ingress_controller_namespace() -> None:
    chart = testing.chart(testing.profile(mesh=Istio()))
    props = WebServiceProps(
        name="app",
        image="registry.example.com/app",
        profile=chart.profile,
        network=NetworkOptions(access=NetworkAccess(ingress_namespace=None)),
        slo=ServiceLevelObjectives(),
    )
    WebService(chart, "app", props=props)
    objects = testing.synth(chart)
    rules = testing.find(objects, "AuthorizationPolicy")["spec"]["rules"]
    assert len(rules) == 2  # the gateway and Prometheus: no declared client
    assert testing.check(objects) == []


def test_on_requires_the_namespace_to_be_created() -> None:
    profile = testing.profile(mesh=Istio())
    with pytest.raises(ConfigError, match=r"namespace.create: False is not allowed; True where test.mesh is set"):
        WebServiceProps(
            name="app",
            image="registry.example.com/app",
            profile=profile,
            namespace=NamespaceOptions(create=False),
            slo=ServiceLevelObjectives(),
        )
