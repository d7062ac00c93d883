"""Chaos Mesh rules: a scheduled experiment hits only its own service's pods, in its own
namespace, a bounded number of them, for a bounded time, in working hours, one run at a
time, and names the SLO alerts that judge it (the rules of `cdk8s_webservice.addons.chaos`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cdk8s_webservice.addons.chaos import (
    MAX_PERCENT,
    SCHEDULE_TYPES,
    STEADY_STATE_ANNOTATION,
    check_schedule,
    duration_seconds,
    split_schedule,
)
from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.identity import PART_OF

from .model import Obj
from .registry import Fail, rule
from .selectors import selected_pods

CHAOS = "project: chaos experiments"
ALLOWED_SELECTOR_FIELDS = frozenset({"namespaces", "labelSelectors"})


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _chaos(obj: Obj) -> tuple[str, Mapping[str, Any] | None]:
    """(the spec field of the Schedule's type, its chaos spec)."""
    field = SCHEDULE_TYPES.get(str(obj.spec.get("type")), "")
    chaos = obj.spec.get(field) if field else None
    return field, chaos if isinstance(chaos, Mapping) else None


@rule(
    "chaos-own-pods",
    kinds=("Schedule",),
    reason="an experiment that can reach pods of another service or namespace, or no pod at all",
    source=f"{CHAOS}: namespaces exactly the Schedule's own, labelSelectors its service's part-of label, nothing else",
)
def own_pods(obj: Obj, fail: Fail) -> None:
    field, chaos = _chaos(obj)
    if chaos is None:
        fail("spec.type", f"{obj.spec.get('type')!r}: one of {', '.join(SCHEDULE_TYPES)}, with its spec")
        return
    selector = _mapping(chaos.get("selector"))
    where = f"spec.{field}.selector"
    if list(selector.get("namespaces") or []) != [obj.namespace]:
        fail(f"{where}.namespaces", f"{selector.get('namespaces')} must be exactly [{obj.namespace!r}]")
    for extra in sorted(set(selector) - ALLOWED_SELECTOR_FIELDS):
        fail(f"{where}.{extra}", "only namespaces and labelSelectors may select the pods")
    labels = _mapping(selector.get("labelSelectors"))
    service = obj.raw.get("metadata", {}).get("labels", {}).get(PART_OF)
    if service is None or labels.get(PART_OF) != service:
        fail(f"{where}.labelSelectors", f"must include {PART_OF}: {service} (the Schedule's own service)")
    elif not selected_pods(obj.model, labels):
        fail(f"{where}.labelSelectors", f"{dict(labels)} selects no pods in {obj.namespace}")


def _replicas(obj: Obj, labels: Mapping[str, Any]) -> int:
    """Pods the selector reaches: the replicas of the workloads whose pods it selects."""
    total = 0
    for pods in selected_pods(obj.model, labels):
        owner = obj.model.get("Deployment", pods.owner) or obj.model.get(
            "Deployment", pods.owner.removesuffix("-primary")
        )
        replicas = owner.spec.get("replicas", 1) if owner is not None else 1
        total += replicas if isinstance(replicas, int) else 1
    return total


@rule(
    "chaos-bounded",
    kinds=("Schedule",),
    reason="an experiment on more than half the pods, over 10 minutes, outside working hours, or overlapping runs",
    source=f"{CHAOS}: mode one/fixed/fixed-percent, duration <= 10m, Mon-Fri 09-17 in a stated time zone, Forbid",
)
def bounded(obj: Obj, fail: Fail) -> None:
    field, chaos = _chaos(obj)
    if chaos is None:
        return  # chaos-own-pods reports it
    where = f"spec.{field}"
    if obj.spec.get("concurrencyPolicy") != "Forbid":
        fail("spec.concurrencyPolicy", f"{obj.spec.get('concurrencyPolicy')!r} must be Forbid: one run at a time")
    mode, value = chaos.get("mode"), chaos.get("value")
    selector = _mapping(chaos.get("selector"))
    labels = _mapping(selector.get("labelSelectors"))
    if mode == "one":
        pass
    elif mode in ("fixed", "fixed-percent") and isinstance(value, str) and value.isdigit():
        most = MAX_PERCENT if mode == "fixed-percent" else max(1, _replicas(obj, labels) // 2)
        if not 1 <= int(value) <= most:
            fail(f"{where}.value", f"{value!r} must be 1-{most} for mode {mode} (at most half the pods)")
    else:
        fail(f"{where}.mode", f"{mode!r} (value {value!r}): one, or fixed / fixed-percent with a number")
    seconds = 0
    try:
        seconds = duration_seconds(f"{where}.duration", chaos.get("duration"))
    except ConfigError as error:
        fail(f"{where}.duration", error.allowed.replace("a duration", f"{chaos.get('duration')!r} must be a duration"))
    time_zone, cron = split_schedule(str(obj.spec.get("schedule", "")))
    if time_zone is None:
        fail("spec.schedule", "must state its time zone: CRON_TZ=<zone> <cron>")
        return
    try:
        check_schedule("spec", cron, time_zone, seconds)
    except ConfigError as error:
        fail("spec.schedule", f"{error.value!r}: {error.allowed}")


@rule(
    "chaos-steady-state",
    kinds=("Schedule",),
    reason="an experiment without the SLO alerts that judge it, or naming alerts that do not exist",
    source=f"{CHAOS}: the steady-state annotation names alerts of a PrometheusRule in the namespace",
)
def steady_state(obj: Obj, fail: Fail) -> None:
    annotations = obj.raw.get("metadata", {}).get("annotations") or {}
    names = [n.strip() for n in str(annotations.get(STEADY_STATE_ANNOTATION, "")).split(",") if n.strip()]
    field = f"metadata.annotations.{STEADY_STATE_ANNOTATION}"
    if not names:
        fail(field, "must name the SLO alerts that stay quiet while the experiment runs")
        return
    alerts = {
        r.get("alert")
        for (kind, _), rules in obj.model.objects.items()
        if kind == "PrometheusRule"
        for group in rules.spec.get("groups") or []
        for r in group.get("rules") or []
    }
    missing = [n for n in names if n not in alerts]
    if missing:
        fail(field, f"{', '.join(missing)}: no such alert in a PrometheusRule in {obj.namespace}")
