"""Resource quantities (CPU and memory), parsed so they can be checked and compared.

The text the user wrote is kept as is for the output: `2000m` stays `2000m`, so
the rendered YAML reads like the profile that produced it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .errors import ConfigError

_CPU = re.compile(r"(?P<number>[0-9]+(\.[0-9]+)?)(?P<unit>m?)")
_MEMORY = re.compile(r"(?P<number>[0-9]+(\.[0-9]+)?)(?P<unit>Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?")
_MEMORY_FACTORS = {
    None: 1,
    "k": 10**3,
    "M": 10**6,
    "G": 10**9,
    "T": 10**12,
    "P": 10**15,
    "E": 10**18,
    "Ki": 2**10,
    "Mi": 2**20,
    "Gi": 2**30,
    "Ti": 2**40,
    "Pi": 2**50,
    "Ei": 2**60,
}


@dataclass(frozen=True, order=False)
class Quantity:
    """A parsed quantity: `text` as written, `value` in base units (cores or bytes)."""

    text: str
    value: Decimal

    def __str__(self) -> str:
        return self.text


def cpu(field: str, text: object) -> Quantity:
    """Parse a CPU quantity such as `500m`, `2` or `0.5`."""
    match = _CPU.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise ConfigError(field, text, "a CPU quantity is a number of cores ('2', '0.5') or millicores ('500m')")
    value = Decimal(match["number"]) / (1000 if match["unit"] == "m" else 1)
    if value <= 0:
        raise ConfigError(field, text, "a CPU quantity must be greater than zero")
    return Quantity(match.string, value)


def memory(field: str, text: object) -> Quantity:
    """Parse a memory quantity such as `512Mi`, `2Gi` or `1G`."""
    match = _MEMORY.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise ConfigError(
            field, text, "a memory quantity is a number with an optional unit Ki, Mi, Gi, Ti, k, M, G or T ('512Mi')"
        )
    value = Decimal(match["number"]) * _MEMORY_FACTORS[match["unit"]]
    if value <= 0:
        raise ConfigError(field, text, "a memory quantity must be greater than zero")
    return Quantity(match.string, value)
