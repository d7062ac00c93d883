"""`PublicIngress` with several hosts, paths and TLS sections, and what follows it:
the NetworkPolicy, the gate's ingress-controller admission, Flagger's `ingressRef`."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from cdk8s import JsonPatch

from cdk8s_webservice import (
    ConfigError,
    IngressOptions,
    IngressRoutes,
    PodOptions,
    Port,
    ServiceLevelObjectives,
    Strategy,
    WebService,
    WebServiceProps,
    testing,
)
from cdk8s_webservice.kinds.ingress import PublicIngress
from cdk8s_webservice.kinds.ingress_routes import IngressHost, IngressPath, IngressTls

ROUTES = IngressRoutes(
    hosts=(
        IngressHost("app.example.com", paths=(IngressPath("/"), IngressPath("/health", path_type="Exact"))),
        IngressHost("api.example.com", paths=(IngressPath("/v1"), IngressPath("/hooks", port="webhooks"))),
        IngressHost("app.example.org"),
    ),
    tls=(
        IngressTls(("app.example.com", "api.example.com")),
        IngressTls(("app.example.org",), secret_name="example-org-wildcard"),
    ),
)


def ingress(**kwargs: Any) -> tuple[PublicIngress, dict[str, Any]]:
    chart = testing.chart()
    construct = PublicIngress(chart, "ingress", identity=testing.identity(), service="app", **kwargs)
    return construct, testing.find(testing.synth(chart), "Ingress", "app")


def service(**profile: Any) -> tuple[WebService, list[dict[str, Any]]]:
    chart = testing.chart(testing.profile(**profile))
    web = WebService(
        chart,
        "app",
        props=WebServiceProps(
            name="app",
            image="registry.example.com/app",
            profile=chart.profile,
            slo=ServiceLevelObjectives(),
            pod=PodOptions(ports=(Port("webhooks", 8443),)),
        ),
    )
    return web, testing.synth(chart)


def chart_of(web: WebService) -> list[dict[str, Any]]:
    return testing.synth(web.node.scope)  # type: ignore[arg-type]


def test_one_rule_per_host_one_tls_section_per_host_set() -> None:
    construct, obj = ingress(routes=ROUTES, options=IngressOptions())
    rules = {r["host"]: r["http"]["paths"] for r in obj["spec"]["rules"]}
    assert list(rules) == ["app.example.com", "api.example.com", "app.example.org"]
    assert [(p["path"], p["pathType"], p["backend"]["service"]["port"]["name"]) for p in rules["api.example.com"]] == [
        ("/v1", "Prefix", "http"),
        ("/hooks", "Prefix", "webhooks"),
    ]
    assert rules["app.example.com"][1]["pathType"] == "Exact"
    assert obj["spec"]["tls"] == [
        {"hosts": ["app.example.com", "api.example.com"], "secretName": "app-tls"},
        {"hosts": ["app.example.org"], "secretName": "example-org-wildcard"},
    ]
    assert construct.tls_secret_names == ("app-tls", "example-org-wildcard")
    assert construct.ports == ("http", "webhooks")


def test_further_default_secrets_are_numbered() -> None:
    routes = IngressRoutes(
        hosts=(IngressHost("a.example.com"), IngressHost("b.example.com")),
        tls=(IngressTls(("a.example.com",)), IngressTls(("b.example.com",))),
    )
    construct, _ = ingress(routes=routes, options=IngressOptions())
    assert construct.tls_secret_names == ("app-tls", "app-tls-2")


def test_one_host_is_todays_ingress() -> None:
    _, by_host = ingress(host="app.example.com", options=IngressOptions())
    _, by_routes = ingress(routes=IngressRoutes.single("app.example.com"), options=IngressOptions())
    assert by_host == by_routes
    assert by_host["spec"]["tls"] == [{"hosts": ["app.example.com"], "secretName": "app-tls"}]
    assert testing.profile(ingress_host="app.example.com").ingress == IngressRoutes.single("app.example.com")


def test_issuer_annotations() -> None:
    _, obj = ingress(host="app.example.com", options=IngressOptions(cluster_issuer=None, issuer="team-ca"))
    annotations = obj["metadata"]["annotations"]
    assert annotations["cert-manager.io/issuer"] == "team-ca" and "cert-manager.io/cluster-issuer" not in annotations
    _, own = ingress(host="app.example.com", options=IngressOptions(cluster_issuer=None))
    assert not any(key.startswith("cert-manager.io/") for key in own["metadata"]["annotations"])


def test_web_service_admits_the_controller_to_every_backend_and_passes_the_gate() -> None:
    web, objects = service(ingress_routes=ROUTES)
    assert web.ingress is not None and web.ingress.tls_secret_names == ("app-tls", "example-org-wildcard")
    policy = testing.find(objects, "NetworkPolicy", "app")["spec"]["ingress"]
    controller = next(r for r in policy if "ingress-nginx" in r["from"][0]["namespaceSelector"]["matchLabels"].values())
    assert [p["port"] for p in controller["ports"]] == ["http", "webhooks"]
    assert testing.check(objects) == []


def test_gate_refuses_a_backend_the_network_policy_drops() -> None:
    web, _ = service(ingress_routes=ROUTES)
    # Through the escape hatch, the controller loses `webhooks`: the gate notices.
    web.network_policy.api_object.add_json_patch(JsonPatch.remove("/spec/ingress/0/ports/1"))
    violations = testing.check(chart_of(web))
    assert [v.rule for v in violations] == ["ingress-controller-admitted"]
    assert "no NetworkPolicy admits namespace ingress-nginx to app:webhooks" in violations[0].message


def test_the_metrics_port_is_never_published() -> None:
    routes = IngressRoutes(hosts=(IngressHost("a.example.com", paths=(IngressPath("/v1", port="metrics"),)),))
    with pytest.raises(ConfigError, match=r"ingress.a.example.com./v1.port: 'metrics' is not allowed"):
        service(ingress_routes=routes)


def test_canary_keeps_one_ingress_for_flagger() -> None:
    _, objects = service(ingress_routes=ROUTES, strategy=Strategy.CANARY)
    assert len(testing.find_all(objects, "Ingress")) == 1
    canary = testing.find(objects, "Canary", "app")["spec"]
    assert canary["ingressRef"]["name"] == "app" and canary["provider"] == "nginx"
    assert testing.check(objects) == []


def test_own_secret_may_not_be_a_certificate_secret() -> None:
    profile = testing.profile(ingress_routes=ROUTES)
    with pytest.raises(ConfigError, match=r"secret_name: 'example-org-wildcard' is not allowed"):
        WebServiceProps(
            name="app",
            image="registry.example.com/app",
            profile=profile,
            pod=PodOptions(secret_name="example-org-wildcard"),
            slo=ServiceLevelObjectives(),
        )


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: IngressHost("10.0.0.1"), "ingress.host: '10.0.0.1' is not allowed; an IP address is not a host name"),
        (
            lambda: IngressHost("Bad_Host.example.com"),
            "ingress.host: 'Bad_Host.example.com' is not allowed; a DNS host",
        ),
        (lambda: IngressPath("v1"), "ingress.path: 'v1' is not allowed; a URL path starting with '/'"),
        (lambda: IngressPath("/(.*)"), "ingress.path: '/(.*)' is not allowed"),
        (
            lambda: IngressPath(path_type="ImplementationSpecific"),
            "ingress.path_type: 'ImplementationSpecific' is not allowed; one of: Prefix, Exact",
        ),
        (lambda: IngressPath(port="HTTP"), "ingress.port: 'HTTP' is not allowed; a Service port name"),
        (
            lambda: IngressTls(("app.example.com",), secret_name="App_TLS"),
            "ingress.tls.secret_name: 'App_TLS' is not allowed; a Secret name",
        ),
        (
            lambda: IngressHost("a.example.com", paths=(IngressPath("/x"), IngressPath("/x"))),
            "ingress.a.example.com.paths: '/x' is not allowed; each path appears once per host",
        ),
        (
            lambda: IngressRoutes(hosts=(IngressHost("a.example.com"), IngressHost("a.example.com"))),
            "ingress.hosts: 'a.example.com' is not allowed; each host appears once",
        ),
        (
            lambda: IngressRoutes(hosts=(IngressHost("a.example.com"),), tls=(IngressTls(("b.example.com",)),)),
            "ingress.tls.hosts: 'b.example.com' is not allowed; a host of the routes (a.example.com)",
        ),
        (
            lambda: IngressRoutes(
                hosts=(IngressHost("a.example.com"), IngressHost("b.example.com")),
                tls=(IngressTls(("a.example.com",)),),
            ),
            "ingress.tls: ['b.example.com'] is not allowed; TLS sections covering every host",
        ),
        (
            lambda: IngressRoutes(
                hosts=(IngressHost("a.example.com"), IngressHost("b.example.com")),
                tls=(IngressTls(("a.example.com",), secret_name="s"), IngressTls(("b.example.com",), secret_name="s")),
            ),
            "ingress.tls.secret_name: 's' is not allowed; a Secret of its own per TLS section",
        ),
        (lambda: IngressRoutes(hosts=()), "ingress.hosts: () is not allowed; a non-empty tuple of IngressHost"),
        (
            lambda: IngressOptions(issuer="team-ca"),
            "ingress.issuer: 'team-ca' is not allowed; set cluster_issuer=None too",
        ),
        (
            lambda: testing.profile(ingress_host="a.example.com", ingress_routes=IngressRoutes.single("b.example.com")),
            "test.ingress_routes: .* is not allowed; None where ingress_host is set",
        ),
        (
            lambda: PublicIngress(
                testing.chart(), "i", identity=testing.identity(), service="app", options=IngressOptions()
            ),
            "ingress.host: None is not allowed; a host name, or routes",
        ),
    ],
)
def test_refusals_name_field_and_value(build: Callable[[], object], message: str) -> None:
    with pytest.raises(ConfigError, match=message if ".*" in message else re.escape(message)):
        build()
