"""Bad input fails at construction, with a message naming the field, the value and what is allowed."""

from __future__ import annotations

import base64
import dataclasses
import re
import traceback
from collections.abc import Callable
from typing import Any, cast

import pytest
from cdk8s import App
from conftest import ENVIRONMENTS, PRODUCTION, STAGING

from cdk8s_webservice import (
    ApiAccess,
    ApiRule,
    BusinessPanel,
    CanaryOptions,
    ConfigError,
    EgressRule,
    EnvironmentChart,
    EnvironmentProfile,
    GitOpsSettings,
    HealthChecks,
    IngressOptions,
    NamespaceOptions,
    NetworkAccess,
    NetworkOptions,
    OpenTelemetry,
    PodOptions,
    Resources,
    ScalingBounds,
    ScalingTargets,
    ServiceLevelObjectives,
    TagPolicy,
    WebService,
    WebServiceProps,
)
from cdk8s_webservice.core.identity import ServiceIdentity
from cdk8s_webservice.delivery.strategy import BlueGreenState
from cdk8s_webservice.kinds.autoscaling import ExternalMetric
from cdk8s_webservice.kinds.availability import PodDisruptionBudget
from cdk8s_webservice.kinds.deployment_props import DeploymentProps
from cdk8s_webservice.kinds.ingress import PublicIngress
from cdk8s_webservice.kinds.network import Service
from cdk8s_webservice.observability.scraping import Scraping
from cdk8s_webservice.observability.slo import HttpMetrics
from charts.blacklist import SLO

RESOURCES = dict(cpu_request="100m", cpu_limit="500m", memory_request="256Mi", memory_limit="512Mi")


def profile(**changes: Any) -> EnvironmentProfile:
    base = dict(
        name="staging",
        namespace="app-staging",
        replicas=2,
        resources=Resources(**RESOURCES),
        autoscaling=ScalingBounds(2, 5),
        image_tag="v1.0.0",
        tag_policy=TagPolicy.PINNED,
    )
    return EnvironmentProfile(**{**base, **changes})


def raises(message: str) -> pytest.RaisesExc[ConfigError]:
    return pytest.raises(ConfigError, match=re.escape(message))


@pytest.mark.parametrize(
    "field, value, allowed",
    [
        ("cpu_request", "500x", "a CPU quantity is a number of cores"),
        ("cpu_limit", "", "a CPU quantity is a number of cores"),
        ("memory_request", "512MB", "a memory quantity is a number with an optional unit"),
        ("memory_limit", "-1Gi", "a memory quantity is a number with an optional unit"),
        ("cpu_request", "0m", "a CPU quantity must be greater than zero"),
    ],
)
def test_malformed_quantity(field: str, value: str, allowed: str) -> None:
    with raises(f"resources.{field}: {value!r} is not allowed; {allowed}"):
        Resources(**{**RESOURCES, field: value})


def test_request_above_limit() -> None:
    with raises("resources.cpu_request: '1' is not allowed; it must not exceed resources.cpu_limit (500m)"):
        Resources(**{**RESOURCES, "cpu_request": "1"})
    with raises("resources.memory_request: '1Gi' is not allowed; it must not exceed resources.memory_limit (512Mi)"):
        Resources(**{**RESOURCES, "memory_request": "1Gi"})


def test_quantities_compare_across_units() -> None:
    Resources(cpu_request="0.5", cpu_limit="500m", memory_request="1024Mi", memory_limit="1Gi")


def test_autoscaling_min_above_max() -> None:
    with raises("autoscaling.max_replicas: 2 is not allowed; a whole number not below autoscaling.min_replicas (5)"):
        ScalingBounds(min_replicas=5, max_replicas=2)
    with raises("autoscaling.min_replicas: 0 is not allowed; a whole number of at least 1"):
        ScalingBounds(min_replicas=0, max_replicas=2)


def test_replicas_outside_the_autoscaling_range() -> None:
    with raises("staging.replicas: 9 is not allowed; within the autoscaling range 2-5"):
        profile(replicas=9)


def test_unknown_environment_name() -> None:
    with raises("environment: 'prod' is not allowed; one of: development, staging, production"):
        ENVIRONMENTS.get("prod")
    with raises("environment: 'qa' is not allowed"):
        ENVIRONMENTS.select(["staging", "qa"])


