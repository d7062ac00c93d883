"""`WebServiceProps` in groups (0.7.0), and the flat spelling of 0.6 that still works until
0.8.0: each flat keyword and attribute warns with its new spelling, and a flat keyword
beside its group is refused."""

from __future__ import annotations

import dataclasses
import re
import warnings
from typing import Any

import pytest

from cdk8s_webservice import (
    ConfigError,
    DeliveryOptions,
    NamespaceOptions,
    NetworkAccess,
    NetworkOptions,
    ObservabilityOptions,
    PodOptions,
    ServiceLevelObjectives,
    WebServiceProps,
    testing,
)
from cdk8s_webservice.service.aliases import FLAT

BASE: dict[str, Any] = {"name": "app", "image": "registry.example.com/app", "slo": ServiceLevelObjectives()}
GROUPS = {
    "pod": PodOptions,
    "network": NetworkOptions,
    "delivery": DeliveryOptions,
    "observability": ObservabilityOptions,
    "namespace": NamespaceOptions,
}
# A value other than the default where one is easy to write (the rest: the default itself).
VALUES: dict[str, Any] = {
    "port": 8081,
    "metrics_port": 9091,
    "service_port": 8080,
    "config": {"LOG_LEVEL": "debug"},
    "env": {"THREADS": "4"},
    "secret_name": "app-secrets",
    "secret_optional": True,
    "create_namespace": False,
    "pod_security": "baseline",
}


def value_of(old: str) -> Any:
    group, name = FLAT[old]
    if old in VALUES:
        return VALUES[old]
    default = next(f for f in dataclasses.fields(GROUPS[group]) if f.name == name)
    return default.default_factory() if default.default_factory is not dataclasses.MISSING else default.default


def props(**kwargs: Any) -> WebServiceProps:
    return WebServiceProps(profile=testing.profile(), **BASE, **kwargs)


def test_props_have_a_dozen_fields_at_most() -> None:
    names = [f.name for f in dataclasses.fields(WebServiceProps)]
    assert names == [
        "name",
        "image",
        "profile",
        "component",
        "part_of",
        "slo",
        "pod",
        "network",
        "delivery",
        "observability",
        "namespace",
    ]


@pytest.mark.parametrize("old", sorted(FLAT))
def test_each_flat_keyword_goes_into_its_group_with_a_warning_naming_it(old: str) -> None:
    group, name = FLAT[old]
    value = value_of(old)
    expected = f"WebServiceProps({old}=...) is deprecated since 0.7.0: use {group}={GROUPS[group].__name__}({name}=...)"
    with pytest.warns(DeprecationWarning, match=re.escape(expected)) as caught:
        flat = props(**{old: value})
    assert [w.filename for w in caught] == [__file__]  # the warning points at the caller
    assert flat == props(**{group: GROUPS[group](**{name: value})})


@pytest.mark.parametrize("old", sorted(FLAT))
def test_each_flat_attribute_reads_its_group_with_a_warning(old: str) -> None:
    group, name = FLAT[old]
    built = props(**{group: GROUPS[group](**{name: value_of(old)})})
    with pytest.warns(DeprecationWarning, match=re.escape(f"use WebServiceProps.{group}.{name}")) as caught:
        read = getattr(built, old)
    assert [w.filename for w in caught] == [__file__]
    assert read == getattr(getattr(built, group), name) == value_of(old)


def test_several_flat_keywords_fill_one_group() -> None:
    with pytest.warns(DeprecationWarning) as caught:
        flat = props(port=8081, metrics_port=9091, create_namespace=False)
    assert len(caught) == 3
    assert flat.pod == PodOptions(port=8081, metrics_port=9091)
    assert flat.namespace == NamespaceOptions(create=False)


