"""Secrets are named by key, never by value: no violation message may quote a value
from a Secret's `data`/`stringData` or a SealedSecret's `encryptedData` (or its
template's data). The schema rules word their messages for these kinds without
the offending value; `redact` is the net under every rule."""

from __future__ import annotations

import base64
import binascii
import contextlib
import dataclasses
import json
from collections.abc import Iterable, Mapping
from typing import Any

from .violations import Violation

SECRET_KINDS = frozenset({"Secret", "SealedSecret"})
REDACTED = "<redacted>"
#: Shorter values are not searched for (they would blank out ordinary words).
MIN_LENGTH = 4


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _values(block: Any) -> Iterable[Any]:
    return block.values() if isinstance(block, Mapping) else ()


def secret_values(objects: Iterable[Mapping[str, Any]]) -> set[str]:
    """Every value a message must not contain, in the forms a message could show it."""
    found: set[str] = set()
    for obj in objects:
        if obj.get("kind") not in SECRET_KINDS:
            continue
        spec = _mapping(obj.get("spec"))
        template = _mapping(spec.get("template"))
        blocks = (obj.get("data"), obj.get("stringData"), spec.get("encryptedData"), template.get("data"))
        for value in (v for block in blocks for v in _values(block)):
            text = value if isinstance(value, str) else json.dumps(value)
            found |= {text, repr(value), json.dumps(value)}
            with contextlib.suppress(binascii.Error, UnicodeDecodeError, ValueError):
                found.add(base64.b64decode(text, validate=True).decode("utf-8"))
    return {v for v in found if len(v) >= MIN_LENGTH}


def redact(violations: Iterable[Violation], values: set[str]) -> list[Violation]:
    """`violations` with every secret value in a message replaced by a marker."""
    out = []
    for violation in violations:
        message, text_field = violation.message, violation.field
        for value in sorted(values, key=len, reverse=True):
            message = message.replace(value, REDACTED)
            text_field = text_field.replace(value, REDACTED)
        out.append(dataclasses.replace(violation, message=message, field=text_field))
    return out


def schema_message(error: Any) -> str:
    """A schema error's message without the instance it is about (for secret kinds)."""
    if error.validator in ("additionalProperties", "required"):
        return str(error.message)  # names keys only
    if error.validator == "type":
        return f"must be of type {error.validator_value}"
    if error.validator == "enum":
        return f"must be one of {error.validator_value}"
    return f"does not satisfy the schema's {error.validator} constraint"