@pytest.mark.parametrize("tag", ["latest", "LATEST", "main"])
def test_moving_tag_where_tags_are_pinned(tag: str) -> None:
    with raises(f"staging.image_tag: {tag!r} is not allowed; this environment pins image tags"):
        profile(image_tag=tag)


def test_production_refuses_latest() -> None:
    with raises("production.image_tag: 'latest' is not allowed; this environment pins image tags"):
        dataclasses.replace(PRODUCTION, image_tag="latest")


@pytest.mark.parametrize("tag", [None, ""])
def test_missing_tag(tag: str | None) -> None:
    with raises(f"staging.image_tag: {tag!r} is not allowed; an image tag or sha256 digest is required"):
        profile(image_tag=tag)
    with raises("an image tag or sha256 digest is required"):
        profile(image_tag=tag, tag_policy=TagPolicy.FLOATING)


def test_floating_environment_accepts_latest_and_digests_are_pinned() -> None:
    assert profile(image_tag="latest", tag_policy=TagPolicy.FLOATING).image_tag == "latest"
    digest = "sha256:" + "a" * 64
    props = WebServiceProps(name="app", image="registry.example.com/app", profile=profile(image_tag=digest), slo=SLO)
    assert props.image_reference() == f"registry.example.com/app@{digest}"


def test_malformed_tag() -> None:
    with raises("staging.image_tag: 'v1 beta' is not allowed; an image tag is up to 128 letters"):
        profile(image_tag="v1 beta")


@pytest.mark.parametrize("name", ["Blacklist", "black_list", "-api", "api-", ""])
def test_name_not_dns_1123(name: str) -> None:
    with raises(f"name: {name!r} is not allowed; a DNS-1123 label is lower-case letters, digits and '-'"):
        WebServiceProps(name=name, image="registry.example.com/app", profile=STAGING)


def test_name_over_63_characters() -> None:
    name = "a" * 64
    with raises(f"name: {name!r} is not allowed; a DNS-1123 label is at most 63 characters (this one has 64)"):
        WebServiceProps(name=name, image="registry.example.com/app", profile=STAGING)


def test_namespace_not_dns_1123() -> None:
    with raises("staging.namespace: 'Blacklist_Prod' is not allowed; a DNS-1123 label"):
        profile(namespace="Blacklist_Prod")


def test_name_whose_derived_names_overflow() -> None:
    name = "a" * 60  # fine alone, but `<name>-config` would be 67 characters
    props = WebServiceProps(name=name, image="registry.example.com/app", profile=STAGING, slo=SLO)
    with raises(f"name: {name!r} is not allowed; the derived object name '{name}-config' is 67 characters"):
        WebService(EnvironmentChart(App(), "c", profile=STAGING), "svc", props=props)


def test_image_with_tag_in_the_repository() -> None:
    with raises("image: 'registry.example.com/app:latest' is not allowed; an image repository without tag or digest"):
        WebServiceProps(name="app", image="registry.example.com/app:latest", profile=STAGING)


def test_bad_ports() -> None:
    with raises("port: 70000 is not allowed; a port number from 1 to 65535"):
        WebServiceProps(name="app", image="r.example.com/app", profile=STAGING, pod=PodOptions(port=70000))
    with raises("metrics_port: 8080 is not allowed; a port other than port (8080)"):
        WebServiceProps(name="app", image="r.example.com/app", profile=STAGING, pod=PodOptions(metrics_port=8080))


def test_bad_probe_path_and_scaling_target() -> None:
    with raises("health.readiness_path: 'readyz' is not allowed; an absolute HTTP path"):
        HealthChecks(readiness_path="readyz")
    with raises("scaling.cpu_utilization: 150 is not allowed; a whole percentage from 1 to 100"):
        ScalingTargets(cpu_utilization=150)


def test_bad_config_key() -> None:
    with raises("config key: 'LOG-LEVEL' is not allowed; an environment variable name"):
        WebServiceProps(
            name="app", image="r.example.com/app", profile=STAGING, pod=PodOptions(config={"LOG-LEVEL": "x"})
        )


# --- Values are checked at the door -----------------------------------------------------------
# Each case was accepted before (or failed with a TypeError, an AttributeError or a jsii
# traceback instead of ConfigError). Each refusal names the field and the value.

INT32_MAX = 2**31 - 1
TOO_BIG = 10_000_000_000
IDENTITY = ServiceIdentity(name="app", namespace="app-staging", environment="staging")