def test_the_old_network_access_is_wrapped_with_a_warning() -> None:
    access = NetworkAccess(egress_https=True)
    message = (
        "WebServiceProps(network=NetworkAccess(...)) is deprecated since 0.7.0: "
        "use network=NetworkOptions(access=NetworkAccess(...))"
    )
    with pytest.warns(DeprecationWarning) as caught:
        flat = props(network=access, service_port=8080)
    assert [str(w.message) for w in caught] == [
        message,
        "WebServiceProps(service_port=...) is deprecated since 0.7.0: use network=NetworkOptions(service_port=...)",
    ]
    assert flat.network == NetworkOptions(access=access, service_port=8080)
    with pytest.warns(DeprecationWarning, match=re.escape("use WebServiceProps.network.access.egress_https")):
        assert flat.network.egress_https is True
    with pytest.raises(AttributeError):
        flat.network.nothing  # noqa: B018


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"port": 8081, "pod": PodOptions()},
            "WebServiceProps.port: port= beside pod= is not allowed; pod=PodOptions(port=...) alone",
        ),
        (
            {"create_namespace": False, "namespace": NamespaceOptions()},
            "WebServiceProps.create_namespace: create_namespace= beside namespace= is not allowed; "
            "namespace=NamespaceOptions(create=...) alone",
        ),
        (
            {"service_port": 8080, "network": NetworkOptions()},
            "WebServiceProps.service_port: service_port= beside network= is not allowed",
        ),
    ],
)
def test_a_flat_keyword_beside_its_group_is_refused(kwargs: dict[str, Any], message: str) -> None:
    with warnings.catch_warnings(), pytest.raises(ConfigError, match=re.escape(message)):
        warnings.simplefilter("ignore", DeprecationWarning)
        props(**kwargs)


def test_replacing_a_flat_field_is_refused_and_the_grouped_replace_works() -> None:
    built = props()
    with warnings.catch_warnings(), pytest.raises(ConfigError, match=re.escape("port= beside pod=")):
        warnings.simplefilter("ignore", DeprecationWarning)
        dataclasses.replace(built, port=8081)  # type: ignore[call-arg]
    assert dataclasses.replace(built, pod=dataclasses.replace(built.pod, port=8081)).pod.port == 8081


@pytest.mark.parametrize(
    ("keyword", "closest"), [("prot", "port"), ("podd", "pod"), ("observabilty", "observability"), ("slos", "slo")]
)
def test_a_misspelled_keyword_names_the_closest_old_or_new_name(keyword: str, closest: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(f"WebServiceProps.{keyword}: {keyword!r} is not allowed")) as error:
        props(**{keyword: 1})
    assert str(error.value).endswith(f"did you mean {closest!r}?")


def test_a_misspelled_group_field_names_the_closest_field() -> None:
    with pytest.raises(ConfigError, match=re.escape("PodOptions.prot: 'prot' is not allowed")) as error:
        PodOptions(prot=8081)  # type: ignore[call-arg]
    assert str(error.value).endswith("did you mean 'port'?")


def test_groups_are_keyword_only() -> None:
    positional: tuple[Any, ...] = ("app", "registry.example.com/app", testing.profile(), "api", "", PodOptions())
    with pytest.raises(ConfigError, match=re.escape("WebServiceProps: 6 positional arguments is not allowed")):
        WebServiceProps(*positional)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: NamespaceOptions(create="no"), "namespace.create: 'no' is not allowed; True or False"),  # type: ignore[arg-type]
        (lambda: NamespaceOptions(pod_security="strict"), "pod_security: 'strict' is not allowed; one of:"),
        (lambda: PodOptions(port=9090), "metrics_port: 9090 is not allowed; a port other than port (9090)"),
        (lambda: NetworkOptions(access={"egress_https": True}), "access: {'egress_https': True} is not allowed"),  # type: ignore[arg-type]
        (lambda: DeliveryOptions(vpa=True), "vpa: True is not allowed; a VpaBounds"),  # type: ignore[arg-type]
        (lambda: ObservabilityOptions(business_panels=("x",)), "business_panels: 'x' is not allowed"),  # type: ignore[arg-type]
        (lambda: props(pod={"port": 8080}), "pod: {'port': 8080} is not allowed; a PodOptions"),
    ],
)
def test_each_group_checks_its_fields_naming_them(build: Any, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        build()


def test_the_grouped_props_emit_no_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        built = props(
            pod=PodOptions(port=8081),
            network=NetworkOptions(access=NetworkAccess(egress_https=True)),
            namespace=NamespaceOptions(create=True),
        )
        assert (built.pod.port, built.network.access.egress_https, built.all_ports) == (8081, True, ())
