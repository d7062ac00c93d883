"""Renamed names keep working for one minor version, warning with the new name."""

from __future__ import annotations

import warnings
from typing import Any


class deprecated_alias:
    """A class attribute `old` that reads (and writes) `new`, with a `DeprecationWarning`
    naming `new` and the version that renamed it; removed in the next minor version."""

    def __init__(self, old: str, new: str, since: str) -> None:
        self.old, self.new, self.since = old, new, since

    def _warn(self, owner: type) -> None:
        warnings.warn(
            f"{owner.__name__}.{self.old} is deprecated since {self.since}: use {owner.__name__}.{self.new}",
            DeprecationWarning,
            stacklevel=3,
        )

    def __get__(self, instance: object, owner: type) -> Any:
        if instance is None:
            return self
        self._warn(owner)
        return getattr(instance, self.new)

    def __set__(self, instance: object, value: Any) -> None:
        self._warn(type(instance))
        setattr(instance, self.new, value)