def web(**changes: Any) -> WebServiceProps:
    return WebServiceProps(**{"name": "app", "image": "r.example.com/app", "profile": STAGING, "slo": SLO, **changes})


def workload(**changes: Any) -> DeploymentProps:
    base = dict(
        identity=IDENTITY,
        image="r.example.com/app:v1",
        replicas=1,
        resources=Resources(**RESOURCES),
        port=8080,
        metrics_port=9090,
        config_name="app-config",
        config_checksum="0" * 64,
    )
    return DeploymentProps(**{**base, **changes})


def build(props: WebServiceProps) -> None:
    WebService(EnvironmentChart(App(), "c", profile=props.profile), "svc", props=props)


def chart() -> EnvironmentChart:
    return EnvironmentChart(App(), "c", profile=STAGING)


REFUSALS: list[tuple[str, Callable[[], object], str, object, str]] = [
    # id, what builds it, field, value, part of what is allowed
    # -- replicas and HPA bounds: int32, no booleans
    ("replicas-over-int32", lambda: profile(replicas=TOO_BIG, autoscaling=ScalingBounds(1, TOO_BIG)),
     "autoscaling.max_replicas", TOO_BIG, f"at most {INT32_MAX}"),
    ("replicas-bool", lambda: profile(replicas=True, autoscaling=ScalingBounds(1, 5)),
     "staging.replicas", True, "a whole number"),
    ("hpa-min-bool", lambda: ScalingBounds(min_replicas=True, max_replicas=3),
     "autoscaling.min_replicas", True, "a whole number"),
    ("hpa-max-over-int32", lambda: ScalingBounds(min_replicas=1, max_replicas=2**31),
     "autoscaling.max_replicas", 2**31, f"at most {INT32_MAX}"),
    ("hpa-max-bool", lambda: ScalingBounds(min_replicas=1, max_replicas=True),
     "autoscaling.max_replicas", True, "a whole number"),
    ("workload-replicas-over-int32", lambda: workload(replicas=TOO_BIG), "workload.replicas", TOO_BIG,
     f"at most {INT32_MAX}"),
    ("pdb-max-unavailable-bool", lambda: PodDisruptionBudget(chart(), "pdb", identity=IDENTITY, max_unavailable=True),
     "disruption_budget.max_unavailable", True, "a whole number"),
    # -- ports: 1-65535, no booleans, no collisions
    ("port-bool", lambda: web(pod=PodOptions(port=True)), "port", True, "a port number from 1 to 65535"),
    ("service-port-is-metrics-port", lambda: web(network=NetworkOptions(service_port=9090)), "service_port", 9090,
     "a port other than metrics_port (9090)"),
    ("service-port-is-metrics-port-too", lambda: web(pod=PodOptions(metrics_port=9191), network=NetworkOptions(service_port=9191)), "service_port", 9191,
     "a port other than metrics_port (9191)"),
    ("endpoint-ports-collide", lambda: Service(chart(), "s", identity=IDENTITY, service_port=9090,
     metrics_port=9090), "service_port", 9090, "a port other than metrics_port (9090)"),
    ("endpoint-port-over-range", lambda: Service(chart(), "s", identity=IDENTITY, service_port=70000,
     metrics_port=9090), "service_port", 70000, "a port number from 1 to 65535"),
    ("workload-ports-collide", lambda: workload(metrics_port=8080), "workload.metrics_port", 8080,
     "a port other than workload.port (8080)"),
    ("workload-port-zero", lambda: workload(port=0), "workload.port", 0, "a port number from 1 to 65535"),
    ("egress-port-bool", lambda: EgressRule(port=True, namespace="db"), "egress.port", True,
     "a port number from 1 to 65535"),
    ("telemetry-collector-port", lambda: OpenTelemetry(collector_port=70000), "telemetry.collector_port", 70000,
     "a port number from 1 to 65535"),
    ("api-server-port", lambda: ApiAccess(rules=(ApiRule("configmaps", ("a",)),), api_server_port=0),
     "api_access.api_server_port", 0, "a port number from 1 to 65535"),
    # -- probe and pod timings
    ("startup-threshold-over-int32", lambda: HealthChecks(startup_failure_threshold=TOO_BIG),
     "health.startup_failure_threshold", TOO_BIG, f"at most {INT32_MAX}"),
    ("startup-threshold-bool", lambda: HealthChecks(startup_failure_threshold=True),
     "health.startup_failure_threshold", True, "a whole number"),
    ("grace-period-negative", lambda: workload(termination_grace_period_seconds=-1),
     "workload.termination_grace_period_seconds", -1, "a whole number of at least 0"),
    ("pre-stop-outlasts-grace", lambda: workload(pre_stop_sleep_seconds=30, termination_grace_period_seconds=30),
     "workload.pre_stop_sleep_seconds", 30, "below workload.termination_grace_period_seconds (30)"),
    ("run-as-root", lambda: workload(run_as_user=0), "workload.run_as_user", 0, "a whole number of at least 1"),
    ("token-expiry-bool", lambda: workload(api_token_expiration_seconds=True),
     "workload.api_token_expiration_seconds", True, "a whole number"),
    ("pull-policy", lambda: workload(image_pull_policy="Sometimes"), "workload.image_pull_policy", "Sometimes",
     "Always, IfNotPresent or Never"),
    ("tmp-size", lambda: workload(tmp_size_limit=64), "workload.tmp_size_limit", 64, "a memory quantity"),
    # -- canary and autoscaling numbers
    ("canary-deadline-zero", lambda: CanaryOptions(progress_deadline_seconds=0),
     "canary.progress_deadline_seconds", 0, "a whole number of at least 1"),
    ("canary-threshold-over-int32", lambda: CanaryOptions(threshold=TOO_BIG), "canary.threshold", TOO_BIG,
     f"at most {INT32_MAX}"),
    ("canary-step-weight-bool", lambda: CanaryOptions(step_weight=True), "canary.step_weight", True,
     "a whole percentage from 1 to 100 (True and False are not numbers)"),
    ("cpu-utilization-bool", lambda: ScalingTargets(cpu_utilization=True), "scaling.cpu_utilization", True,
     "a whole percentage from 1 to 100"),
    ("requests-per-second-bool", lambda: ScalingTargets(requests_per_second=True), "scaling.requests_per_second",
     True, "a whole number"),
    ("external-average-bool", lambda: ExternalMetric(name="depth", average_value=True),
     "scaling.external[depth].average_value", True, "a whole number"),
    ("slo-restarts-bool", lambda: ServiceLevelObjectives(restarts=True), "slo.restarts", True, "a whole number"),
    # -- floats: finite only, no booleans
    ("latency-nan", lambda: ServiceLevelObjectives(latency_seconds=float("nan")), "slo.latency_seconds",
     float("nan"), "a finite number of seconds above 0"),
    ("latency-inf", lambda: ServiceLevelObjectives(latency_seconds=float("inf")), "slo.latency_seconds",
     float("inf"), "a finite number of seconds above 0"),
    ("latency-bool", lambda: ServiceLevelObjectives(latency_seconds=True), "slo.latency_seconds", True,
     "a finite number of seconds above 0"),
    ("latency-string", lambda: ServiceLevelObjectives(latency_seconds=cast(Any, "1")), "slo.latency_seconds", "1",
     "a finite number of seconds above 0"),
    ("sampling-ratio-bool", lambda: OpenTelemetry(sampling_ratio=True), "telemetry.sampling_ratio", True,
     "a ratio from 0 to 1"),
    # -- strings where strings are meant
    ("profile-config-value-int", lambda: profile(config={"WORKERS": 4}), "staging.config[WORKERS]", 4, "a string"),
    ("props-config-value-bool", lambda: web(pod=PodOptions(config=cast(Any, {"DEBUG": True}))), "config[DEBUG]", True, "a string"),
    ("props-config-key-int", lambda: web(pod=PodOptions(config=cast(Any, {1: "x"}))), "config key", 1, "an environment variable name"),
    ("profile-config-key", lambda: profile(config={"LOG-LEVEL": "x"}), "staging.config key", "LOG-LEVEL",
     "an environment variable name"),
    ("props-env-value-int", lambda: web(pod=PodOptions(env=cast(Any, {"THREADS": 8}))), "env[THREADS]", 8, "a string"),
    ("props-config-not-a-mapping", lambda: web(pod=PodOptions(config=cast(Any, ["A=1"]))), "config", ["A=1"], "a mapping"),
    ("image-tag-int", lambda: profile(image_tag=123), "staging.image_tag", 123, "an image tag is up to 128"),
    ("blue-green-tag-int", lambda: profile(blue_green=BlueGreenState(image_tags={"green": cast(Any, 2)})),
     "staging.blue_green.image_tags.green", 2, "an image tag is up to 128"),
    ("slo-window-int", lambda: ServiceLevelObjectives(window=cast(Any, 5)), "slo.window", 5, "a Prometheus range"),
    ("slo-runbook-none", lambda: ServiceLevelObjectives(runbook_base_url=cast(Any, None)), "slo.runbook_base_url", None,
     "an https:// URL"),
    ("metrics-error-status-int", lambda: HttpMetrics(error_status=cast(Any, 500)), "metrics.error_status", 500, "a non-empty string"),
    ("scraping-path-none", lambda: Scraping(path=cast(Any, None)), "scraping.path", None, "an absolute HTTP path"),
    ("ingress-body-size-int", lambda: IngressOptions(max_body_size=cast(Any, 1)), "ingress.max_body_size", 1,
     "an nginx size"),
    ("telemetry-endpoint-none", lambda: OpenTelemetry(endpoint=cast(Any, None)), "telemetry.endpoint", None, "an http(s)://"),
    ("canary-interval-int", lambda: CanaryOptions(interval=cast(Any, 60)), "canary.interval", 60, "a duration"),
    ("canary-command-int", lambda: CanaryOptions(load_test_command=cast(Any, 1)), "canary.load_test_command", 1,
     "a non-empty string"),
    ("business-panel-title-none", lambda: BusinessPanel(title=cast(Any, None), expr="up"), "business_panel.title", None,
     "a non-empty title"),
    ("api-rule-name-int", lambda: ApiRule(resource="configmaps", names=cast(Any, (1,))), "api_access[configmaps].names", (1,),
     "one or more object names"),
    ("gitops-repo-none", lambda: GitOpsSettings(repo_url=cast(Any, None)), "gitops.repo_url", None, "a https://"),
    ("egress-cidr", lambda: EgressRule(port=443, cidr="10.0.0.300/8"), "egress.cidr", "10.0.0.300/8",
     "an IP address range"),
    ("egress-cidr-no-prefix", lambda: EgressRule(port=443, cidr="10.0.0.1"), "egress.cidr", "10.0.0.1",
     "an IP address range"),
    ("api-server-cidr", lambda: ApiAccess(rules=(ApiRule("configmaps", ("a",)),), api_server_cidr="anywhere"),
     "api_access.api_server_cidr", "anywhere", "an IP address range"),
    ("profile-vpa-string", lambda: profile(vpa="yes"), "staging.vpa", "yes", "True or False"),
    ("props-create-namespace-string", lambda: web(namespace=NamespaceOptions(create=cast(Any, "false"))), "namespace.create", "false",
     "True or False"),
    ("egress-https-int", lambda: NetworkAccess(egress_https=cast(Any, 1)), "network.egress_https", 1, "True or False"),
    ("props-pod-security", lambda: web(namespace=NamespaceOptions(pod_security="strict")), "pod_security", "strict", "one of: privileged"),
    ("profile-resources-dict", lambda: profile(resources=dict(RESOURCES)), "staging.resources", dict(RESOURCES),
     "a Resources"),
    ("props-health-dict", lambda: web(pod=PodOptions(health=cast(Any, {"liveness_path": "/"}))), "health", {"liveness_path": "/"},
     "a HealthChecks"),
    # -- host names: RFC 1123 subdomains, no IP literals, no wildcards
    ("ingress-host-ipv4", lambda: profile(ingress_host="10.0.0.1"), "staging.ingress_host", "10.0.0.1",
     "an IP address is not a host name"),
    ("ingress-host-ipv6", lambda: profile(ingress_host="::1"), "staging.ingress_host", "::1",
     "an IP address is not a host name"),
    ("ingress-host-numeric-tld", lambda: profile(ingress_host="10.0.0"), "staging.ingress_host", "10.0.0",
     "an IP address is not a host name"),
    ("ingress-host-wildcard", lambda: profile(ingress_host="*.example.com"), "staging.ingress_host",
     "*.example.com", "a wildcard host is not supported"),
    ("ingress-host-long-label", lambda: profile(ingress_host="a" * 64 + ".example.com"), "staging.ingress_host",
     "a" * 64 + ".example.com", "at most 63 characters"),
    ("ingress-host-int", lambda: profile(ingress_host=1), "staging.ingress_host", 1, "a DNS host name"),
    ("public-ingress-host", lambda: PublicIngress(chart(), "i", identity=IDENTITY, host="192.168.1.10",
     service="app", options=IngressOptions()), "ingress.host", "192.168.1.10", "an IP address is not a host name"),
    # -- names that would collide
    ("secret-name-is-the-tls-secret", lambda: web(pod=PodOptions(secret_name="app-tls")), "secret_name", "app-tls",
     "the Ingress certificate's Secret"),
]  # fmt: skip


