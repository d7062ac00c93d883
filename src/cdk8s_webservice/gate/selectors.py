"""Label selectors: what a selector matches, and what it selects in a namespace's
model (pods, including Flagger's primary; Services, including Flagger's)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Model, PodSet, ServiceView


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


def selected_pods(model: Model, selector: Mapping[str, Any] | None) -> list[PodSet]:
    """The pods of the namespace that `selector` selects."""
    return [p for p in model.pods if matches(selector, p.labels)]


def selected_services(model: Model, selector: Mapping[str, Any] | None) -> list[ServiceView]:
    """The Services of the namespace (Flagger's too) whose labels `selector` selects."""
    return [s for s in model.services.values() if matches(selector, s.labels)]
