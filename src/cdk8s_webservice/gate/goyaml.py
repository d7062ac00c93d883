"""How go-yaml resolves a plain (unquoted) scalar: v2 (YAML 1.1 rules; what
sigs.k8s.io/yaml, and so kubectl and ArgoCD, read manifests with) and v3 (YAML 1.2
core schema plus 1.1 leftovers; what kustomize reads with).

The gate's reader (`inputs`) builds each plain scalar's value with `plain_value_v2`,
so it reads a manifest as kubectl and Argo CD do; the writer's tests check that
what it writes means the same to both versions. tests/gate/test_gate_goyaml.py holds it
to the real go-yaml v2 and v3 (built from Debian's golang-gopkg-yaml.v2-dev/-v3-dev).

Written from go-yaml's `resolve.go` (Apache-2.0):
  v2: github.com/go-yaml/yaml, branch v2, commit 7649d4548cb53a614db133b2a8ac1f31859dda8c
  v3: github.com/go-yaml/yaml, branch v3, commit f6f7691b1fdeb513f56608cd2c32c51f8194bf51
together with the Go standard library functions it calls (strconv.ParseInt and
ParseUint with base 0, strconv.ParseFloat, time.Parse), as in current Go: base
prefixes 0x/0o/0b in either case, a lone leading 0 meaning octal, underscores
allowed between digits, "," accepted as the decimal mark of fractional seconds.
`resolve_v2` and `resolve_v3` give the tag; `plain_value_v2` the value, as go-yaml v2
decodes it into an interface{} (what sigs.k8s.io/yaml does): a timestamp stays its text.
"""

from __future__ import annotations

import calendar
import math
import re
from typing import Any

# resolveTable: the first byte decides which rules are tried at all.
_HINTS = {**dict.fromkeys("+-", "S"), **dict.fromkeys("0123456789", "D"), **dict.fromkeys("yYnNtTfFoO~", "M"), ".": "."}

_SPECIAL_V3 = {
    **dict.fromkeys(["true", "True", "TRUE", "false", "False", "FALSE"], "bool"),
    **dict.fromkeys(["", "~", "null", "Null", "NULL"], "null"),
    **dict.fromkeys([".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"], "float"),
    **dict.fromkeys(["-.inf", "-.Inf", "-.INF"], "float"),
    "<<": "merge",
}
# v2 adds YAML 1.1's other booleans.
_SPECIAL_V2 = {
    **_SPECIAL_V3,
    **dict.fromkeys(["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"], "bool"),
    **dict.fromkeys(["n", "N", "no", "No", "NO", "off", "Off", "OFF"], "bool"),
}

# yamlStyleFloat, verbatim.
_YAML_STYLE_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
# strconv.ParseFloat on a string that starts with ".": Go's decimal float syntax
# (hexadecimal needs a 0x prefix, so it cannot start with "."), underscores only
# between digits.
_GO_DOT_FLOAT = re.compile(r"\.[0-9]+(?:_[0-9]+)*(?:[eE][-+]?[0-9]+(?:_[0-9]+)*)?")


def _go_parse_uint(text: str) -> int | None:
    """strconv.ParseUint(text, 0, 64) without a sign; None on a syntax or range error."""
    if not text:
        return None
    base, digits = 10, text
    if text[0] == "0":
        prefix = text[1:2].lower()
        if len(text) >= 3 and prefix in ("b", "o", "x"):
            base, digits = {"b": 2, "o": 8, "x": 16}[prefix], text[2:]
        else:
            base, digits = 8, text[1:]
    value = 0
    for char in digits:
        if char.isascii() and char.isdigit():
            digit = ord(char) - ord("0")
        elif char.isascii() and char.isalpha():
            digit = ord(char.lower()) - ord("a") + 10
        else:
            return None
        if digit >= base:
            return None
        value = value * base + digit
    return value if value < 2**64 else None