@pytest.mark.parametrize(
    "build_it, field, value, allowed", [case[1:] for case in REFUSALS], ids=[case[0] for case in REFUSALS]
)
def test_values_are_checked_at_the_door(
    build_it: Callable[[], object], field: str, value: object, allowed: str
) -> None:
    with pytest.raises(ConfigError) as error:
        build_it()
    message = str(error.value)
    assert message.startswith(f"{field}: {value!r} is not allowed; "), message
    assert allowed in message, message
    assert error.value.field == field


def test_nan_and_infinity_never_reach_an_alert_or_a_dashboard() -> None:
    for bad in (float("nan"), float("inf"), float("-inf")):
        for name in ("error_rate", "latency_quantile", "latency_seconds", "saturation"):
            with pytest.raises(ConfigError, match=rf"^slo\.{name}: "):
                ServiceLevelObjectives(**cast(dict[str, Any], {name: bad}))


def test_largest_int32_values_are_accepted() -> None:
    bounds = ScalingBounds(min_replicas=1, max_replicas=INT32_MAX)
    assert profile(replicas=INT32_MAX, autoscaling=bounds).replicas == INT32_MAX
    assert web(pod=PodOptions(port=65535), network=NetworkOptions(service_port=1)).pod.port == 65535


# A plain value someone pasted where kubeseal ciphertext belongs.
PLAIN_SECRET = "hunter2-plain-db-password"
CIPHERTEXT = base64.b64encode((512).to_bytes(2, "big") + bytes(range(256)) * 3).decode()


