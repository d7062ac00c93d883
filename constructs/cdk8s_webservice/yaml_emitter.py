"""A small YAML emitter for Kubernetes objects: fast, and byte-stable everywhere.

PyYAML's pure-Python emitter spent most of a synth (about 9 ms an object);
libyaml's is fast but optional, and the two do not write identical bytes. This
emitter writes only what manifests contain (mappings with string keys, lists,
strings, numbers, booleans, null) in one fixed block style:

- lists indented under their key, `- ` items;
- strings plain where YAML reads them back as the same string, else
  double-quoted with JSON escapes; multi-line strings as `|` literal blocks;
- mapping keys in the order given (the caller sorts them).

Whether a plain scalar would be read as something else (a number, a boolean,
null, a date) is decided by PyYAML's own implicit resolver, so a string never
changes type on the way back. The tests round-trip every rendered object.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import yaml

_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
# Characters a plain scalar may start with, contain, and end with (conservative:
# no flow indicators, no comment or mapping-value sequences).
_PLAIN = re.compile(r"[A-Za-z0-9_./$(][A-Za-z0-9 _./:$@%+=*(){}\[\]~^<>?,;#'\"-]*")
_PLAIN_END = re.compile(r"[A-Za-z0-9_./$)}*+%-]")
_LITERAL_SAFE = re.compile(r"[^\x00-\x08\x0b-\x1f\x7f\ufeff\u2028\u2029]*")


@lru_cache(maxsize=8192)
def scalar_text(value: str) -> str:
    """A string as a plain or double-quoted YAML scalar on one line."""
    if (
        value
        and _PLAIN.fullmatch(value)
        and _PLAIN_END.fullmatch(value[-1])
        and ": " not in value
        and " #" not in value
        and "  " not in value
        and _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == _STR_TAG  # type: ignore[no-untyped-call]
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)
    if isinstance(value, str):
        return scalar_text(value)
    raise TypeError(f"cannot write {type(value).__name__} as YAML: {value!r}")


def _literal(value: str, indent: int) -> list[str] | None:
    """`|` block lines for a multi-line string, or None where a literal block
    cannot carry it exactly (control characters, leading space, trailing blanks)."""
    if not _LITERAL_SAFE.fullmatch(value) or value[0] in " \n" or "\r" in value:
        return None
    body = value.rstrip("\n")
    lines = body.split("\n")
    if any(line != line.rstrip(" \t") for line in lines):
        return None
    trailing = len(value) - len(body)
    indicator = "|-" if trailing == 0 else "|" if trailing == 1 else "|+"
    pad = " " * indent
    return [indicator] + [pad + line if line else "" for line in lines] + [""] * (trailing - 1 if trailing > 1 else 0)


def _block(value: Any, indent: int) -> list[str]:
    """Lines for `value` as a block node at `indent` (the caller places the first)."""
    pad = " " * indent
    if isinstance(value, Mapping):
        lines: list[str] = []
        for key, item in value.items():
            head = f"{pad}{scalar_text(str(key))}:"
            lines += _entry(head, item, indent)
        return lines
    if isinstance(value, list):
        lines = []
        for item in value:
            nested = _block(item, indent + 2) if isinstance(item, (Mapping, list)) and item else None
            if nested:
                lines.append(f"{pad}- {nested[0][indent + 2 :]}")
                lines += nested[1:]
            else:
                lines += _entry(f"{pad}-", item, indent)
        return lines
    return [pad + _scalar(value)]


def _entry(head: str, value: Any, indent: int) -> list[str]:
    """`head` (a key with its colon, or a list dash) followed by `value`."""
    if isinstance(value, Mapping):
        return [f"{head} {{}}"] if not value else [head, *_block(value, indent + 2)]
    if isinstance(value, list):
        return [f"{head} []"] if not value else [head, *_block(value, indent + 2)]
    if isinstance(value, str) and "\n" in value:
        literal = _literal(value, indent + 2)
        if literal is not None:
            return [f"{head} {literal[0]}", *literal[1:]]
    return [f"{head} {_scalar(value)}"]


def dump(document: Mapping[str, Any]) -> str:
    """One mapping as a YAML document, ending in a newline."""
    return "\n".join(_block(document, 0)) + "\n"
