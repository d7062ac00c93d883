"""Feature flags: `FeatureFlag`, `FeatureFlagSource` and the flagd pod annotations."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import pytest
from crd_strict import errors

from cdk8s_webservice import (
    ConfigError,
    FeatureFlags,
    Flag,
    PodOptions,
    Resources,
    ServiceLevelObjectives,
    WebService,
    WebServiceProps,
    testing,
)
from cdk8s_webservice.addons.feature_flags import FlagType
from cdk8s_webservice.addons.openfeature import FeatureFlag, FeatureFlagSource

FLAGS = FeatureFlags(
    flags=(
        Flag("new-checkout", FlagType.BOOLEAN, {"on": True, "off": False}, default_variant="off"),
        Flag("greeting", FlagType.STRING, {"hello": "Hello", "hi": "Hi"}, default_variant="hi", enabled=False),
        Flag("page-size", FlagType.INTEGER, {"small": 10, "large": 50}, default_variant="small"),
        Flag("ratio", FlagType.FLOAT, {"low": 0.1, "all": 1}, default_variant="low"),
        Flag("theme", FlagType.OBJECT, {"dark": {"bg": "#000", "contrast": [1, 2]}}, default_variant="dark"),
    )
)
FILES = {
    "FeatureFlag": "core.openfeature.dev_featureflags.yaml",
    "FeatureFlagSource": "core.openfeature.dev_featureflagsources.yaml",
}


def web(**profile: Any) -> tuple[WebService, list[dict[str, Any]]]:
    chart = testing.chart(testing.profile(**profile))
    service = WebService(
        chart,
        "app",
        props=WebServiceProps(
            name="app", image="registry.example.com/app", profile=chart.profile, slo=ServiceLevelObjectives()
        ),
    )
    return service, testing.synth(chart)


def test_flags_render_with_state_variants_and_default() -> None:
    chart = testing.chart()
    construct = FeatureFlag(chart, "flags", identity=testing.identity(), flags=FLAGS)
    obj = testing.find(testing.synth(chart), "FeatureFlag", "app-flags")
    flags = obj["spec"]["flagSpec"]["flags"]
    assert flags["new-checkout"] == {
        "state": "ENABLED",
        "variants": {"on": True, "off": False},
        "defaultVariant": "off",
        "metadata": {"type": "boolean"},
    }
    assert flags["greeting"]["state"] == "DISABLED"
    assert flags["theme"]["variants"] == {"dark": {"bg": "#000", "contrast": [1, 2]}}
    assert construct.api_object.kind == "FeatureFlag" and construct.name == "app-flags"
    assert errors(FILES["FeatureFlag"], obj) == []


def test_source_configures_the_sidecar() -> None:
    chart = testing.chart()
    flags = FeatureFlags(
        flags=FLAGS.flags,
        sidecar_resources=Resources(cpu_request="5m", cpu_limit="50m", memory_request="16Mi", memory_limit="32Mi"),
        probes=False,
    )
    construct = FeatureFlagSource(chart, "flagd", identity=testing.identity(), flags=flags, feature_flag="app-flags")
    obj = testing.find(testing.synth(chart), "FeatureFlagSource", "app-flagd")
    spec = obj["spec"]
    assert spec["sources"] == [{"source": "test/app-flags", "provider": "file"}]
    assert (spec["port"], spec["managementPort"], spec["ofrepPort"], spec["probesEnabled"]) == (8013, 8014, 8016, False)
    assert spec["resources"] == {
        "requests": {"cpu": "5m", "memory": "16Mi"},
        "limits": {"cpu": "50m", "memory": "32Mi"},
    }
    assert construct.api_object.kind == "FeatureFlagSource"
    assert errors(FILES["FeatureFlagSource"], obj) == []


def test_off_by_default() -> None:
    service, objects = web()
    assert service.feature_flag is None and service.feature_flag_source is None
    assert not testing.find_all(objects, "FeatureFlag") and not testing.find_all(objects, "FeatureFlagSource")
    annotations = testing.find(objects, "Deployment", "app")["spec"]["template"]["metadata"]["annotations"]
    assert not any(key.startswith("openfeature.dev/") for key in annotations)


@pytest.mark.parametrize("strategy", ["rolling", "blue-green", "canary"])
def test_on_every_pod_template_carries_the_injection_annotations(strategy: str) -> None:
    service, objects = web(feature_flags=FLAGS, strategy=strategy)
    assert service.feature_flag is not None and service.feature_flag_source is not None
    for deployment in testing.find_all(objects, "Deployment"):
        annotations = deployment["spec"]["template"]["metadata"]["annotations"]
        assert annotations["openfeature.dev/enabled"] == "true"
        assert annotations["openfeature.dev/featureflagsource"] == "app-flagd"
        assert "checksum/config" in annotations
    for kind, file in FILES.items():
        assert errors(file, testing.find(objects, kind)) == []
    assert testing.check(objects) == []


@pytest.mark.parametrize(
    "make, message",
    [
        (
            lambda: Flag("x", FlagType.BOOLEAN, {"on": "yes"}, "on"),
            r"feature_flags.x.variants.on: 'yes' is not allowed; a boolean",
        ),
        (
            lambda: Flag("x", FlagType.INTEGER, {"a": 1.5}, "a"),
            r"feature_flags.x.variants.a: 1.5 is not allowed; a integer",
        ),
        (lambda: Flag("x", FlagType.INTEGER, {"a": True}, "a"), r"feature_flags.x.variants.a: True is not allowed"),
        (
            lambda: Flag("x", FlagType.FLOAT, {"a": float("nan")}, "a"),
            r"feature_flags.x.variants.a: nan is not allowed",
        ),
        (lambda: Flag("x", FlagType.STRING, {"a": 1}, "a"), r"feature_flags.x.variants.a: 1 is not allowed; a string"),
        (lambda: Flag("x", FlagType.OBJECT, {"a": [1]}, "a"), r"feature_flags.x.variants.a: \[1\] is not allowed"),
        (
            lambda: Flag("x", FlagType.BOOLEAN, {"on": True}, "off"),
            r"feature_flags.x.default_variant: 'off' is not allowed; one of the variants: on",
        ),
        (lambda: Flag("x", FlagType.BOOLEAN, {}, "on"), r"feature_flags.x.variants: \{\} is not allowed"),
        (
            lambda: Flag("x", cast(Any, "boolean"), {"on": True}, "on"),
            r"feature_flags.x.type: 'boolean' is not allowed",
        ),
        (
            lambda: Flag("bad key!", FlagType.BOOLEAN, {"on": True}, "on"),
            r"feature_flags.key: 'bad key!' is not allowed",
        ),
        (
            lambda: Flag("x", FlagType.BOOLEAN, {"on": True}, "on", enabled=cast(Any, "yes")),
            r"feature_flags.x.enabled: 'yes' is not allowed",
        ),
        (lambda: FeatureFlags(flags=()), r"feature_flags.flags: \(\) is not allowed; a sequence of Flag"),
        (
            lambda: FeatureFlags(flags=(FLAGS.flags[0], FLAGS.flags[0])),
            r"feature_flags.flags: 'new-checkout' is not allowed; each flag key",
        ),
        (lambda: FeatureFlags(flags=FLAGS.flags, probes=cast(Any, "no")), r"feature_flags.probes: 'no' is not allowed"),
        (lambda: testing.profile(feature_flags={"a": 1}), r"test.feature_flags: \{'a': 1\} is not allowed"),
    ],
)
def test_bad_values_are_refused_naming_field_and_value(make: Callable[[], object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        make()


def test_an_application_port_flagd_uses_is_refused() -> None:
    chart = testing.chart(testing.profile(feature_flags=FLAGS))
    props = WebServiceProps(
        name="app",
        image="registry.example.com/app",
        profile=chart.profile,
        pod=PodOptions(port=8013),
        slo=ServiceLevelObjectives(),
    )
    with pytest.raises(ConfigError, match=r"port: 8013 is not allowed; a port other than flagd's port"):
        WebService(chart, "app", props=props)
