"""Feature flags as data: typed flags with variants and a default variant, per environment.

`FeatureFlags` is what an `EnvironmentProfile` declares (`feature_flags=`; None, the
default, renders nothing). `WebService` turns it into an OpenFeature `FeatureFlag`, a
`FeatureFlagSource` and the pod annotations with which the OpenFeature Operator injects
a flagd sidecar (see `openfeature.py`). Pure values: importing this module starts no
Node.js, so the gate shares its type rules (`FlagType.of`).
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.values import check_bool, check_instance
from cdk8s_webservice.kinds.resources import Resources

_FLAG_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")
FLAGD_PORTS = {"port": 8013, "management_port": 8014, "ofrep_port": 8016}
"""The ports the injected flagd sidecar listens on (the FeatureFlagSource defaults);
the application's container must not use them: both share the pod's network."""

ENABLED_ANNOTATION = "openfeature.dev/enabled"
SOURCE_ANNOTATION = "openfeature.dev/featureflagsource"


def pod_annotations(source_name: str) -> dict[str, str]:
    """The pod-template annotations that make the OpenFeature Operator inject flagd
    configured by the FeatureFlagSource `source_name` (same namespace)."""
    return {ENABLED_ANNOTATION: "true", SOURCE_ANNOTATION: source_name}


class FlagType(enum.Enum):
    """A flag's value type; every variant of the flag has it (flagd infers the type
    from the variants and refuses an evaluation of another type)."""

    BOOLEAN = "boolean"
    STRING = "string"
    INTEGER = "integer"
    FLOAT = "float"
    """Any finite number (integers included), as flagd's float evaluation reads it."""
    OBJECT = "object"
    """A JSON object (string keys; values JSON)."""

    def accepts(self, value: object) -> bool:
        """Whether `value` is a variant value of this type."""
        if self is FlagType.BOOLEAN:
            return isinstance(value, bool)
        if self is FlagType.STRING:
            return isinstance(value, str)
        if self is FlagType.INTEGER:
            return isinstance(value, int) and not isinstance(value, bool) and -(2**63) <= value < 2**63
        if self is FlagType.FLOAT:
            return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
        return isinstance(value, Mapping) and _json(value)

    @classmethod
    def of(cls, value: object) -> FlagType | None:
        """The narrowest type of a variant value (None: not a flag value)."""
        for kind in (cls.BOOLEAN, cls.STRING, cls.INTEGER, cls.FLOAT, cls.OBJECT):
            if kind.accepts(value):
                return kind
        return None


def _json(value: object) -> bool:
    if isinstance(value, Mapping):
        return all(isinstance(k, str) and _json(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return all(_json(v) for v in value)
    if isinstance(value, float):
        return math.isfinite(value)
    return value is None or isinstance(value, (str, int, bool))


@public
@dataclass(frozen=True)
class Flag:
    """One feature flag: its key, type, named variants and the variant served by default."""

    key: str
    """The flag key the application evaluates (letters, digits, `_`, `.`, `-`; up to 128)."""
    type: FlagType
    """The type every variant's value has."""
    variants: Mapping[str, Any]
    """Variant name -> value (at least one; each value of `type`)."""
    default_variant: str
    """The variant served without targeting: one of `variants`."""
    enabled: bool = True
    """False: the flag is DISABLED (flagd answers with the caller's default)."""

    def __post_init__(self) -> None:
        where = f"feature_flags.{self.key}"
        if not isinstance(self.key, str) or not _FLAG_KEY.fullmatch(self.key):
            raise ConfigError(
                "feature_flags.key", self.key, "a flag key: letters, digits, '_', '.' or '-', up to 128 characters"
            )
        if not isinstance(self.type, FlagType):
            raise ConfigError(f"{where}.type", self.type, f"a FlagType: {', '.join(t.name for t in FlagType)}")
        if not isinstance(self.variants, Mapping) or not self.variants:
            raise ConfigError(f"{where}.variants", self.variants, "a mapping of variant name to value, not empty")
        for name, value in self.variants.items():
            if not isinstance(name, str) or not _FLAG_KEY.fullmatch(name):
                raise ConfigError(f"{where}.variants", name, "variant names are letters, digits, '_', '.' or '-'")
            if not self.type.accepts(value):
                raise ConfigError(f"{where}.variants.{name}", value, f"a {self.type.value} value (the flag's type)")
        if self.default_variant not in self.variants:
            raise ConfigError(
                f"{where}.default_variant", self.default_variant, f"one of the variants: {', '.join(self.variants)}"
            )
        check_bool(f"{where}.enabled", self.enabled)
        object.__setattr__(self, "variants", dict(self.variants))

    def spec(self) -> dict[str, Any]:
        """The flag as `flagSpec.flags.<key>` holds it (its type in `metadata.type`)."""
        return {
            "state": "ENABLED" if self.enabled else "DISABLED",
            "variants": dict(self.variants),
            "defaultVariant": self.default_variant,
            "metadata": {"type": self.type.value},
        }


@public
@dataclass(frozen=True)
class FeatureFlags:
    """An environment's feature flags, and the flagd sidecar that serves them.

    flagd reads the flags from a file the operator keeps in sync with the `FeatureFlag`
    (sync provider `file`): the sidecar needs no Kubernetes API token and no egress, and
    the application reaches it on localhost (`FLAGD_PORTS`).
    """

    flags: Sequence[Flag]
    """The flags (at least one; keys unique)."""
    sidecar_resources: Resources = field(
        default_factory=lambda: Resources(
            cpu_request="10m", cpu_limit="100m", memory_request="32Mi", memory_limit="64Mi"
        )
    )
    """Requests and limits of the injected flagd container (default 10m-100m CPU,
    32Mi-64Mi memory): the operator sets them from the FeatureFlagSource."""
    probes: bool = True
    """flagd's liveness and readiness probes on its management port."""

    def __post_init__(self) -> None:
        if isinstance(self.flags, (str, bytes)) or not isinstance(self.flags, Sequence) or not self.flags:
            raise ConfigError("feature_flags.flags", self.flags, "a sequence of Flag, not empty")
        seen: set[str] = set()
        for flag in self.flags:
            check_instance("feature_flags.flags", flag, Flag, "a sequence of Flag")
            if flag.key in seen:
                raise ConfigError("feature_flags.flags", flag.key, "each flag key appears once")
            seen.add(flag.key)
        object.__setattr__(self, "flags", tuple(self.flags))
        check_instance("feature_flags.sidecar_resources", self.sidecar_resources, Resources)
        check_bool("feature_flags.probes", self.probes)

    def flag_spec(self) -> dict[str, Any]:
        return {"flags": {flag.key: flag.spec() for flag in self.flags}}


def check_application_ports(ports: Mapping[str, int]) -> None:
    """Refuse an application port that flagd listens on in the same pod."""
    taken = {number: name for name, number in FLAGD_PORTS.items()}
    for field_name, number in ports.items():
        if number in taken:
            raise ConfigError(
                field_name, number, f"a port other than flagd's {taken[number]} ({number}): feature flags are on"
            )
