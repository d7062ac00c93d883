"""The one error type configuration mistakes raise."""

from __future__ import annotations


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
