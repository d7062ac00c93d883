"""Checks for the values that enter through props and profiles.

Every prop is checked when its dataclass (or construct) is built, so a wrong
value fails with `ConfigError` naming the field, the value and what is allowed,
instead of a TypeError in the library, a jsii traceback, or YAML that the API
server (or Prometheus, or Grafana) refuses later.

- Whole numbers are `int`, never `bool` (`True` is an `int` in Python) and never
  `float`; where Kubernetes stores an int32, at most 2147483647.
- Numbers that may be fractional are finite: `nan` and `inf` would render as an
  alert `> inf` or a dashboard that is not valid JSON.
- Strings are `str`; mappings of settings are `str` to `str`.
"""

from __future__ import annotations

import ipaddress
import math
from collections.abc import Callable, Mapping
from typing import TypeVar

from .errors import ConfigError

INT32_MAX = 2**31 - 1
"""The largest value of a Kubernetes int32 field (replicas, ports, probe timings, ...)."""
PORT_RANGE = "a port number from 1 to 65535"

T = TypeVar("T")


def check_int(field: str, value: object, *, minimum: int = 0, maximum: int = INT32_MAX, allowed: str = "") -> int:
    """A whole number from `minimum` to `maximum` (int32 unless told): not a bool, not a float."""
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
        text = allowed or f"a whole number of at least {minimum} and at most {maximum}"
        if isinstance(value, bool):
            text += " (True and False are not numbers)"
        raise ConfigError(field, value, text)
    return value


def check_port(field: str, value: object) -> int:
    """A TCP/UDP port number, 1 to 65535."""
    return check_int(field, value, minimum=1, maximum=65535, allowed=PORT_RANGE)


def check_distinct_ports(ports: Mapping[str, int], where: str) -> None:
    """Ports that one object declares side by side (a Service's, a container's) must
    differ: field -> port, in the order the blame goes (a later one names the earlier)."""
    seen: dict[int, str] = {}
    for field, port in ports.items():
        check_port(field, port)
        if port in seen:
            raise ConfigError(field, port, f"a port other than {seen[port]} ({port}): {where} declares both")
        seen[port] = field


def check_number(
    field: str,
    value: object,
    allowed: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    exclusive: bool = False,
) -> float:
    """A finite int or float within the bounds (both exclusive with `exclusive`): not a
    bool, never nan or infinity."""
    ok = not isinstance(value, bool) and isinstance(value, (int, float)) and math.isfinite(value)
    if ok and minimum is not None:
        ok = value > minimum if exclusive else value >= minimum  # type: ignore[operator]
    if ok and maximum is not None:
        ok = value < maximum if exclusive else value <= maximum  # type: ignore[operator]
    if not ok:
        raise ConfigError(field, value, allowed)
    return float(value)  # type: ignore[arg-type]


def check_str(field: str, value: object, allowed: str | None = None, *, empty: bool = False) -> str:
    """A string (non-empty unless `empty`)."""
    if not isinstance(value, str) or (not empty and not value):
        raise ConfigError(field, value, allowed or ("a string" if empty else "a non-empty string"))
    return value


def check_bool(field: str, value: object) -> bool:
    """True or False, not a string or a number that looks like one."""
    if not isinstance(value, bool):
        raise ConfigError(field, value, "True or False")
    return value


def check_instance(field: str, value: object, kind: type[T], allowed: str = "") -> T:
    """A nested props value of the right type (a `HealthChecks`, not a dict)."""
    if not isinstance(value, kind):
        article = "an" if kind.__name__[0] in "AEIOU" else "a"
        raise ConfigError(field, value, allowed or f"{article} {kind.__name__}")
    return value


def check_str_mapping(
    field: str, value: object, *, check_key: Callable[[str, object], object] | None = None
) -> dict[str, str]:
    """Settings as `str` -> `str` (a ConfigMap's data, environment variables). Keys are
    checked by `check_key(field + " key", key)` when given; a value that is not a
    string (a number, a bool) is refused, quoted it would be fine."""
    if not isinstance(value, Mapping):
        raise ConfigError(field, value, "a mapping of names to string values")
    for key, item in value.items():
        if check_key is not None:
            check_key(f"{field} key", key)
        elif not isinstance(key, str):
            raise ConfigError(f"{field} key", key, "a string")
        if not isinstance(item, str):
            raise ConfigError(f"{field}[{key}]", item, "a string (quote numbers and booleans: '4', 'true')")
    return dict(value)


def check_cidr(field: str, value: object) -> str:
    """An IP address range in CIDR notation (`10.0.0.0/8`, `0.0.0.0/0`, `fd00::/8`)."""
    allowed = "an IP address range in CIDR notation such as '10.0.0.0/8'"
    if not isinstance(value, str) or "/" not in value:
        raise ConfigError(field, value, allowed)
    try:
        ipaddress.ip_network(value, strict=False)
    except ValueError:
        raise ConfigError(field, value, allowed) from None
    return value
