"""The gate's rules, in one table.

Every rule the gate can report is a row: its id, the kinds it looks at, what it
protects against (`reason`) and where it comes from (`source`: a Pod Security
Standards control, the Kubernetes API server, ArgoCD, or the project's own
reason), with the checkov / trivy checks of the same field where they exist.

A rule written in Python is a small function registered by a decorator:

    @rule("target-exists", kinds=("HorizontalPodAutoscaler",), reason=..., source=...)
    def hpa_target(obj: Obj, fail: Fail) -> None: ...

    @pod_rule("no-privileged", reason=..., source="baseline: Privileged Containers", checks="CKV_K8S_16; KSV017")
    def privileged(pod: PodSpec, fail: Fail) -> None: ...

`fail(field, message)` reports one violation of that rule by that object. One id
may have a row per kind it checks differently (`target-exists` for an HPA, a
Canary, an Ingress, ...). Rules the reader, the schemas or the Rego policies
report are `declare`d, so the table is complete: the rule list of docs/gate.md and the
test that every rule has a negative case read it (`table()`, `markdown()`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .model import Obj
    from .pods import PodSpec

ANY_KIND = "*"
"""`kinds` of a rule that looks at every object."""
POD_BEARING = "(pod-bearing)"
"""`kinds` of a rule that looks at every pod spec (core kinds and custom resources)."""

#: The modules that register rules, in the order their Python rules run.
RULE_MODULES = (
    "inputs",
    "schema",
    "policy",
    "pod_security",
    "pod_api",
    "references",
    "traffic",
    "metadata",
    "rbac",
    "mesh",
    "reachability",
    "karpenter",
    "violations",
    "feature_flags",
    "chaos",
    "app_projects",
)


class Fail(Protocol):
    """Reports one violation of the rule being run, by the object being looked at."""

    def __call__(self, field: str, message: str) -> None: ...


ObjectCheck = Callable[["Obj", Fail], None]
PodCheck = Callable[["PodSpec", Fail], None]


@dataclass(frozen=True)
class Rule:
    """One row of the table."""

    id: str
    kinds: tuple[str, ...]
    """The kinds it looks at: kind names, `ANY_KIND` or `POD_BEARING`."""
    reason: str
    """What it protects against."""
    source: str
    """Where the rule comes from (a PSS control, the API server, ArgoCD, the project)."""
    checks: str = ""
    """checkov / trivy (KSV) checks of the same field, if any."""
    stage: str = ""
    """The group it runs in (and is reported in, if it cannot run): its module."""
    check: ObjectCheck | None = None
    """The Python rule; None for rules the reader, the schemas or the policies report."""

    def applies_to(self, kind: str) -> bool:
        return ANY_KIND in self.kinds or POD_BEARING in self.kinds or kind in self.kinds


_TABLE: list[Rule] = []


def _add(row: Rule) -> None:
    if any(r.id == row.id and r.kinds == row.kinds and r.check is row.check for r in _TABLE):
        return  # a module imported twice (reloaded): same row
    _TABLE.append(row)


def _stage(module: str) -> str:
    return module.rsplit(".", 1)[-1].replace("_", " ")


def rule(
    id: str, *, kinds: Iterable[str], reason: str, source: str, checks: str = ""
) -> Callable[[ObjectCheck], ObjectCheck]:
    """Register `check(obj, fail)` as rule `id` for objects of `kinds`."""

    def register(check: ObjectCheck) -> ObjectCheck:
        _add(Rule(id, tuple(kinds), reason, source, checks, _stage(check.__module__), check))
        return check

    return register


def pod_rule(id: str, *, reason: str, source: str, checks: str = "") -> Callable[[PodCheck], PodCheck]:
    """Register `check(pod, fail)` as rule `id` for every pod spec of every object
    (and every pod an operator assembles from an object's fields: `pods.assembled_pods`)."""

    def register(check: PodCheck) -> PodCheck:
        def each_pod(obj: Obj, fail: Fail) -> None:
            for pod in obj.pods:
                check(pod, fail)
            for pod in obj.assembled:  # reported at the operator's own fields
                check(pod, lambda field, message, pod=pod: fail(pod.field(field), message))

        _add(Rule(id, (POD_BEARING,), reason, source, checks, _stage(check.__module__), each_pod))
        return check

    return register


def declare(id: str, *, kinds: Iterable[str], reason: str, source: str, stage: str) -> None:
    """A rule reported outside the Python rules (by the reader, the schemas, the policies)."""
    _add(Rule(id, tuple(kinds), reason, source, "", stage))


def table() -> list[Rule]:
    """Every row, every rule module loaded."""
    for module in RULE_MODULES:
        importlib.import_module(f".{module}", __package__)
    order = [_stage(module) for module in RULE_MODULES]
    return sorted(_TABLE, key=lambda row: order.index(row.stage))


def python_stages() -> list[tuple[str, list[Rule]]]:
    """(stage, its Python rules) in the order of `RULE_MODULES`."""
    stages: dict[str, list[Rule]] = {}
    for row in table():
        if row.check is not None:
            stages.setdefault(row.stage, []).append(row)
    return list(stages.items())


def rules_in(module: str) -> dict[str, Rule]:
    """Rule id -> its (first) row, for the rules a module registers."""
    found: dict[str, Rule] = {}
    for row in _TABLE:
        if row.stage == _stage(module):
            found.setdefault(row.id, row)
    return found


def markdown() -> str:
    """The table as docs/gate.md shows it."""
    lines = ["| rule | kinds | source | checks | what it refuses |", "|---|---|---|---|---|"]
    for row in table():
        kinds = ", ".join("any" if k == ANY_KIND else "pod specs" if k == POD_BEARING else k for k in row.kinds)
        line = f"| `{row.id}` | {kinds} | {row.source} | {row.checks} | {row.reason} |"
        if line not in lines:  # one line for the checks of one rule on one kind
            lines.append(line)
    return "\n".join(lines) + "\n"
