"""The project's one YAML writer: fast, byte-stable, and strings stay strings.

PyYAML's pure-Python emitter spent most of a synth (about 9 ms an object);
libyaml's is fast but optional, and the two do not write identical bytes. This
emitter writes what the project's files contain (mappings, lists, strings,
integers, finite floats, booleans, null) in one fixed block style:

- lists indented under their key, `- ` items;
- mapping keys in the order given (`sort_keys=True` sorts them);
- multi-line strings as `|` literal blocks, so a one-line change is a one-line diff;
- other strings plain where that is clearly safe, else double-quoted.

Manifests are read by more than one YAML library, and they disagree about plain
scalars: go-yaml v2 (YAML 1.1 rules; sigs.k8s.io/yaml, so kubectl and ArgoCD) reads
`y`, `n`, `on`, `off` as booleans and `1e3`, `0o17`, `1_000`, `08` as numbers;
go-yaml v3 (kustomize) and PyYAML differ again. A plain scalar is written only when
none of them can read it as anything but the same string:

- it is ASCII, starts with a letter, digit or one of `_ . / $ (`, ends with a letter,
  digit or one of `_ . / $ ) } * + % -`, and has no `: `, ` #`, double space, tab,
  or leading `---` / `...`;
- it is not, in any letter case, one of the words YAML 1.1 reads as a boolean or
  null (`y n yes no on off true false null`);
- if it starts with a digit or `.`, it contains a character that occurs in no
  number, timestamp or special float of any of the three (anything but digits,
  `a-f A-F x X o O b B i I n N t T Z _ . , : + -` and space): `500m` and
  `10.0.0.0/8` stay plain, `1e3`, `0x1F`, `2001-12-14` and `1.0.0+ab12` are quoted
  (one exception: a hex word like a checksum, `[1-9][0-9a-fA-F]*`, is plain unless
  it is all digits or digits, `e`, digits);
- and PyYAML's own resolver calls it a string.

Everything else is double-quoted with JSON escapes, plus `\\uXXXX` for the
characters YAML treats as line breaks or does not allow raw (U+0085, U+2028, U+2029,
DEL and C1 controls, U+FEFF). NaN and infinite floats are refused: JSON, and so
Kubernetes, has no such numbers; so are integers outside 64 bits, which go-yaml
would read as floats. tests/test_yaml_emitter.py checks all of this
against go-yaml's resolve rules.
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
# no flow indicators first, no comment or mapping-value sequences).
_PLAIN = re.compile(r"[A-Za-z0-9_./$(][A-Za-z0-9 _./:$@%+=*(){}\[\]~^<>?,;#'\"-]*")
_PLAIN_END = re.compile(r"[A-Za-z0-9_./$)}*+%-]")
# Words go-yaml v2 or PyYAML read as booleans or null (compared in lower case).
_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
# Every character that occurs in a number (any base, underscores, exponents),
# a timestamp or a special float (`.inf`, `.nan`) in go-yaml v2, v3 or PyYAML.
_NUMERIC = re.compile(r"[0-9a-fA-FxXoObBiInNtTZ_.,:+ -]*")
# ...except hex words such as checksums: without a leading 0 (no 0x, 0o, 0b
# prefix, no octal), a sign, a dot, `-` or `:`, a word of hex digits is a number
# only when it is all digits, or digits, one e and digits (1e3).
_HEX_WORD = re.compile(r"[1-9][0-9a-fA-F]*")
_DECIMAL = re.compile(r"[0-9]+(?:[eE][0-9]+)?")
# Characters a double-quoted scalar must not carry raw: YAML line breaks other
# than \n (folded or normalised), DEL and C1 controls, the byte-order mark,
# non-characters and lone surrogates. (json.dumps escapes the C0 controls.)
_ESCAPE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
# What a `|` block may contain: printable characters, tabs and \n, none of the
# other line breaks.
# (U+2028 and U+2029 are line breaks to YAML 1.1 readers: never inside a literal block.)
_LITERAL_SAFE = re.compile("[\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*")
# Implicit keys are limited to 1024 characters; longer ones are written `? key`.
_SIMPLE_KEY_LIMIT = 1000
_FLOW_INDICATORS = frozenset(",[]{}")


def _plain_is_safe(value: str) -> bool:
    if not (
        value
        and _PLAIN.fullmatch(value)
        and _PLAIN_END.fullmatch(value[-1])
        and ": " not in value
        and " #" not in value
        and "  " not in value
        and not value.startswith(("---", "..."))
        and value.lower() not in _WORDS
    ):
        return False
    numeric = value[0] in "0123456789." and _NUMERIC.fullmatch(value)
    if numeric and (not _HEX_WORD.fullmatch(value) or _DECIMAL.fullmatch(value)):
        return False
    return _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == _STR_TAG  # type: ignore[no-untyped-call,no-any-return]


def _quoted(value: str) -> str:
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


@lru_cache(maxsize=8192)
def scalar_text(value: str) -> str:
    """A string as a plain or double-quoted YAML scalar on one line."""
    return value if _plain_is_safe(value) else _quoted(value)


def _float_text(value: float) -> str:
    if not math.isfinite(value):
        raise ValueError(
            f"cannot write {value!r} as YAML: not a finite number (JSON, and so Kubernetes, has no NaN or infinity)"
        )
    text = repr(value)
    if "e" in text:
        # 1e-05 is a string to PyYAML (YAML 1.1 floats have a dot and a signed
        # exponent): write 1.0e-05, a float to every reader.
        mantissa, exponent = text.split("e")
        mantissa += "" if "." in mantissa else ".0"
        exponent = exponent if exponent[0] in "+-" else "+" + exponent
        text = f"{mantissa}e{exponent}"
    return text


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        if not -(2**63) <= value < 2**64:
            # go-yaml would read a float (and lose digits); Kubernetes' integers are 64-bit.
            raise ValueError(f"cannot write {value} as YAML: outside the 64-bit integers go-yaml reads as integers")
        return str(value)
    if isinstance(value, float):
        return _float_text(value)
    if isinstance(value, str):
        return scalar_text(value)
    raise TypeError(f"cannot write {type(value).__name__} as YAML: {value!r}")


def _literal(value: str, indent: int) -> list[str] | None:
    """`|` block lines for a multi-line string, or None where a literal block
    cannot carry it exactly (control characters and other line breaks, a leading
    space, tab or blank line, trailing blanks)."""
    if not _LITERAL_SAFE.fullmatch(value) or value[0] in " \t\n":
        return None
    body = value.rstrip("\n")
    lines = body.split("\n")
    if any(line != line.rstrip(" \t") for line in lines):
        return None
    trailing = len(value) - len(body)
    indicator = "|-" if trailing == 0 else "|" if trailing == 1 else "|+"
    pad = " " * indent
    return [indicator] + [pad + line if line else "" for line in lines] + [""] * (trailing - 1 if trailing > 1 else 0)


def _key_text(key: Any) -> str:
    return scalar_text(key) if isinstance(key, str) else _scalar(key)


def _block(value: Any, indent: int) -> list[str]:
    """Lines for `value` as a block node at `indent` (the caller places the first)."""
    pad = " " * indent
    if isinstance(value, Mapping):
        lines: list[str] = []
        for key, item in value.items():
            text = _key_text(key)
            if len(text) <= _SIMPLE_KEY_LIMIT:
                lines += _entry(f"{pad}{text}:", item, indent)
            else:
                lines.append(f"{pad}? {text}")
                lines += _entry(f"{pad}:", item, indent)
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


def _sorted(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _sorted(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_sorted(item) for item in value]
    return value


def dump(document: Mapping[Any, Any], *, sort_keys: bool = False) -> str:
    """One mapping (of mappings, lists, str, int, finite float, bool, None) as a
    YAML document, ending in a newline. Raises TypeError for other types and
    ValueError for NaN, infinity and integers outside 64 bits."""
    if not document:
        return "{}\n"
    return "\n".join(_block(_sorted(document) if sort_keys else document, 0)) + "\n"


def inline(value: Any) -> str:
    """`value` on one line: a scalar as `dump` writes it, collections in flow style
    (`{a: 1, b: [x, y]}`). For messages and diffs; non-finite floats are shown
    as YAML spells them rather than refused."""

    def text(item: str) -> str:
        plain = scalar_text(item)
        return _quoted(item) if plain == item and _FLOW_INDICATORS & set(item) else plain

    if isinstance(value, Mapping):
        return (
            "{"
            + ", ".join(f"{inline(k) if not isinstance(k, str) else text(k)}: {inline(v)}" for k, v in value.items())
            + "}"
        )
    if isinstance(value, list):
        return "[" + ", ".join(inline(item) for item in value) + "]"
    if isinstance(value, str):
        return text(value)
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else ".inf" if value > 0 else "-.inf"
    return _scalar(value)
