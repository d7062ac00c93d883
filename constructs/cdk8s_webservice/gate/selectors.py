"""Label selectors, and the rule that a workload selects its own pods.

The API server refuses a Deployment, StatefulSet, DaemonSet or ReplicaSet whose
`spec.selector` is empty or does not select `spec.template.metadata.labels`
("selector does not match template labels"); the gate refuses it first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .pods import SELECTOR_KINDS, pod_specs
from .violations import Violation

RULES = {
    "workload-selector-matches-template": "a workload whose selector does not select its own pod template "
    "(the API server refuses it)",
}
"""Every rule this module reports, and what it protects against."""


def matches(selector: Mapping[str, Any] | None, labels: Mapping[str, Any]) -> bool:
    """Label-selector semantics: a LabelSelector (matchLabels, matchExpressions) or a
    Service's plain map. An empty selector matches everything."""
    if not selector:
        return True
    if "matchLabels" in selector or "matchExpressions" in selector:
        match_labels = selector.get("matchLabels") or {}
        expressions = selector.get("matchExpressions") or []
    else:
        match_labels, expressions = selector, []
    if any(labels.get(k) != v for k, v in match_labels.items()):
        return False
    for expression in expressions:
        key, operator, values = expression["key"], expression["operator"], expression.get("values") or []
        present = key in labels
        if (
            (operator == "In" and labels.get(key) not in values)
            or (operator == "NotIn" and labels.get(key) in values)
            or (operator == "Exists" and not present)
            or (operator == "DoesNotExist" and present)
            or operator not in ("In", "NotIn", "Exists", "DoesNotExist")
        ):
            return False
    return True


def check_workload_selectors(environment: str, objects: Iterable[Mapping[str, Any]]) -> list[Violation]:
    violations = []
    for obj in objects:
        if obj.get("kind") not in SELECTOR_KINDS:
            continue
        selector = (obj.get("spec") or {}).get("selector")
        pods = pod_specs(obj)
        if not pods:
            continue
        if not isinstance(selector, Mapping) or not (selector.get("matchLabels") or selector.get("matchExpressions")):
            problem = "is empty: it must select the template's labels"
        elif not matches(selector, pods[0].labels):
            problem = f"does not select the template's labels {dict(pods[0].labels)}"
        else:
            continue
        violations.append(
            Violation(
                environment,
                str(obj["kind"]),
                str(obj["metadata"]["name"]),
                "spec.selector",
                "workload-selector-matches-template",
                problem,
            )
        )
    return violations
