"""Refusals found by trying to break the customizations: each was accepted before and
would have failed (or weakened) the service in the cluster."""

from __future__ import annotations

import re
from typing import Any

import pytest

from cdk8s_webservice import (
    Cluster,
    ConfigError,
    ExtraContainer,
    FeatureFlags,
    Flag,
    Istio,
    PodOptions,
    Port,
    Resources,
    ServiceLevelObjectives,
    Volume,
    VolumeMount,
    WebServiceProps,
    testing,
)
from cdk8s_webservice.addons.feature_flags import FlagType
from cdk8s_webservice.gitops.clusters import check_clusters

SMALL = Resources(cpu_request="10m", cpu_limit="100m", memory_request="32Mi", memory_limit="64Mi")
FLAGS = FeatureFlags(flags=(Flag("x", FlagType.BOOLEAN, {"on": True, "off": False}, default_variant="off"),))


def props(**pod: Any) -> WebServiceProps:
    profile_kw = pod.pop("profile", {})
    return WebServiceProps(
        name="app",
        image="registry.example.com/app",
        profile=testing.profile(**profile_kw),
        slo=ServiceLevelObjectives(),
        pod=PodOptions(**pod),
    )


def sidecar(name: str = "proxy", **kwargs: Any) -> ExtraContainer:
    return ExtraContainer(name=name, image="registry.example.com/envoy:v1.29.1", resources=SMALL, **kwargs)


@pytest.mark.parametrize("path", ["/", "/a/../tmp", "/./x"])
def test_a_volume_mount_never_hides_the_filesystem_or_escapes(path: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(f"volume_mounts.path: {path!r} is not allowed")):
        VolumeMount("c", path)


def test_two_clusters_with_one_api_server_are_refused() -> None:
    clusters = (Cluster(name="a", server="https://k.example.com"), Cluster(name="b", server="https://k.example.com"))
    with pytest.raises(ConfigError, match="each API server appears once per environment"):
        check_clusters("gitops.clusters", clusters)


@pytest.mark.parametrize(
    "profile, kwargs, message",
    [
        ({"mesh": Istio()}, {"ports": (Port("admin", 15090),)}, "ports[admin].number: 15090 is not allowed"),
        ({"mesh": Istio()}, {"sidecars": (sidecar(ports=(Port("envoy", 15001),)),)}, "ports[envoy].number: 15001"),
        ({"mesh": Istio()}, {"sidecars": (sidecar(name="istio-proxy"),)}, "sidecars.name: 'istio-proxy'"),
        ({"feature_flags": FLAGS}, {"ports": (Port("admin", 8013),)}, "ports[admin].number: 8013 is not allowed"),
        ({"feature_flags": FLAGS}, {"sidecars": (sidecar(ports=(Port("mgmt", 8014),)),)}, "ports[mgmt].number: 8014"),
        ({"feature_flags": FLAGS}, {"sidecars": (sidecar(name="flagd"),)}, "sidecars.name: 'flagd'"),
    ],
)
def test_ports_and_names_of_injected_sidecars_are_not_free(
    profile: dict[str, Any], kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        props(profile=profile, **kwargs)


def test_a_tag_and_digest_image_is_pinned() -> None:
    image = "registry.example.com/envoy:v1.2.3@sha256:" + "0" * 64
    assert ExtraContainer(name="proxy", image=image, resources=SMALL).image == image


def test_the_same_ports_are_fine_without_the_sidecar_that_takes_them() -> None:
    props(ports=(Port("admin", 15090),), volumes=(Volume.empty_dir("c"),))


@pytest.mark.parametrize("path", ["/r\nx", "/a b", "/x#frag"])
def test_an_http_probe_path_is_one_clean_path(path: str) -> None:
    from cdk8s_webservice import Probe

    with pytest.raises(ConfigError, match=re.escape("probe.path: ")):
        Probe.http(path)
