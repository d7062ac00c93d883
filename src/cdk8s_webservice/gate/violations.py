"""What the gate reports: one violation per broken rule, named precisely."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cdk8s_webservice.core.errors import GateFailed
from cdk8s_webservice.core.keywords import public

from .registry import declare

__all__ = ["GateFailed", "Violation", "rule_failed"]


@public
@dataclass(frozen=True, order=True)
class Violation:
    """A rule an object breaks: where (environment, kind, name, field) and why."""

    environment: str
    """Folder (environment) the object is in."""
    kind: str
    """Kind of the object."""
    name: str
    """Name of the object."""
    field: str
    """Path of the offending field."""
    rule: str
    """Rule broken (`no-privileged`, `schema/crd`, `target-exists`, ...)."""
    message: str
    """What is wrong, and what is expected."""

    def __str__(self) -> str:
        return f"{self.environment}: {self.kind}/{self.name}: {self.field}: [{self.rule}] {self.message}"


declare(
    "gate/rule-failed",
    kinds=("-",),
    reason="a rule module that could not run on malformed input (reported, never raised)",
    source="project: the gate never ends in a traceback, nor passes what it could not check",
    stage="violations",
)


def rule_failed(environment: str, stage: str, error: Exception) -> Violation:
    """What the gate reports when the rules of `stage` raise `error` on malformed input."""
    frame = error.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    where = f"{Path(frame.tb_frame.f_code.co_filename).name}:{frame.tb_lineno}" if frame else "?"
    return Violation(
        environment,
        "-",
        "-",
        "(folder)",
        "gate/rule-failed",
        f"the {stage} rules could not run ({type(error).__name__} at {where}): "
        "fix the other violations reported here first",
    )
