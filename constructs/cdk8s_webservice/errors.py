"""The library's errors, in one module: `ConfigError` for a value that is not allowed,
`GateFailed` for synthesized objects that break gate rules."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .gate.violations import Violation


class ConfigError(ValueError):
    """A prop or profile value is not allowed.

    The message names the field, the value and what is allowed, so the person who
    wrote the value can fix it without reading the library's code. It is raised
    while constructs are being built, before anything is written to disk.
    """

    def __init__(self, field: str, value: object, allowed: str) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        super().__init__(f"{field}: {value!r} is not allowed; {allowed}")


class GateFailed(Exception):
    """Synthesized objects broke gate rules; nothing was written.

    `violations` lists each broken rule (environment, kind, name, field, rule,
    message), sorted; the message is `report()`.
    """

    def __init__(self, violations: Sequence[Violation]) -> None:
        self.violations = sorted(violations)
        super().__init__(self.report())

    def report(self, *, wrote_nothing: bool = True) -> str:
        """The violations, one a line, under a count (and, where the gate guarded a
        write, that nothing was written)."""
        tail = "; nothing was written:" if wrote_nothing else ":"
        lines = [f"the gate refused {len(self.violations)} violation(s){tail}"]
        lines += [f"  {violation}" for violation in self.violations]
        return "\n".join(lines)
