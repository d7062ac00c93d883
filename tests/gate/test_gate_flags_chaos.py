"""The gate's OpenFeature and Chaos Mesh rules: each catches a deliberately broken object
of blacklist's output (the committed output passes them: test_gate)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, cast

import pytest
from conftest import find

from cdk8s_webservice.gate import Gate

Objects = list[dict[str, Any]]
STEADY = "chaos.cdk8s-webservice/steady-state-alerts"


def flags(o: Objects) -> dict[str, Any]:
    return cast(dict[str, Any], find(o, "FeatureFlag", "blacklist-flags")["spec"]["flagSpec"]["flags"])


def kill(o: Objects) -> dict[str, Any]:
    return find(o, "Schedule", "blacklist-pod-kill")


def set_schedule(value: str) -> Callable[[Objects], None]:
    return lambda o: kill(o)["spec"].update(schedule=value)


def pod_annotations(o: Objects) -> dict[str, Any]:
    return cast(dict[str, Any], find(o, "Deployment", "blacklist")["spec"]["template"]["metadata"]["annotations"])


KILL = ("Schedule", "blacklist-pod-kill")
FLAG = ("FeatureFlag", "blacklist-flags")

# (rule, environment, breaks, (kind, name, field))
FLAGS_CHAOS_CASES: list[tuple[str, str, Callable[[Objects], object], tuple[str, str, str]]] = [
    (
        "feature-flag-default-variant",
        "staging",
        lambda o: flags(o)["new-matcher"].update(defaultVariant="maybe"),
        (*FLAG, "spec.flagSpec.flags.new-matcher.defaultVariant"),
    ),
    (
        "feature-flag-default-variant",
        "production",
        lambda o: flags(o)["match-action"].update(variants={}),
        (*FLAG, "spec.flagSpec.flags.match-action.defaultVariant"),
    ),
    (
        "feature-flag-variant-type",
        "staging",
        lambda o: flags(o)["feed-refresh-minutes"]["variants"].update(fast="5"),
        (*FLAG, "spec.flagSpec.flags.feed-refresh-minutes.variants.fast"),
    ),
    (
        "feature-flag-variant-type",
        "staging",
        lambda o: flags(o)["feed-refresh-minutes"]["variants"].update(fast=5.5),
        (*FLAG, "spec.flagSpec.flags.feed-refresh-minutes.variants.fast"),
    ),
    (
        "feature-flag-variant-type",
        "development",
        lambda o: (flags(o)["new-matcher"].pop("metadata"), flags(o)["new-matcher"]["variants"].update(off="no")),
        (*FLAG, "spec.flagSpec.flags.new-matcher.variants.off"),
    ),
    (
        "feature-flag-variant-type",
        "staging",
        lambda o: flags(o)["new-matcher"]["metadata"].update(type="bool"),
        (*FLAG, "spec.flagSpec.flags.new-matcher.metadata.type"),
    ),
    (
        "feature-flag-source-exists",
        "staging",
        lambda o: find(o, "FeatureFlagSource", "blacklist-flagd")["spec"]["sources"][0].update(
            source="blacklist-staging/other"
        ),
        ("FeatureFlagSource", "blacklist-flagd", "spec.sources[0].source"),
    ),
    (
        "feature-flag-source-exists",
        "staging",
        lambda o: find(o, "FeatureFlagSource", "blacklist-flagd")["spec"]["sources"][0].update(
            source="blacklist/blacklist-flags"
        ),
        ("FeatureFlagSource", "blacklist-flagd", "spec.sources[0].source"),
    ),
    (
        "feature-flag-source-exists",
        "production",
        lambda o: pod_annotations(o).update({"openfeature.dev/featureflagsource": "missing"}),
        ("Deployment", "blacklist", "spec.template.metadata.annotations.openfeature.dev/featureflagsource"),
    ),
    (
        "chaos-own-pods",
        "staging",
        lambda o: kill(o)["spec"]["podChaos"]["selector"].update(namespaces=["blacklist-staging", "blacklist"]),
        (*KILL, "spec.podChaos.selector.namespaces"),
    ),
    (
        "chaos-own-pods",
        "staging",
        lambda o: kill(o)["spec"]["podChaos"]["selector"].pop("namespaces"),
        (*KILL, "spec.podChaos.selector.namespaces"),
    ),
    (
        "chaos-own-pods",
        "staging",
        lambda o: kill(o)["spec"]["podChaos"]["selector"]["labelSelectors"].update(
            {"app.kubernetes.io/part-of": "other"}
        ),
        (*KILL, "spec.podChaos.selector.labelSelectors"),
    ),
    (
        "chaos-own-pods",
        "staging",
        lambda o: kill(o)["spec"]["podChaos"]["selector"]["labelSelectors"].update(
            {"app.kubernetes.io/component": "worker"}
        ),
        (*KILL, "spec.podChaos.selector.labelSelectors"),
    ),
    (
        "chaos-own-pods",
        "staging",
        lambda o: kill(o)["spec"]["podChaos"]["selector"].update(fieldSelectors={"spec.nodeName": "node-1"}),
        (*KILL, "spec.podChaos.selector.fieldSelectors"),
    ),
    ("chaos-own-pods", "staging", lambda o: kill(o)["spec"].update(type="IOChaos"), (*KILL, "spec.type")),
    (
        "chaos-bounded",
        "staging",
        lambda o: kill(o)["spec"].update(concurrencyPolicy="Allow"),
        (*KILL, "spec.concurrencyPolicy"),
    ),
    (
        "chaos-bounded",
        "staging",
        lambda o: kill(o)["spec"]["podChaos"].update(mode="all"),
        (*KILL, "spec.podChaos.mode"),
    ),
    (
        "chaos-bounded",
        "staging",
        lambda o: kill(o)["spec"]["podChaos"].update(mode="fixed", value="3"),
        (*KILL, "spec.podChaos.value"),
    ),
    (
        "chaos-bounded",
        "staging",
        lambda o: find(o, "Schedule", "blacklist-network-delay")["spec"]["networkChaos"].update(value="80"),
        ("Schedule", "blacklist-network-delay", "spec.networkChaos.value"),
    ),
    (
        "chaos-bounded",
        "staging",
        lambda o: kill(o)["spec"]["podChaos"].update(duration="1h"),
        (*KILL, "spec.podChaos.duration"),
    ),
    (
        "chaos-bounded",
        "staging",
        lambda o: kill(o)["spec"]["podChaos"].pop("duration"),
        (*KILL, "spec.podChaos.duration"),
    ),
    ("chaos-bounded", "staging", set_schedule("CRON_TZ=Europe/Berlin 0 22 * * 2"), (*KILL, "spec.schedule")),
    ("chaos-bounded", "staging", set_schedule("CRON_TZ=Europe/Berlin 0 10 * * 0"), (*KILL, "spec.schedule")),
    ("chaos-bounded", "staging", set_schedule("CRON_TZ=Nowhere/Land 0 10 * * 2"), (*KILL, "spec.schedule")),
    ("chaos-bounded", "staging", set_schedule("0 10 * * 2"), (*KILL, "spec.schedule")),
    (
        "chaos-steady-state",
        "staging",
        lambda o: kill(o)["metadata"]["annotations"].update({STEADY: "BlacklistHighErrorRate,NoSuchAlert"}),
        (*KILL, f"metadata.annotations.{STEADY}"),
    ),
    (
        "chaos-steady-state",
        "staging",
        lambda o: kill(o)["metadata"]["annotations"].pop(STEADY),
        (*KILL, f"metadata.annotations.{STEADY}"),
    ),
]


@pytest.mark.parametrize(
    "rule, env, breaks, where", FLAGS_CHAOS_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(FLAGS_CHAOS_CASES)]
)
def test_each_flags_and_chaos_rule_catches_its_violation(
    manifest_gate: Gate,
    objects: dict[str, list[dict[str, Any]]],
    rule: str,
    env: str,
    breaks: Callable[[Objects], object],
    where: tuple[str, str, str],
) -> None:
    broken = copy.deepcopy(objects[env])
    breaks(broken)
    found = {(v.kind, v.name, v.field, v.rule) for v in manifest_gate.check(env, broken)}
    assert (*where, rule) in found, sorted(found)


def test_blacklist_passes_them(manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]]) -> None:
    for env in ("development", "staging", "production"):
        rules = {v.rule for v in manifest_gate.check(env, objects[env])}
        assert not {r for r in rules if r.startswith(("feature-flag", "chaos"))}, rules