@pytest.mark.parametrize(
    "build_it",
    [
        pytest.param(
            lambda: web(pod=PodOptions(secret_name="s", sealed_secret={"DB_PASSWORD": PLAIN_SECRET})), id="plain-value"
        ),
        pytest.param(
            lambda: web(
                pod=PodOptions(
                    secret_name="s", sealed_secret={"DB_PASSWORD": base64.b64encode(PLAIN_SECRET.encode()).decode()}
                )
            ),
            id="base64-of-plain",
        ),
        pytest.param(
            lambda: web(pod=PodOptions(secret_name="s", sealed_secret={"db-password": PLAIN_SECRET})), id="bad-key"
        ),
        pytest.param(
            lambda: web(pod=PodOptions(secret_name="s", sealed_secret=cast(Any, PLAIN_SECRET))),
            id="a-string-not-a-mapping",
        ),
        pytest.param(
            lambda: web(pod=PodOptions(secret_name="s", sealed_secret=cast(Any, [("DB_PASSWORD", PLAIN_SECRET)]))),
            id="a-list",
        ),
        pytest.param(
            lambda: web(
                pod=PodOptions(secret_name="s", sealed_secret=cast(Any, {"DB_PASSWORD": PLAIN_SECRET.encode()}))
            ),
            id="bytes",
        ),
        pytest.param(
            lambda: web(pod=PodOptions(secret_name="s", sealed_secret={"DB_PASSWORD": PLAIN_SECRET}, port=True)),
            id="other-error",
        ),
        pytest.param(
            lambda: web(
                pod=PodOptions(secret_name="s", sealed_secret={"DB_PASSWORD": CIPHERTEXT, "PLAIN": PLAIN_SECRET})
            ),
            id="one-of-two",
        ),
    ],
)
def test_a_secret_value_never_appears_in_an_error(build_it: Callable[[], object]) -> None:
    with pytest.raises(ConfigError) as error:
        build_it()
    shown = "".join(traceback.format_exception(error.value)) + repr(error.value.value) + repr(error.value.args)
    assert PLAIN_SECRET not in shown
    assert base64.b64encode(PLAIN_SECRET.encode()).decode() not in shown
    assert "sealed_secret" in str(error.value) or "port" in str(error.value)


def test_a_secret_value_is_not_in_the_props_repr() -> None:
    props = web(pod=PodOptions(secret_name="s", sealed_secret={"DB_PASSWORD": CIPHERTEXT}))
    assert CIPHERTEXT not in repr(props)
    assert "DB_PASSWORD" not in repr(props)
