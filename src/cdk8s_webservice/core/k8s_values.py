"""Kubernetes' `Quantity` and `IntOrString` values, made once per value.

Each `k8s.Quantity.from_string` or `k8s.IntOrString.from_number` is a call into
Node.js (a round trip of ~0.15 ms); a synth of the three environments made 109
of them for a few dozen distinct values. The values are immutable, so one object
per value is shared by every construct that uses it.
"""

from __future__ import annotations

from functools import cache

from cdk8s_plus_27 import k8s


@cache
def quantity(text: str) -> k8s.Quantity:
    """`k8s.Quantity.from_string(text)`, one object per text."""
    return k8s.Quantity.from_string(text)


def int_or_string(value: int | str) -> k8s.IntOrString:
    """`k8s.IntOrString` of a number or a string (a named port, a percentage)."""
    # Keyed by type too: True == 1 for a cache, not for Kubernetes.
    return _number(value, type(value).__name__) if isinstance(value, int) else _string(value)


@cache
def _number(value: int, _kind: str) -> k8s.IntOrString:
    return k8s.IntOrString.from_number(value)


@cache
def _string(value: str) -> k8s.IntOrString:
    return k8s.IntOrString.from_string(value)
