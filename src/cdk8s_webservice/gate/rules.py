"""Runs the table's Python rules (see `registry`) on one folder of objects.

Each rule runs on each object of a kind it looks at; a rule that raises on
malformed input does not stop the others: the stages (rule modules) that could
not run on some object are reported, once per error, as `gate/rule-failed`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .model import Folder, Obj
from .registry import ObjectCheck, Rule, python_stages
from .violations import Violation, rule_failed


class _Report:
    """The `Fail` callback of one rule on one object."""

    __slots__ = ("environment", "obj", "out", "rule")

    def __init__(self, out: list[Violation], environment: str, obj: Obj, rule: str) -> None:
        self.out, self.environment, self.obj, self.rule = out, environment, obj, rule

    def __call__(self, field: str, message: str) -> None:
        self.out.append(Violation(self.environment, self.obj.kind, self.obj.name, field, self.rule, message))


def _by_kind(rules: list[Rule], kinds: Iterable[str]) -> dict[str, list[tuple[str, ObjectCheck]]]:
    """Kind -> (rule id, check) of the rules that look at it."""
    return {kind: [(r.id, r.check) for r in rules if r.check is not None and r.applies_to(kind)] for kind in kinds}


def check_rules(
    environment: str,
    objects: Iterable[Mapping[str, Any]],
    *,
    ingress_namespace: str,
    monitoring_namespace: str,
) -> list[Violation]:
    """Every Python rule's violations in one folder, and a `gate/rule-failed`
    violation for each stage that failed on some object."""
    folder = Folder(objects, ingress_namespace=ingress_namespace, monitoring_namespace=monitoring_namespace)
    kinds = {obj.kind for obj in folder.objects}
    out: list[Violation] = []
    failed: dict[int, tuple[Exception, list[str]]] = {}  # one report per error (a namespace's model, ...)
    for stage, rules in python_stages():
        applicable = _by_kind(rules, kinds)
        failure: Exception | None = None
        for obj in folder.objects:
            for rule, check in applicable[obj.kind]:
                try:
                    check(obj, _Report(out, environment, obj, rule))
                except Exception as error:  # malformed input the rule did not expect
                    failure = failure or error
        if failure is not None:
            failed.setdefault(id(failure), (failure, []))[1].append(stage)
    out += [rule_failed(environment, " and ".join(stages), error) for error, stages in failed.values()]
    return out
