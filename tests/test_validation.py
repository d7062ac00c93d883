"""Bad input fails at construction, with a message naming the field, the value and what is allowed."""

from __future__ import annotations

import dataclasses
import re

import pytest
from cdk8s import App

from cdk8s_webservice import (
    ConfigError,
    EnvironmentChart,
    EnvironmentProfile,
    HealthChecks,
    Resources,
    ScalingBounds,
    ScalingTargets,
    TagPolicy,
    WebService,
    WebServiceProps,
)
from charts.environments import ENVIRONMENTS, PRODUCTION, STAGING

RESOURCES = dict(cpu_request="100m", cpu_limit="500m", memory_request="256Mi", memory_limit="512Mi")


def profile(**changes) -> EnvironmentProfile:
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


def raises(message: str):
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
def test_malformed_quantity(field, value, allowed) -> None:
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
def test_moving_tag_where_tags_are_pinned(tag) -> None:
    with raises(f"staging.image_tag: {tag!r} is not allowed; this environment pins image tags"):
        profile(image_tag=tag)


def test_production_refuses_latest() -> None:
    with raises("production.image_tag: 'latest' is not allowed; this environment pins image tags"):
        dataclasses.replace(PRODUCTION, image_tag="latest")


@pytest.mark.parametrize("tag", [None, ""])
def test_missing_tag(tag) -> None:
    with raises(f"staging.image_tag: {tag!r} is not allowed; an image tag or sha256 digest is required"):
        profile(image_tag=tag)
    with raises("an image tag or sha256 digest is required"):
        profile(image_tag=tag, tag_policy=TagPolicy.FLOATING)


def test_floating_environment_accepts_latest_and_digests_are_pinned() -> None:
    assert profile(image_tag="latest", tag_policy=TagPolicy.FLOATING).image_tag == "latest"
    digest = "sha256:" + "a" * 64
    props = WebServiceProps(name="app", image="registry.example.com/app", profile=profile(image_tag=digest))
    assert props.image_reference() == f"registry.example.com/app@{digest}"


def test_malformed_tag() -> None:
    with raises("staging.image_tag: 'v1 beta' is not allowed; an image tag is up to 128 letters"):
        profile(image_tag="v1 beta")


@pytest.mark.parametrize("name", ["Blacklist", "black_list", "-api", "api-", ""])
def test_name_not_dns_1123(name) -> None:
    with raises(f"name: {name!r} is not allowed; a DNS-1123 label is lower-case letters, digits and '-'"):
        WebServiceProps(name=name, image="registry.example.com/app", profile=STAGING)


def test_name_over_63_characters() -> None:
    name = "a" * 64
    with raises(f"name: {name!r} is not allowed; a DNS-1123 label is at most 63 characters (this one has 64)"):
        WebServiceProps(name=name, image="registry.example.com/app", profile=STAGING)


def test_namespace_not_dns_1123() -> None:
    with raises("environment.namespace: 'Blacklist_Prod' is not allowed; a DNS-1123 label"):
        profile(namespace="Blacklist_Prod")


def test_name_whose_derived_names_overflow() -> None:
    name = "a" * 60  # fine alone, but `<name>-config` would be 67 characters
    props = WebServiceProps(name=name, image="registry.example.com/app", profile=STAGING)
    with raises(f"name: {name!r} is not allowed; the derived object name '{name}-config' is 67 characters"):
        WebService(EnvironmentChart(App(), "c", profile=STAGING), "svc", props=props)


def test_image_with_tag_in_the_repository() -> None:
    with raises("image: 'registry.example.com/app:latest' is not allowed; an image repository without tag or digest"):
        WebServiceProps(name="app", image="registry.example.com/app:latest", profile=STAGING)


def test_bad_ports() -> None:
    with raises("port: 70000 is not allowed; a port number from 1 to 65535"):
        WebServiceProps(name="app", image="r.example.com/app", profile=STAGING, port=70000)
    with raises("metrics_port: 8080 is not allowed; a port other than port (8080)"):
        WebServiceProps(name="app", image="r.example.com/app", profile=STAGING, metrics_port=8080)


def test_bad_probe_path_and_scaling_target() -> None:
    with raises("health.readiness_path: 'readyz' is not allowed; an absolute HTTP path"):
        HealthChecks(readiness_path="readyz")
    with raises("scaling.cpu_utilization: 150 is not allowed; a whole percentage from 1 to 100"):
        ScalingTargets(cpu_utilization=150)


def test_bad_config_key() -> None:
    props = WebServiceProps(name="app", image="r.example.com/app", profile=STAGING, config={"LOG-LEVEL": "x"})
    with raises("config key: 'LOG-LEVEL' is not allowed; an environment variable name"):
        WebService(EnvironmentChart(App(), "c", profile=STAGING), "svc", props=props)
