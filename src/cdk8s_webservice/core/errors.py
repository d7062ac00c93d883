"""The library's errors, in one module: `ConfigError` for a value that is not allowed,
`GateFailed` for synthesized objects that break gate rules."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol


class Violation(Protocol):
    """What `GateFailed` needs of a violation (the gate's `Violation`): an order and a line."""

    def __lt__(self, other: Any, /) -> bool: ...


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
        # One bounded line, whatever the user wrote (a 200 kB tag, an expanded alias).
        super().__init__(
            f"{shorten(field, FIELD_LIMIT)}: {_shown(value)} is not allowed; {shorten(allowed, ALLOWED_LIMIT)}"
        )

    def __reduce__(self) -> tuple[type[ConfigError], tuple[str, object, str]]:
        # Raised in a worker process (the fleet), read in its parent: pickled with its
        # fields (a value that cannot be pickled travels as its repr, so the message is the same).
        import pickle

        try:
            pickle.dumps(self.value)
            value = self.value
        except Exception:
            value = _Shown(_shown(self.value))
        return (ConfigError, (self.field, value, self.allowed))


#: The longest field, value (its repr) and explanation an error message shows.
FIELD_LIMIT = 200
VALUE_LIMIT = 200
ALLOWED_LIMIT = 600


def shorten(text: str, limit: int) -> str:
    """`text` on one line and at most about `limit` characters: a longer one is cut,
    with how long it was."""
    if "\n" in text or "\r" in text:
        text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return f"{text[: limit - 40]}... ({len(text)} characters)"


def _shown(value: object) -> str:
    if isinstance(value, str) and len(value) > VALUE_LIMIT:
        return f"{value[: VALUE_LIMIT - 40]!r}... ({len(value)} characters)"
    try:
        text = repr(value)
    except ValueError:  # an int of more than 4,300 digits: Python refuses its repr
        return f"<a {type(value).__name__} too long to show>"
    return shorten(text, VALUE_LIMIT)


class _Shown:
    """A value known only by its repr."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


class GateFailed(Exception):
    """Synthesized objects broke gate rules; nothing was written.

    `violations` lists each broken rule (environment, kind, name, field, rule,
    message), sorted; the message is `report()`.
    """

    def __init__(self, violations: Sequence[Violation]) -> None:
        self.violations = sorted(violations)
        super().__init__(self.report())

    def __reduce__(self) -> tuple[type[GateFailed], tuple[list[Violation]]]:
        return (GateFailed, (self.violations,))

    def report(self, *, wrote_nothing: bool = True) -> str:
        """The violations, one a line, under a count (and, where the gate guarded a
        write, that nothing was written)."""
        tail = "; nothing was written:" if wrote_nothing else ":"
        lines = [f"the gate refused {len(self.violations)} violation(s){tail}"]
        lines += [f"  {violation}" for violation in self.violations]
        return "\n".join(lines)


class NotFound(ConfigError):
    """A file or program a command needs is not there: the message says so (`not
    found on PATH`, `does not exist`) and what to do, rather than that a value is
    not allowed."""

    def __init__(self, field: str, value: object, missing: str, remedy: str) -> None:
        super().__init__(field, value, remedy)
        self.missing = missing
        self.args = (f"{field}: {value!r} {missing}; {remedy}",)

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[type[NotFound], tuple[str, object, str, str]]:  # type: ignore[override]
        return (NotFound, (self.field, self.value, self.missing, self.allowed))
