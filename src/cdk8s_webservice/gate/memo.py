"""The gate's results kept by the exact content checked.

Every rule is a function of the objects it is given and the gate's settings, so a
folder (or, for the schema rules, an object) checked before gives the same answer
again. `watch` re-checks every environment on each save, most of it unchanged: the
schema rules alone took ~50 ms of a ~70 ms gate there.

The key is the SHA-256 of the content's canonical JSON (keys sorted), and only of
content that JSON renders exactly (read back equal: no tuples, no non-string keys,
no NaN); anything else is checked every time. Results are kept in a bounded table
on each `Gate` (its settings are part of it), least recently used out first.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from typing import Any, Generic, TypeVar

Result = TypeVar("Result")


def content_digest(value: Any) -> str | None:
    """SHA-256 of `value`'s canonical JSON; None when JSON does not render it exactly."""
    try:
        text = json.dumps(value, sort_keys=True, separators=(",", ":"), allow_nan=False)
        if json.loads(text) != value:
            return None
    except (TypeError, ValueError, RecursionError):
        return None
    return hashlib.sha256(text.encode()).hexdigest()


class Memo(Generic[Result]):
    """At most `size` results, by key; the least recently used goes first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._results: OrderedDict[Any, Result] = OrderedDict()

    def get(self, key: Any) -> Result | None:
        found = self._results.get(key)
        if found is not None:
            self._results.move_to_end(key)
        return found

    def put(self, key: Any, result: Result) -> None:
        self._results[key] = result
        self._results.move_to_end(key)
        while len(self._results) > self.size:
            self._results.popitem(last=False)