def _go_parse_int(text: str) -> int | None:
    """strconv.ParseInt(text, 0, 64); None on a syntax or range error."""
    sign, body = (-1, text[1:]) if text[:1] == "-" else (1, text[1:]) if text[:1] == "+" else (1, text)
    value = _go_parse_uint(body)
    return sign * value if value is not None and -(2**63) <= sign * value <= 2**63 - 1 else None


def _go_parse_float_ok(text: str) -> bool:
    """strconv.ParseFloat(text, 64) without error, for text yamlStyleFloat matched
    (or that starts with "."): overflow to infinity is an error, underflow is not."""
    try:
        return not math.isinf(float(text.replace("_", "")))
    except ValueError:
        return False


# time.Parse with go-yaml's allowedTimestampFormats:
#   "2006-1-2T15:4:5.999999999Z07:00", the same with "t", "2006-1-2 15:4:5.999999999", "2006-1-2"
# (a space in a Go layout matches one or more spaces).
_TIMESTAMP = re.compile(
    r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})"
    r"(?:"
    r"(?P<sep>[Tt]| +)(?P<H>[0-9]{1,2}):(?P<M>[0-9]{1,2}):(?P<S>[0-9]{1,2})(?:[.,][0-9]+)?"
    r"(?P<tz>Z|[-+](?P<tzh>[0-9]{2}):(?P<tzm>[0-9]{2}))?"
    r")?"
)


def _go_timestamp(text: str) -> bool:
    """go-yaml's parseTimestamp: four digits and "-", then one of its four layouts."""
    match = _TIMESTAMP.fullmatch(text)
    if not match:
        return False
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year or 2000, month)[1]:
        # Go's proleptic calendar: year 0 is a leap year like 2000.
        return False
    if match["sep"] is None:
        return True
    if int(match["H"]) > 23 or int(match["M"]) > 59 or int(match["S"]) > 59:
        return False
    if match["sep"] in ("T", "t"):
        # The T/t layouts need a zone; the space layout takes none.
        return match["tz"] is not None and (match["tz"] == "Z" or (int(match["tzh"]) <= 24 and int(match["tzm"]) <= 60))
    return match["tz"] is None


def _resolve(text: str, special: dict[str, str]) -> str:
    hint = _HINTS.get(text[:1]) if text else "N"
    if hint is None:
        return "str"
    if text in special:
        return special[text]
    if hint == ".":
        return "float" if _GO_DOT_FLOAT.fullmatch(text) and _go_parse_float_ok(text) else "str"
    if hint in ("D", "S"):
        if _go_timestamp(text):
            return "timestamp"
        plain = text.replace("_", "")
        if _go_parse_int(plain) is not None or _go_parse_uint(plain) is not None:
            return "int"
        if _YAML_STYLE_FLOAT.match(plain) and _go_parse_float_ok(plain):
            return "float"
        # The explicit 0b/-0b (and, in v3, 0o/-0o) branches after these are what
        # ParseInt with base 0 already accepted above.
    return "str"


def resolve_v2(text: str) -> str:
    """The tag (str, bool, int, float, null, timestamp, merge) go-yaml v2 gives a plain scalar."""
    return _resolve(text, _SPECIAL_V2)


def resolve_v3(text: str) -> str:
    """The tag go-yaml v3 gives a plain scalar."""
    return _resolve(text, _SPECIAL_V3)


_TRUE_V2 = frozenset({"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"})
_FLOATS = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}


def plain_value_v2(text: str) -> Any:
    """The value go-yaml v2 decodes a plain scalar to (into an interface{}); a
    timestamp (and `<<` outside a mapping key) stays its text."""
    tag = resolve_v2(text)
    if tag == "null":
        return None
    if tag == "bool":
        return text in _TRUE_V2
    if tag == "int":
        plain = text.replace("_", "")
        signed = _go_parse_int(plain)
        return signed if signed is not None else _go_parse_uint(plain)
    if tag == "float":
        return _FLOATS[text.lower()] if text.lower() in _FLOATS else float(text.replace("_", ""))
    return text
