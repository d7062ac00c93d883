"""Helpers for testing constructs and charts built on this library (modelled on
cdk8s' `Testing.app()` / `Testing.chart()` / `Testing.synth()`).

Build one construct alone in a fresh chart, synthesize it to plain dicts, find
objects by kind and name, check what a selector selects, and run the gate on the
result:

    from cdk8s_webservice import testing
    from cdk8s_webservice.kinds.availability import PodDisruptionBudget

    chart = testing.chart()
    PodDisruptionBudget(chart, "pdb", identity=testing.identity())
    (pdb,) = testing.synth(chart)
    assert testing.selects(pdb["spec"]["selector"], testing.identity().pod_labels)
    (violation,) = testing.check(testing.synth(chart))  # the gate, on the dicts: alone, it selects no pods
    assert violation.rule == "selector-matches-pods"

Call `runtime.start(root)` (e.g. in `conftest.py`) before the first construct, as
every entry point does. The `manifest_gate` and `gate_settings` pytest fixtures
(`cdk8s_webservice.testing.pytest_plugin`) build on this module.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from cdk8s_webservice.synthesis.output import read_tree

if TYPE_CHECKING:
    from cdk8s import App
    from constructs import Construct

    from cdk8s_webservice.core.identity import ServiceIdentity
    from cdk8s_webservice.gate import Gate, GateSettings, Violation
    from cdk8s_webservice.profiles.environment import EnvironmentProfile
    from cdk8s_webservice.service.chart import EnvironmentChart

__all__ = [
    "app",
    "chart",
    "check",
    "find",
    "find_all",
    "gate",
    "identity",
    "pod_labels",
    "profile",
    "read_tree",
    "selects",
    "synth",
]

Manifest = dict[str, Any]


def app() -> App:
    """A fresh cdk8s App (nothing is written unless you call its `synth`)."""
    from cdk8s import App

    return App()


def profile(**overrides: Any) -> EnvironmentProfile:
    """A small, valid `EnvironmentProfile` ("test" in namespace "test", one replica,
    1-2 under the HPA, tag `v1.0.0`, rolling), with `overrides` applied."""
    from cdk8s_webservice.kinds.replicas import ScalingBounds
    from cdk8s_webservice.kinds.resources import Resources
    from cdk8s_webservice.profiles.environment import EnvironmentProfile

    values: dict[str, Any] = {
        "name": "test",
        "namespace": "test",
        "replicas": 1,
        "resources": Resources(cpu_request="50m", cpu_limit="100m", memory_request="64Mi", memory_limit="128Mi"),
        "autoscaling": ScalingBounds(min_replicas=1, max_replicas=2),
        "image_tag": "v1.0.0",
        **overrides,
    }
    return EnvironmentProfile(**values)


def identity(**overrides: Any) -> ServiceIdentity:
    """A `ServiceIdentity`: service "app" in namespace "test", environment "test"."""
    from cdk8s_webservice.core.identity import ServiceIdentity

    values: dict[str, Any] = {"name": "app", "namespace": "test", "environment": "test", **overrides}
    return ServiceIdentity(**values)


def chart(
    environment: EnvironmentProfile | None = None,
    *,
    labels: dict[str, str] | None = None,
    annotations: dict[str, str] | None = None,
    part_of: str | None = None,
) -> EnvironmentChart:
    """A fresh `EnvironmentChart` (by default for `profile()`) in a fresh App; its
    part-of is `part_of`, else the environment's name."""
    from cdk8s_webservice.service.chart import EnvironmentChart

    environment = environment or profile()
    return EnvironmentChart(
        app(), environment.name, profile=environment, part_of=part_of, labels=labels, annotations=annotations
    )


def synth(scope: Construct) -> list[Manifest]:
    """The objects of a chart, or of one construct (those in its subtree), as plain
    dicts, in the order the chart renders them."""
    from cdk8s import ApiObject, Chart

    from cdk8s_webservice.service.chart import EnvironmentChart

    if isinstance(scope, Chart):
        return [dict(o) for o in scope.to_json()]
    own = [c for c in scope.node.find_all() if isinstance(c, ApiObject)]
    chart = Chart.of(scope)
    if isinstance(chart, EnvironmentChart):
        return [dict(chart._finish(o.to_json())) for o in own]
    return [dict(o.to_json()) for o in own]


def find_all(objects: Iterable[Manifest], kind: str) -> list[Manifest]:
    """Every object of `kind` (the objects themselves, not copies)."""
    return [o for o in objects if o.get("kind") == kind]


def find(objects: Iterable[Manifest], kind: str, name: str | None = None) -> Manifest:
    """The one object of `kind` (named `name`, when given); `LookupError` naming what
    was found when there is not exactly one."""
    matches = [o for o in find_all(objects, kind) if name is None or o.get("metadata", {}).get("name") == name]
    if len(matches) != 1:
        what = f"{kind}/{name}" if name is not None else kind
        raise LookupError(f"expected one {what}, found {len(matches)}")
    return matches[0]


def pod_labels(workload: Mapping[str, Any]) -> dict[str, str]:
    """The labels of a workload's pods (its pod template's)."""
    labels: dict[str, str] = workload["spec"]["template"]["metadata"].get("labels", {})
    return labels


def selects(selector: Mapping[str, Any] | None, labels: Mapping[str, str]) -> bool:
    """Whether `selector` selects pods labelled `labels`.

    `selector` is a label map (a Service's `spec.selector`, a `matchLabels`), where an
    empty or missing map selects nothing, or a LabelSelector (`matchLabels` and/or
    `matchExpressions`: In, NotIn, Exists, DoesNotExist), where an empty one selects
    every pod, as in Kubernetes.
    """
    if not selector:
        return False
    if "matchLabels" not in selector and "matchExpressions" not in selector:
        return selector.items() <= labels.items()
    if not selector.get("matchLabels", {}).items() <= labels.items():
        return False
    for expression in selector.get("matchExpressions", []):
        key, operator, values = expression["key"], expression["operator"], expression.get("values", [])
        present = key in labels
        if operator == "In" and not (present and labels[key] in values):
            return False
        if operator == "NotIn" and present and labels[key] in values:
            return False
        if operator == "Exists" and not present:
            return False
        if operator == "DoesNotExist" and present:
            return False
    return True


def gate(settings: GateSettings | None = None) -> Gate:
    """The gate for `settings` (the library's CRDs and policies by default), built once
    per settings and kept: loading the schemas and policies takes a while."""
    from cdk8s_webservice.gate import GateSettings

    return _gate(settings or GateSettings())


@functools.lru_cache(maxsize=8)
def _gate(settings: GateSettings) -> Gate:
    from cdk8s_webservice.gate import Gate

    return Gate(settings)


def check(
    objects: Iterable[Mapping[str, Any]],
    *,
    environment: str = "test",
    settings: GateSettings | None = None,
) -> list[Violation]:
    """The gate's violations for `objects` (the dicts `synth` returns, or any):
    empty when every rule passes."""
    return gate(settings).check(environment, list(objects))
