"""`cdk8s_webservice.testing` itself: lookups and selector semantics."""

from __future__ import annotations

from typing import Any

import pytest

from cdk8s_webservice import testing

OBJECTS = [
    {"kind": "Service", "metadata": {"name": "a"}},
    {"kind": "Service", "metadata": {"name": "b"}},
    {"kind": "Deployment", "metadata": {"name": "a"}},
]


def test_find_exactly_one() -> None:
    assert testing.find(OBJECTS, "Deployment") == OBJECTS[2]
    assert testing.find(OBJECTS, "Service", "b") == OBJECTS[1]
    assert len(testing.find_all(OBJECTS, "Service")) == 2
    with pytest.raises(LookupError, match="expected one Service, found 2"):
        testing.find(OBJECTS, "Service")
    with pytest.raises(LookupError, match="expected one Ingress/a, found 0"):
        testing.find(OBJECTS, "Ingress", "a")


@pytest.mark.parametrize(
    ("selector", "selected"),
    [
        ({"app": "x"}, True),
        ({"app": "y"}, False),
        ({}, False),  # a label map selects nothing when empty (a Service without selector)
        ({"matchLabels": {"app": "x"}}, True),
        ({"matchExpressions": [{"key": "app", "operator": "In", "values": ["x", "y"]}]}, True),
        ({"matchExpressions": [{"key": "app", "operator": "NotIn", "values": ["x"]}]}, False),
        ({"matchExpressions": [{"key": "colour", "operator": "DoesNotExist"}]}, True),
        ({"matchExpressions": [{"key": "colour", "operator": "Exists"}]}, False),
    ],
)
def test_selects(selector: dict[str, Any] | None, selected: bool) -> None:
    assert testing.selects(selector, {"app": "x", "tier": "web"}) is selected
